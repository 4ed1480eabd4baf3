#!/usr/bin/env python3
"""NumPy side of XorNet's benchmark: the same network, loss and minibatch SGD step, and NumPy matmul.

Prints one JSON document with the same fields as `xornet bench --json` (medians of several samples).
Run with one BLAS thread: OPENBLAS_NUM_THREADS=1 python3 numpy_bench.py
"""
import json
import sys
import time

import numpy as np


def seconds_per_call(fn, samples=7, min_sample=0.02, warmup=0.3):
    """Median seconds per call; each sample runs enough calls to last min_sample seconds."""
    calls, start = 1, time.perf_counter()
    while True:
        t = time.perf_counter()
        for _ in range(calls):
            fn()
        dt = time.perf_counter() - t
        if dt >= min_sample and time.perf_counter() - start >= warmup:
            break
        if dt < min_sample:
            calls *= 2
    times = []
    for _ in range(samples):
        t = time.perf_counter()
        for _ in range(calls):
            fn()
        times.append((time.perf_counter() - t) / calls)
    return sorted(times)[samples // 2]


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def gaussian_xor(n, rng):
    x = rng.standard_normal((n, 2))
    labels = ((x[:, 0] > 0) ^ (x[:, 1] > 0)).astype(np.int64)
    return x, np.eye(2)[labels], labels


class Network:
    """h1 = σ(X·W1 + b1), h2 = σ(h1·W2 + b2); L = Σ(y − h2)²/(2N) + λ(ΣW1² + ΣW2²)/(2N)."""

    def __init__(self, d, h, k, rng):
        self.W1 = rng.uniform(-1, 1, (d, h)) / np.sqrt(d)
        self.b1 = np.zeros((1, h))
        self.W2 = rng.uniform(-1, 1, (h, k)) / np.sqrt(h)
        self.b2 = np.zeros((1, k))

    def forward(self, X):
        h1 = sigmoid(X @ self.W1 + self.b1)
        h2 = sigmoid(h1 @ self.W2 + self.b2)
        return h1, h2

    def loss(self, h2, y, lam):
        n = y.shape[0]
        return np.sum((y - h2) ** 2) / (2 * n) + lam * (np.sum(self.W1 ** 2) + np.sum(self.W2 ** 2)) / (2 * n)

    def step(self, X, y, lam, lr):
        n = X.shape[0]
        h1, h2 = self.forward(X)
        dL_dz2 = (h2 - y) / n * (h2 * (1 - h2))
        dL_dW2 = h1.T @ dL_dz2 + lam * self.W2 / n
        dL_db2 = dL_dz2.sum(axis=0, keepdims=True)
        dL_dz1 = (dL_dz2 @ self.W2.T) * (h1 * (1 - h1))
        dL_dW1 = X.T @ dL_dz1 + lam * self.W1 / n
        dL_db1 = dL_dz1.sum(axis=0, keepdims=True)
        self.W1 -= lr * dL_dW1
        self.b1 -= lr * dL_db1
        self.W2 -= lr * dL_dW2
        self.b2 -= lr * dL_db2


def grid_ms(net, side, samples):
    xs = np.linspace(-3, 3, side, endpoint=False) + 3.0 / side
    gx, gy = np.meshgrid(xs, xs)
    pts = np.c_[gx.ravel(), gy.ravel()]

    def run():
        _, h2 = net.forward(pts)
        return (h2[:, 1] / h2.sum(axis=1)).reshape(side, side)

    return seconds_per_call(run, samples) * 1e3


def main():
    quick = "--quick" in sys.argv
    samples = 3 if quick else 7
    rng = np.random.default_rng(1)
    report = {"matmul": [], "train_step": [], "grid": []}
    for n in ([32, 128] if quick else [32, 128, 512, 1024]):
        a, b = rng.uniform(-1, 1, (n, n)), rng.uniform(-1, 1, (n, n))
        c = np.empty((n, n))
        s = seconds_per_call(lambda: np.matmul(a, b, out=c), samples)
        report["matmul"].append({"n": n, "gflops": 2 * n ** 3 / s / 1e9})
    X, Y, _ = gaussian_xor(300, rng)
    for hidden in (3, 50):
        for batch in (10, 300):
            net = Network(2, hidden, 2, rng)
            xb, yb = X[:batch].copy(), Y[:batch].copy()
            s = seconds_per_call(lambda: net.step(xb, yb, 1e-4, 1e-3), samples)
            report["train_step"].append({"hidden": hidden, "batch": batch, "us": s * 1e6})
    for hidden in (3, 50):
        net = Network(2, hidden, 2, rng)
        side = 200 if quick else 700
        report["grid"].append({"hidden": hidden, "columns": side, "rows": side, "ms": grid_ms(net, side, min(samples, 5))})
    json.dump(report, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
