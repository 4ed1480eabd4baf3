"""Golden weights of the article's reference computation, written with NumPy from shared/reference-code.md.

    /usr/bin/python3 tests/interop/reference_golden.py [OUT.json]   (default: tests/XorNet.Core.Tests/fixtures/...)
    /usr/bin/python3 tests/interop/reference_golden.py --time ITERATIONS   (seconds per iteration, bench/run.sh)

This is our own NumPy program from the description (not the reference's code): RandomState(0).randn(300, 2) data,
XOR labels, one-hot targets; np.random.seed(2017) uniform +-1/sqrt(fan_in) weights, no biases; every iteration on
the first 50 rows: the loss before the update, the gradient with the scalar L2 term and without 1/N, w2 updated
before w1. The fixture holds, per setting, the loss and the weights after chosen iterations, so that `dotnet test`
checks XorNet's --reference run against NumPy without Python.
"""
import json
import os
import sys
import time

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIXTURE = os.path.join(ROOT, "tests/XorNet.Core.Tests/fixtures/reference_golden.json")
SETTINGS = [(3, 0.003, 0.0), (50, 0.003, 1e-4), (50, 0.003, 1e-6), (50, 0.03, 1e-4)]
CHECKPOINTS = [0, 1, 10, 100, 500]


def data(samples=300):
    x = np.random.RandomState(0).randn(samples, 2)
    labels = np.logical_xor(x[:, 0] > 0, x[:, 1] > 0).astype(int)
    y = np.zeros((samples, 2))
    y[np.arange(samples), labels] = 1
    return x, y


def initial_weights(hidden):
    np.random.seed(2017)
    w1 = 2 * np.random.random((2, hidden)) - 1
    w2 = 2 * np.random.random((hidden, 2)) - 1
    return w1 / np.sqrt(2), w2 / np.sqrt(hidden)


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def iterate(xb, yb, w1, w2, lr, lam):
    """One iteration of the described loop; returns the loss recorded before the update and the new weights."""
    n = xb.shape[0]
    h1 = sigmoid(xb.dot(w1))
    h2 = sigmoid(h1.dot(w2))
    loss = np.sum((yb - h2) ** 2) / (2 * n) + lam * (np.sum(w1 ** 2) + np.sum(w2 ** 2)) / (2 * n)
    dl_dh2 = -(yb - h2)
    dh2_dz2 = h2 * (1 - h2)
    dl_dw2 = h1.T.dot(dl_dh2 * dh2_dz2) + lam * np.sum(w2 ** 2)
    dl_dz2 = dl_dh2 * dh2_dz2
    dl_dh1 = dl_dz2.dot(w2.T)
    dh1_dz1 = h1 * (1 - h1)
    dl_dw1 = xb.T.dot(dl_dh1 * dh1_dz1) + lam * np.sum(w1 ** 2)
    w2 = w2 - lr * dl_dw2
    w1 = w1 - lr * dl_dw1
    return loss, w1, w2


def golden():
    x, y = data()
    xb, yb = x[:50], y[:50]
    runs = []
    for hidden, lr, lam in SETTINGS:
        w1, w2 = initial_weights(hidden)
        points = []
        for i in range(max(CHECKPOINTS) + 1):
            loss, n1, n2 = iterate(xb, yb, w1, w2, lr, lam)
            if i in CHECKPOINTS:  # the state after i updates and the loss measured on it
                points.append({"iteration": i, "loss": loss, "w1": w1.tolist(), "w2": w2.tolist()})
            w1, w2 = n1, n2
        runs.append({"hidden": hidden, "lr": lr, "l2": lam, "checkpoints": points})
    return {"numpy": np.__version__, "runs": runs}


def accuracy(x, labels, w1, w2):
    """The reference's measure on all points: argmax of a softmax of h1.w2 (the same class as argmax of h2)."""
    logits = sigmoid(x.dot(w1)).dot(w2)
    probs = np.exp(logits) / np.sum(np.exp(logits), axis=1, keepdims=True)
    return np.mean(np.argmax(probs, axis=1) == labels)


def seconds_per_iteration(iterations, hidden=50, lr=0.003, lam=1e-4):
    """The described loop as the reference runs it: each iteration records its loss and the accuracy on all points."""
    x, y = data()
    xb, yb, labels = x[:50], y[:50], np.argmax(y, axis=1)
    w1, w2 = initial_weights(hidden)
    losses, accuracies = [], []
    start = time.perf_counter()
    for i in range(iterations):
        loss, w1, w2 = iterate(xb, yb, w1, w2, lr, lam)
        losses.append([i, loss])
        accuracies.append([i, accuracy(x, labels, w1, w2)])
    return (time.perf_counter() - start) / iterations


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--time":
        print(f"{seconds_per_iteration(int(sys.argv[2])):.9f}")
    else:
        out = sys.argv[1] if len(sys.argv) > 1 else FIXTURE
        with open(out, "w") as f:
            json.dump(golden(), f, separators=(",", ":"))
            f.write("\n")
        print(f"wrote {out}")
