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


STACKS = ("3", "50", "8x8x8", "64x64")  # the --hidden spellings xornet bench times, in its order


class Network:
    """h_l = σ(h_{l−1}·W_l + b_l) for l = 1 … L (h_0 = X); L = Σ(y − h_L)²/(2N) + λ·Σ_l ΣW_l²/(2N)."""

    def __init__(self, d, hidden, k, rng):
        widths = [d] + [int(w) for w in str(hidden).split("x")] + [k]
        self.W = [rng.uniform(-1, 1, (i, o)) / np.sqrt(i) for i, o in zip(widths, widths[1:])]
        self.b = [np.zeros((1, o)) for o in widths[1:]]

    def forward(self, X):
        hs = [X]
        for W, b in zip(self.W, self.b):
            hs.append(sigmoid(hs[-1] @ W + b))
        return hs

    def loss(self, h, y, lam):
        n = y.shape[0]
        return np.sum((y - h) ** 2) / (2 * n) + lam * sum(np.sum(W ** 2) for W in self.W) / (2 * n)

    def step(self, X, y, lam, lr):
        n = X.shape[0]
        hs = self.forward(X)
        out = hs[-1]
        dL_dz = (out - y) / n * (out * (1 - out))
        for l in range(len(self.W) - 1, -1, -1):
            W, h = self.W[l], hs[l]
            dL_dW = h.T @ dL_dz + lam * W / n
            dL_db = dL_dz.sum(axis=0, keepdims=True)
            if l > 0:
                dL_dz = (dL_dz @ W.T) * (h * (1 - h))  # before W_l changes
            W -= lr * dL_dW
            self.b[l] -= lr * dL_db


def grid_ms(net, side, samples):
    xs = np.linspace(-3, 3, side, endpoint=False) + 3.0 / side
    gx, gy = np.meshgrid(xs, xs)
    pts = np.c_[gx.ravel(), gy.ravel()]

    def run():
        h2 = net.forward(pts)[-1]
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
    for hidden in STACKS:
        for batch in (10, 300):
            net = Network(2, hidden, 2, rng)
            xb, yb = X[:batch].copy(), Y[:batch].copy()
            s = seconds_per_call(lambda: net.step(xb, yb, 1e-4, 1e-3), samples)
            report["train_step"].append({"hidden": hidden, "batch": batch, "us": s * 1e6})
    for hidden in (3, 50):
        net = Network(2, hidden, 2, rng)
        side = 200 if quick else 700
        ms = grid_ms(net, side, min(samples, 5))
        report["grid"].append({"hidden": hidden, "columns": side, "rows": side, "ms": ms})
    json.dump(report, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
