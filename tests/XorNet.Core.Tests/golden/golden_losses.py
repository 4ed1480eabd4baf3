"""Golden values for TwoLayerNetworkTests: the article's loss and its exact gradient, written independently in NumPy.

Run with /usr/bin/python3 golden_losses.py; paste the printed numbers into the test.
L = sum((y - h2)**2) / (2N) + lam * (sum(W1**2) + sum(W2**2)) / (2N), biases not regularised.
"""
import numpy as np

X = np.array([[-1.0, -1.0], [-1.0, 1.0], [1.0, -1.0], [1.0, 1.0], [0.5, -0.25]])
labels = np.array([0, 1, 1, 0, 1])
Y = np.eye(2)[labels]
W1 = np.array([[0.3, -0.7, 0.2], [0.5, 0.1, -0.4]])
b1 = np.array([0.05, -0.1, 0.2])
W2 = np.array([[0.6, -0.3], [-0.2, 0.8], [0.4, 0.1]])
b2 = np.array([-0.05, 0.1])
lam, lr, N = 0.1, 0.5, X.shape[0]
sig = lambda z: 1 / (1 + np.exp(-z))

for step in range(3):
    h1 = sig(X @ W1 + b1)
    h2 = sig(h1 @ W2 + b2)
    loss = np.sum((Y - h2) ** 2) / (2 * N) + lam * (np.sum(W1 ** 2) + np.sum(W2 ** 2)) / (2 * N)
    print(f"loss[{step}] = {loss!r}")
    dz2 = (h2 - Y) / N * h2 * (1 - h2)
    dW2 = h1.T @ dz2 + lam * W2 / N
    db2 = dz2.sum(axis=0)
    dz1 = dz2 @ W2.T * h1 * (1 - h1)
    dW1 = X.T @ dz1 + lam * W1 / N
    db1 = dz1.sum(axis=0)
    if step == 0:
        print("dW1 =", repr(dW1.ravel().tolist()))
        print("db1 =", repr(db1.tolist()))
        print("dW2 =", repr(dW2.ravel().tolist()))
        print("db2 =", repr(db2.tolist()))
    W1 -= lr * dW1; b1 -= lr * db1; W2 -= lr * dW2; b2 -= lr * db2
