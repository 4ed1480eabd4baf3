"""NumPy interop checks for `xornet` (not part of `dotnet test`: it needs Python with NumPy, and sklearn for part 3).

    dotnet build -c Release && /usr/bin/python3 tests/interop/check_numpy.py [path/to/xornet.dll]

1. predict:  a model written by `xornet train --standardize` loads with numpy.load(allow_pickle=False); NumPy's
             forward pass on the same points equals `xornet predict` (max |difference| printed, must be ≤ 1e-12),
             for every --activation (sigmoid, tanh, relu) × --loss (mse: sigmoid output, cross-entropy: softmax).
2. steps:    a model made here with NumPy is the `--init` of a full-batch run; NumPy's gradient descent on the
             same loss gives the same weights after each of several epochs (max |difference| printed).
3. sklearn:  make_moons data, 25% stratified test split, xornet vs sklearn's MLPClassifier of the same width
             (defaults: adam, alpha 1e-4, 200 iterations) over several seeds.
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


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


ACTIVATIONS = {"sigmoid": sigmoid, "tanh": np.tanh, "relu": lambda z: np.maximum(z, 0)}


def forward(m, x):
    """The network of model.npz, in NumPy: h2 = g(f(((x − mean)/std)·W1 + b1)·W2 + b2) with f = m["activation"],
    g = m["output"]; p = h2 for softmax, h2 / Σh2 for sigmoid outputs."""
    xs = (x - m["x_mean"]) / m["x_std"]
    h1 = ACTIVATIONS[str(m["activation"])](xs @ m["W1"] + m["b1"])
    z2 = h1 @ m["W2"] + m["b2"]
    if str(m["output"]) == "softmax":
        return softmax(z2)
    h2 = sigmoid(z2)
    return h2 / h2.sum(axis=1, keepdims=True)


def read_csv(path):
    data = np.loadtxt(path, delimiter=",", skiprows=1)
    return data[:, :2], data[:, 2].astype(int)


def check_predict(tmp):
    csv_path = os.path.join(tmp, "moons.csv")
    xornet("data", "--dataset", "moons", "--samples", 300, "--noise", 0.2, "--seed", 7, "--out", csv_path)
    x, labels = read_csv(csv_path)
    ok = True
    for activation in ACTIVATIONS:
        for loss in ("mse", "cross-entropy"):
            run = os.path.join(tmp, f"run-{activation}-{loss}")
            xornet("train", "--data", csv_path, "--test-split", 0.25, "--standardize", "--hidden", 16, "--epochs", 100,
                   "--activation", activation, "--loss", loss, "--no-plots", "--out", run)
            model = np.load(os.path.join(run, "model.npz"), allow_pickle=False)
            if activation == "sigmoid" and loss == "mse":
                print("model.npz arrays:", ", ".join(f"{k} {model[k].dtype}{model[k].shape}" for k in model.files))
            out = list(csv.DictReader(io.StringIO(xornet("predict", "--model", os.path.join(run, "model.npz"), "--data", csv_path))))
            p_xornet = np.array([[float(r["p0"]), float(r["p1"])] for r in out])
            p_numpy = forward(model, x)
            diff = np.abs(p_xornet - p_numpy).max()
            same_class = all(int(r["class"]) == c for r, c in zip(out, p_numpy.argmax(axis=1)))
            print(f"1. predict vs NumPy forward, {activation:7} {loss:13} (output {model['output']}) on {len(x)} points: "
                  f"max |Δp| = {diff:.3e}, classes equal: {same_class}")
            ok = ok and diff <= 1e-12 and same_class
    return ok


def check_full_batch_steps(tmp, epochs=5, lr=0.5, l2=0.01, hidden=4):
    csv_path = os.path.join(tmp, "gauss.csv")
    xornet("data", "--dataset", "circle", "--samples", 60, "--noise", 0.1, "--seed", 3, "--out", csv_path)
    x, labels = read_csv(csv_path)
    n, k = len(x), labels.max() + 1
    rng = np.random.default_rng(2017)
    init = dict(W1=rng.uniform(-1, 1, (2, hidden)), b1=rng.uniform(-0.5, 0.5, hidden),
                W2=rng.uniform(-1, 1, (hidden, k)), b2=rng.uniform(-0.5, 0.5, k),
                x_mean=np.zeros(2), x_std=np.ones(2), standardize=np.int64(0), bias=np.int64(1),
                classes=np.int64(k), activation=np.array("sigmoid"), output=np.array("sigmoid"), xornet_format=np.int64(1))
    np.savez(os.path.join(tmp, "init.npz"), **init)
    y = np.eye(k)[labels]
    w = {name: init[name].copy() for name in ("W1", "b1", "W2", "b2")}
    worst = 0.0
    for epoch in range(1, epochs + 1):
        # L = Σ(y − h2)²/(2N) + λ(ΣW1² + ΣW2²)/(2N): one exact gradient step per epoch with a full batch
        h1 = sigmoid(x @ w["W1"] + w["b1"])
        h2 = sigmoid(h1 @ w["W2"] + w["b2"])
        dz2 = (h2 - y) / n * h2 * (1 - h2)
        dz1 = dz2 @ w["W2"].T * h1 * (1 - h1)
        grads = dict(W2=h1.T @ dz2 + l2 * w["W2"] / n, b2=dz2.sum(0), W1=x.T @ dz1 + l2 * w["W1"] / n, b1=dz1.sum(0))
        for name in w:
            w[name] -= lr * grads[name]
        saved = os.path.join(tmp, f"after{epoch}.npz")
        xornet("train", "--data", csv_path, "--init", os.path.join(tmp, "init.npz"), "--batch-size", n, "--epochs", epoch,
               "--lr", lr, "--l2", l2, "--hidden", hidden, "--no-plots", "--save", saved, "--out", os.path.join(tmp, "steps"))
        got = np.load(saved, allow_pickle=False)
        worst = max(worst, max(np.abs(got[name] - w[name]).max() for name in w))
    print(f"2. {epochs} full-batch steps from a NumPy-made --init model: max |Δθ| vs NumPy gradient descent = {worst:.3e}")
    return worst <= 1e-12


def compare_with_sklearn(tmp, hidden=16, seeds=range(1, 6)):
    try:
        from sklearn.datasets import make_moons
        from sklearn.model_selection import train_test_split
        from sklearn.neural_network import MLPClassifier
        from sklearn.preprocessing import StandardScaler
    except ImportError:
        print("3. sklearn is not installed: skipped")
        return True
    import warnings
    warnings.filterwarnings("ignore")  # ConvergenceWarning at 200 iterations is sklearn's default behaviour
    ours, theirs, converged = [], [], []
    for seed in seeds:
        x, labels = make_moons(400, noise=0.2, random_state=seed)
        path = os.path.join(tmp, f"moons{seed}.csv")
        np.savetxt(path, np.column_stack([x, labels]), delimiter=",", header="x1,x2,label", comments="")
        xornet("train", "--data", path, "--test-split", 0.25, "--standardize", "--hidden", hidden, "--epochs", 200,
               "--seed", seed, "--no-plots", "--json", os.path.join(tmp, f"m{seed}.json"), "--out", os.path.join(tmp, "sk"))
        import json
        ours.append(json.load(open(os.path.join(tmp, f"m{seed}.json")))["final"]["test_accuracy"])
        xtr, xte, ytr, yte = train_test_split(x, labels, test_size=0.25, stratify=labels, random_state=seed)
        scaler = StandardScaler().fit(xtr)
        clf = MLPClassifier(hidden_layer_sizes=(hidden,), random_state=seed).fit(scaler.transform(xtr), ytr)
        theirs.append(clf.score(scaler.transform(xte), yte))
        clf = MLPClassifier(hidden_layer_sizes=(hidden,), random_state=seed, max_iter=2000).fit(scaler.transform(xtr), ytr)
        converged.append(clf.score(scaler.transform(xte), yte))
    fmt = lambda a: f"mean {np.mean(a):.3f} (min {np.min(a):.3f}, max {np.max(a):.3f})"
    print(f"3. make_moons(400, noise 0.2), 25% stratified test split, H={hidden}, seeds {list(seeds)}:")
    print(f"   xornet (sigmoid, MSE, SGD lr 1, batch 10, 200 epochs): test accuracy {fmt(ours)}  {ours}")
    print(f"   sklearn MLPClassifier (relu, log-loss, adam, alpha 1e-4, 200 iterations): test accuracy {fmt(theirs)}  {theirs}")
    print(f"   the same with max_iter=2000 (converged): test accuracy {fmt(converged)}  {converged}")
    return np.mean(ours) >= np.mean(theirs) - 0.03


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmp:
        results = [check_predict(tmp), check_full_batch_steps(tmp), compare_with_sklearn(tmp)]
    print("OK" if all(results) else "NOT OK")
    sys.exit(0 if all(results) else 1)
