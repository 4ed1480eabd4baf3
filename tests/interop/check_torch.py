"""PyTorch interop check for `xornet` at depth (not part of `dotnet test`: it needs Python with NumPy and PyTorch,
here Debian's python3-torch).

    dotnet build -c Release && /usr/bin/python3 tests/interop/check_torch.py [path/to/xornet.dll]

A network with two hidden layers (2 → 6 → 5 → 2) starts from one model file made here in NumPy (format 2, random
weights and non-zero biases). `xornet train --init` runs 1 and 20 full-batch steps of plain SGD (lr 1) from it
(`--batch-size N`, so an epoch is one step), and PyTorch autograd in float64 runs the same steps from the same
weights on the same points (exported by `xornet data`) with the same loss:

    L = L_data + λ2·Σ_l ΣW_l² / (2N) + λ1·Σ_l Σ|W_l| / N        (biases never regularised)
    mse:           h = σ(z_L),       L_data = Σ(y − h)² / (2N)  (the article's)
    cross-entropy: h = softmax(z_L), L_data = −Σ y·log h / N     (torch.nn.functional.cross_entropy)

for every hidden activation (sigmoid, tanh, relu) × both losses, with L2 alone and with L2 + L1; and, with L2
alone, the same with `--optimizer momentum` (torch.optim.SGD momentum 0.9, lr 0.1) and `--optimizer adam`
(torch.optim.Adam, lr 0.01). Passes when
max |Δθ| over every entry of W1, b1, W2, b2, W3, b3 is at most 1e-10 after 1 and after 20 steps.
"""
import os
import subprocess
import sys
import tempfile

import numpy as np
import torch

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DLL = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "src/XorNet.Cli/bin/Release/net10.0/xornet.dll")
HIDDEN = (6, 5)
LR = 1.0  # xornet's default
TOLERANCE = 1e-10
STEPS = (1, 20)
REGULARISERS = ((0.01, 0.0), (0.01, 0.005))  # (λ2, λ1)
# The optimizers xornet shares with torch.optim, each run with L2 alone: xornet's options and torch's optimizer.
# momentum: v = μv + g, θ −= lr·v (torch's SGD momentum, no dampening); adam: torch's bias-corrected Adam.
OPTIMIZERS = {
    "sgd": ([], lambda p: torch.optim.SGD(p, lr=LR)),
    "momentum": (["--optimizer", "momentum", "--momentum", 0.9, "--lr", 0.1],
                 lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9)),
    "adam": (["--optimizer", "adam", "--lr", 0.01],
             lambda p: torch.optim.Adam(p, lr=0.01, betas=(0.9, 0.999), eps=1e-8)),
}


def xornet(*args):
    run = subprocess.run(["dotnet", DLL, *map(str, args)], capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"xornet {' '.join(map(str, args))} failed ({run.returncode}): {run.stderr}")
    return run.stdout


def read_csv(path):
    data = np.loadtxt(path, delimiter=",", skiprows=1)
    return data[:, :2], data[:, 2].astype(int)


def make_init(path, activation, output, widths, seed=2017):
    """Weights uniform ±1/√fan_in, biases uniform ±0.5 (non-zero, so their gradients are exercised)."""
    rng = np.random.default_rng(seed)
    arrays = {}
    for l in range(1, len(widths)):
        arrays[f"W{l}"] = rng.uniform(-1, 1, (widths[l - 1], widths[l])) / np.sqrt(widths[l - 1])
        arrays[f"b{l}"] = rng.uniform(-0.5, 0.5, widths[l])
    meta = dict(widths=np.array(widths, dtype=np.int64), x_mean=np.zeros(widths[0]), x_std=np.ones(widths[0]),
                standardize=np.int64(0), bias=np.int64(1), classes=np.int64(widths[-1]),
                activation=np.array(activation), output=np.array(output), xornet_format=np.int64(2))
    np.savez(path, **arrays, **meta)
    return arrays


ACTIVATIONS = {"sigmoid": torch.sigmoid, "tanh": torch.tanh, "relu": torch.relu}


