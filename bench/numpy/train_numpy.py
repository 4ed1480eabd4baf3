#!/usr/bin/env python3
"""NumPy + matplotlib equivalent of `xornet train --hidden 3 --lr 1.0 --epochs 100` (batch 10, L2 1e-4, 300 points).

Same network, loss, minibatch SGD, per-epoch metrics on the whole set, metrics.json, and the three plots
(accuracy.png, loss.png, boundary.png: the network over a 0.01 grid spanning the data ± 0.5, points on top).
Used by bench/run.sh to time the end-to-end command against xornet. Usage: train_numpy.py OUT_DIR [HIDDEN]
"""
import json
import os
import sys

import numpy as np
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from numpy_bench import Network, gaussian_xor  # noqa: E402


def main():
    out = sys.argv[1]
    hidden = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    lr, epochs, batch, lam, n = 1.0, 100, 10, 1e-4, 300
    os.makedirs(out, exist_ok=True)
    rng = np.random.default_rng(1)
    X, Y, labels = gaussian_xor(n, rng)
    net = Network(2, hidden, 2, rng)

    def evaluate(epoch):
        h2 = net.forward(X)[-1]
        return {"epoch": epoch, "loss": float(net.loss(h2, Y, lam)),
                "train_accuracy": float(np.mean(np.argmax(h2, axis=1) == labels))}

    history = [evaluate(0)]
    for epoch in range(1, epochs + 1):
        order = rng.permutation(n)
        for start in range(0, n, batch):
            idx = order[start:start + batch]
            net.step(X[idx], Y[idx], lam, lr)
        history.append(evaluate(epoch))
    with open(os.path.join(out, "metrics.json"), "w") as f:
        json.dump({"config": {"hidden": hidden, "lr": lr, "epochs": epochs, "batch_size": batch},
                   "final": history[-1], "history": history, "status": "ok"}, f, indent=2)

    ep = [m["epoch"] for m in history]
    for name, key, color in (("accuracy", "train_accuracy", "seagreen"), ("loss", "loss", "crimson")):
        fig, ax = plt.subplots(figsize=(7, 5.6), dpi=100)
        ax.plot(ep, [m[key] for m in history], color=color, lw=2)
        ax.set_xlabel("epoch")
        ax.set_ylabel(name)
        ax.set_title(f"{name}, H={hidden}")
        fig.savefig(os.path.join(out, f"{name}.png"))
        plt.close(fig)

    x0, x1 = X[:, 0].min() - 0.5, X[:, 0].max() + 0.5
    y0, y1 = X[:, 1].min() - 0.5, X[:, 1].max() + 0.5
    gx, gy = np.meshgrid(np.arange(x0, x1, 0.01), np.arange(y0, y1, 0.01))
    h2 = net.forward(np.c_[gx.ravel(), gy.ravel()])[-1]
    share = (h2[:, 1] / h2.sum(axis=1)).reshape(gx.shape)
    fig, ax = plt.subplots(figsize=(7, 5.6), dpi=100)
    cs = ax.contourf(gx, gy, share, levels=20, cmap="RdBu_r", vmin=0, vmax=1)
    fig.colorbar(cs)
    ax.scatter(X[:, 0], X[:, 1], c=labels, cmap="coolwarm", s=12, edgecolors="k", linewidths=0.3)
    ax.set_title(f"decision boundary, accuracy {history[-1]['train_accuracy']:.1%}")
    fig.savefig(os.path.join(out, "boundary.png"))
    plt.close(fig)
    print(f"done: loss {history[-1]['loss']:.4f} train accuracy {history[-1]['train_accuracy']:.3f} -> {out}/")


if __name__ == "__main__":
    main()
