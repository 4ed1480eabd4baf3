#!/usr/bin/env python3
"""PyTorch side of XorNet's benchmark: the same networks, loss and minibatch SGD step, written as PyTorch users
write them (nn.Linear + sigmoid, the loss, autograd's backward, torch.optim.SGD), float64 on the CPU, one thread.

Prints one JSON document with the "train_step" field of `xornet bench --json` (medians of several samples).
The L2 term λ·ΣW²/(2N) is SGD's weight decay λ/N on the weight matrices only (its gradient is λ·W/N), as xornet's.
"""
import json
import sys

import torch

sys.path.insert(0, __file__.rsplit("/", 2)[0] + "/numpy")
from numpy_bench import STACKS, seconds_per_call  # noqa: E402  (one timing loop for both Python sides)


def network(hidden, d=2, k=2):
    widths = [d] + [int(w) for w in str(hidden).split("x")] + [k]
    layers = []
    for i, o in zip(widths, widths[1:]):
        layers += [torch.nn.Linear(i, o, dtype=torch.float64), torch.nn.Sigmoid()]
    return torch.nn.Sequential(*layers)


def step_us(hidden, batch, x, y, samples, lam=1e-4, lr=1e-3):
    net = network(hidden)
    weights = [p for name, p in net.named_parameters() if name.endswith("weight")]
    biases = [p for name, p in net.named_parameters() if name.endswith("bias")]
    opt = torch.optim.SGD([{"params": weights, "weight_decay": lam / batch}, {"params": biases}], lr=lr)
    xb, yb = x[:batch].clone(), y[:batch].clone()

    def step():
        opt.zero_grad()
        out = net(xb)
        loss = ((yb - out) ** 2).sum() / (2 * batch)
        loss.backward()
        opt.step()

    return seconds_per_call(step, samples) * 1e6


def main():
    torch.set_num_threads(1)
    torch.manual_seed(1)
    samples = 3 if "--quick" in sys.argv else 7
    x = torch.randn(300, 2, dtype=torch.float64)
    labels = ((x[:, 0] > 0) ^ (x[:, 1] > 0)).long()
    y = torch.nn.functional.one_hot(labels, 2).to(torch.float64)
    steps = [{"hidden": h, "batch": b, "us": step_us(h, b, x, y, samples)} for h in STACKS for b in (10, 300)]
    report = {"torch": torch.__version__, "threads": torch.get_num_threads(), "train_step": steps}
    json.dump(report, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