def torch_steps(init, x, labels, activation, loss, l2, l1, steps, l2_over=2, optimizer="sgd"):
    """`steps` full-batch steps of torch.optim on the loss above, in float64; returns the parameters as NumPy.
    l2_over = 1 is the control: the L2 term over N instead of 2N (sklearn's α convention is 0.5·α·‖W‖²/N)."""
    params = {name: torch.tensor(value, dtype=torch.float64, requires_grad=True) for name, value in init.items()}
    layers = len(params) // 2
    xs = torch.tensor(x, dtype=torch.float64)
    target = torch.tensor(labels)
    y = torch.nn.functional.one_hot(target, int(labels.max()) + 1).to(torch.float64)
    n = len(x)
    f = ACTIVATIONS[activation]
    optimizer = OPTIMIZERS[optimizer][1](params.values())
    for _ in range(steps):
        optimizer.zero_grad()
        h = xs
        for l in range(1, layers):
            h = f(h @ params[f"W{l}"] + params[f"b{l}"])
        z = h @ params[f"W{layers}"] + params[f"b{layers}"]
        if loss == "mse":
            data = ((y - torch.sigmoid(z)) ** 2).sum() / (2 * n)
        else:
            data = torch.nn.functional.cross_entropy(z, target)  # mean over the N rows of −log softmax(z)_label
        weights = [params[f"W{l}"] for l in range(1, layers + 1)]
        penalty = (l2 * sum((w ** 2).sum() for w in weights) / (l2_over * n)
                   + l1 * sum(w.abs().sum() for w in weights) / n)
        (data + penalty).backward()
        optimizer.step()
    return {name: p.detach().numpy() for name, p in params.items()}


def check(tmp, csv_path, x, labels):
    n, k = len(x), int(labels.max()) + 1
    widths = (2, *HIDDEN, k)
    hidden = "x".join(map(str, HIDDEN))
    worst_all = 0.0
    for activation in ACTIVATIONS:
        for loss in ("mse", "cross-entropy"):
            output = "sigmoid" if loss == "mse" else "softmax"
            init_path = os.path.join(tmp, f"init-{activation}-{loss}.npz")
            init = make_init(init_path, activation, output, widths)
            runs = [("sgd", l2, l1) for l2, l1 in REGULARISERS]
            runs += [(optimizer, REGULARISERS[0][0], 0.0) for optimizer in ("momentum", "adam")]
            for optimizer, l2, l1 in runs:
                cells = []
                for steps in STEPS:
                    saved = os.path.join(tmp, f"after-{activation}-{loss}-{optimizer}-{l1}-{steps}.npz")
                    options = OPTIMIZERS[optimizer][0] or ["--lr", LR]
                    xornet("train", "--data", csv_path, "--init", init_path, "--hidden", hidden,
                           "--activation", activation, "--loss", loss, "--l2", l2, "--l1", l1, *options,
                           "--batch-size", n, "--epochs", steps, "--no-plots", "--save", saved,
                           "--out", os.path.join(tmp, "runs"))
                    got = np.load(saved, allow_pickle=False)
                    want = torch_steps(init, x, labels, activation, loss, l2, l1, steps, optimizer=optimizer)
                    moved = max(np.abs(want[name] - init[name]).max() for name in init)
                    worst = max(np.abs(got[name] - want[name]).max() for name in init)
                    worst_all = max(worst_all, worst)
                    cells.append(f"{steps:2} steps: max |Δθ| = {worst:.2e} (weights moved up to {moved:.2f})")
                reg = f"λ2 {l2}" + (f" λ1 {l1}" if l1 else "")
                print(f"   {activation:7} {loss:13} {optimizer:8} {reg:15} " + ";  ".join(cells))
    return worst_all


def control(tmp, x, labels):
    """The comparison can fail: the L2 term with the other scaling (over N, not 2N) is far outside the tolerance."""
    init = make_init(os.path.join(tmp, "control.npz"), "tanh", "sigmoid", (2, *HIDDEN, int(labels.max()) + 1))
    right = torch_steps(init, x, labels, "tanh", "mse", 0.01, 0.0, 20)
    wrong = torch_steps(init, x, labels, "tanh", "mse", 0.01, 0.0, 20, l2_over=1)
    return max(np.abs(right[name] - wrong[name]).max() for name in init)


if __name__ == "__main__":
    print(f"PyTorch {torch.__version__}, float64; network 2 → {' → '.join(map(str, HIDDEN))} → 2; "
          f"SGD lr {LR}, momentum lr 0.1, adam lr 0.01")
    with tempfile.TemporaryDirectory() as tmp:
        csv_path = os.path.join(tmp, "moons.csv")
        xornet("data", "--dataset", "moons", "--samples", 120, "--noise", 0.2, "--seed", 5, "--out", csv_path)
        x, labels = read_csv(csv_path)
        print(f"make_moons-like data from `xornet data`: {len(x)} points, full batch")
        worst = check(tmp, csv_path, x, labels)
        moved = control(tmp, x, labels)
        print(f"control: torch with λ2·ΣW²/N instead of /(2N), tanh mse, 20 steps, moves θ by {moved:.2e}")
    ok = worst <= TOLERANCE
    print(f"worst max |Δθ| over every run: {worst:.2e} (tolerance {TOLERANCE:g}): {'OK' if ok else 'NOT OK'}")
    sys.exit(0 if ok else 1)
