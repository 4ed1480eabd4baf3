"""NumPy check of `xornet --features` (not part of `dotnet test`: it needs Python with NumPy).

    dotnet build -c Release && /usr/bin/python3 tests/interop/check_features.py [path/to/xornet.dll]

For several feature lists (all seven features, a reordered subset, x1,x2,x1x2 with no hidden layer), with and without
--standardize, at one and at two hidden layers: a model written by `xornet train --features …` loads with
numpy.load(allow_pickle=False); NumPy computes the features from the points' x1, x2 by the lines of docs/features.md,
then the forward pass of every layer; the probabilities must equal `xornet predict`'s to 1e-12 (max |Δp| printed),
and the classes must be the same. Exit code 0 when every case passes, 1 otherwise.
"""
import csv
import io
import os
import subprocess
import sys
import tempfile

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DLL = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "src/XorNet.Cli/bin/Release/net10.0/xornet.dll")


def xornet(*args):
    run = subprocess.run(["dotnet", DLL, *map(str, args)], capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"xornet {' '.join(map(str, args))} failed ({run.returncode}): {run.stderr}")
    return run.stdout


# The features as docs/features.md writes them: one NumPy line each, from the points' columns x1, x2.
FEATURES = {
    "x1": lambda x1, x2: x1,
    "x2": lambda x1, x2: x2,
    "x1^2": lambda x1, x2: x1 ** 2,
    "x2^2": lambda x1, x2: x2 ** 2,
    "x1x2": lambda x1, x2: x1 * x2,
    "sin_x1": lambda x1, x2: np.sin(x1),
    "sin_x2": lambda x1, x2: np.sin(x2),
}


def features(m, points):
    """X (N, D): the model's features of each point, in the order m["features"] lists them."""
    x1, x2 = points[:, 0], points[:, 1]
    return np.column_stack([FEATURES[str(name)](x1, x2) for name in m["features"]])


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


ACTIVATIONS = {"sigmoid": sigmoid, "tanh": np.tanh, "relu": lambda z: np.maximum(z, 0)}


def forward(m, points):
    """Features, standardization, every hidden layer f, the output g; p = softmax, or σ outputs over their sum."""
    h = (features(m, points) - m["x_mean"]) / m["x_std"]
    layers = len(m["widths"]) - 1
    for layer in range(1, layers):
        h = ACTIVATIONS[str(m["activation"])](h @ m[f"W{layer}"] + m[f"b{layer}"])
    z = h @ m[f"W{layers}"] + m[f"b{layers}"]
    if str(m["output"]) == "softmax":
        return softmax(z)
    out = sigmoid(z)
    return out / out.sum(axis=1, keepdims=True)


CASES = [
    ("xor", "x1,x2,x1x2", ["--hidden", 0]),
    ("xor", "x1,x2,x1x2", ["--hidden", 0, "--standardize"]),
    ("circle", "x1,x2,x1^2,x2^2,x1x2,sin_x1,sin_x2", []),
    ("circle", "x1,x2,x1^2,x2^2,x1x2,sin_x1,sin_x2", ["--standardize", "--activation", "tanh"]),
    ("spiral", "sin_x2,x1x2,x1,sin_x1", ["--hidden", "8x4", "--loss", "cross-entropy", "--standardize"]),
]


def check(tmp, dataset, names, extra):
    data = os.path.join(tmp, f"{dataset}.csv")
    xornet("data", "--dataset", dataset, "--samples", 300, "--seed", 5, "--out", data)
    points = np.loadtxt(data, delimiter=",", skiprows=1)[:, :2]
    run = os.path.join(tmp, f"run-{len(os.listdir(tmp))}")
    xornet("train", "--data", data, "--features", names, *extra, "--epochs", 50, "--no-plots", "--out", run)
    model = np.load(os.path.join(run, "model.npz"), allow_pickle=False)
    saved = ",".join(str(n) for n in model["features"])
    predicted = xornet("predict", "--model", os.path.join(run, "model.npz"), "--data", data)
    out = list(csv.DictReader(io.StringIO(predicted)))
    k = int(model["classes"])
    p_xornet = np.array([[float(r[f"p{j}"]) for j in range(k)] for r in out])
    p_numpy = forward(model, points)
    diff = np.abs(p_xornet - p_numpy).max()
    same_class = all(int(r["class"]) == c for r, c in zip(out, p_numpy.argmax(axis=1)))
    print(f"{dataset:6} --features {names:36} {' '.join(map(str, extra)):45} saved [{saved}]: "
          f"max |Δp| = {diff:.3e}, classes equal: {same_class}")
    return saved == names and diff <= 1e-12 and same_class


def main():
    with tempfile.TemporaryDirectory() as tmp:
        results = [check(tmp, *case) for case in CASES]
    print("all OK" if all(results) else "NOT OK")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
