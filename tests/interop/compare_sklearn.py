"""Two hidden layers, xornet against sklearn (not part of `dotnet test`: it needs Python with NumPy and sklearn).

    dotnet build -c Release && /usr/bin/python3 tests/interop/compare_sklearn.py [path/to/xornet.dll] [--seeds 5]
        [--variants [--only TEXT]]

For make_moons(400, noise 0.2), make_circles(400, noise 0.1, factor 0.5) and a two-arm spiral (`xornet data
--dataset spiral --samples 400 --noise 0.1`, TensorFlow Playground's), and for each seed: one stratified 25% test
split made here (sklearn's train_test_split), written as train.csv and test.csv, so both tools see exactly the same
training points and are scored on exactly the same test points. Both standardise with the training points' mean/std.

  sklearn: MLPClassifier(hidden_layer_sizes=(16, 16), activation="tanh", random_state=seed), its defaults otherwise
           (adam lr 1e-3, batch 200, alpha 1e-4, 200 iterations, log-loss).
  xornet:  train --data train.csv --standardize --hidden 16x16 --activation tanh --seed seed, its defaults otherwise
           (SGD lr 1, batch 10, 100 epochs, MSE on sigmoid outputs, L2 1e-4); test accuracy from
           `xornet predict --model … --data test.csv`.
  --variants adds rows with other settings (SKLEARN_RUNS, XORNET_RUNS) to show what the defaults leave on the table.

Prints the mean test accuracy per dataset and run; fails when xornet's defaults are more than 0.03 below sklearn's
defaults on some dataset.
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import warnings

import numpy as np
from sklearn.datasets import make_circles, make_moons
from sklearn.model_selection import train_test_split
from sklearn.neural_network import MLPClassifier
from sklearn.preprocessing import StandardScaler

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ARGS = [a for i, a in enumerate(sys.argv[1:]) if not a.startswith("--") and sys.argv[i] not in ("--seeds", "--only")]
DLL = ARGS[0] if ARGS else os.path.join(ROOT, "src/XorNet.Cli/bin/Release/net10.0/xornet.dll")
SEEDS = range(1, 1 + (int(sys.argv[sys.argv.index("--seeds") + 1]) if "--seeds" in sys.argv else 5))
SAMPLES = 400
MARGIN = 0.03
# (label, extra options after --hidden 16x16 --activation tanh); the first is xornet's defaults and is the gate
XORNET_RUNS = [("defaults", [])]
# (label, extra MLPClassifier arguments); the first is sklearn's defaults and is the gate
SKLEARN_RUNS = [("defaults", {})]
if "--variants" in sys.argv:
    SKLEARN_RUNS += [("max_iter=2000", {"max_iter": 2000})]
    XORNET_RUNS += [
        ("--epochs 300", ["--epochs", 300]),
        ("--epochs 1000", ["--epochs", 1000]),
        ("--lr 0.1", ["--lr", 0.1]),
        ("--loss cross-entropy", ["--loss", "cross-entropy"]),
        ("--loss cross-entropy --lr 0.1", ["--loss", "cross-entropy", "--lr", 0.1]),
        ("--optimizer adam --lr 0.01", ["--optimizer", "adam", "--lr", 0.01]),
        ("--init Glorot uniform (made here)", ["init:glorot"]),
        ("--init LeCun uniform (made here)", ["init:lecun"]),
        ("--init Glorot uniform --epochs 300", ["init:glorot", "--epochs", 300]),
    ]
if "--only" in sys.argv:  # keep the defaults and the variant rows whose label contains this text
    ONLY = sys.argv[sys.argv.index("--only") + 1]
    SKLEARN_RUNS = [r for i, r in enumerate(SKLEARN_RUNS) if i == 0 or ONLY in r[0]]
    XORNET_RUNS = [r for i, r in enumerate(XORNET_RUNS) if i == 0 or ONLY in r[0]]
# The bound b of weights uniform in ±b for a layer of fan_in inputs and fan_out outputs (biases 0): xornet's own
# is 1/√fan_in (variance 1/(3·fan_in)); LeCun's √(3/fan_in) (variance 1/fan_in); sklearn's Glorot √(6/(in + out))
INITS = {"glorot": lambda i, o: np.sqrt(6 / (i + o)), "lecun": lambda i, o: np.sqrt(3 / i)}


def xornet(*args):
    run = subprocess.run(["dotnet", DLL, *map(str, args)], capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"xornet {' '.join(map(str, args))} failed ({run.returncode}): {run.stderr}")
    return run


def spiral(tmp, seed):
    path = os.path.join(tmp, f"spiral{seed}.csv")
    xornet("data", "--dataset", "spiral", "--samples", SAMPLES, "--noise", 0.1, "--seed", seed, "--out", path)
    data = np.loadtxt(path, delimiter=",", skiprows=1)
    return data[:, :2], data[:, 2].astype(int)


DATASETS = {
    "make_moons(noise 0.2)": lambda tmp, seed: make_moons(SAMPLES, noise=0.2, random_state=seed),
    "make_circles(noise 0.1, factor 0.5)": lambda tmp, seed: make_circles(SAMPLES, noise=0.1, factor=0.5,
                                                                          random_state=seed),
    "spiral (xornet data, noise 0.1)": spiral,
}


def write_csv(path, x, labels):
    np.savetxt(path, np.column_stack([x, labels]), delimiter=",", header="x1,x2,label", comments="", fmt="%.17g")


def made_init(tmp, train_csv, seed, kind):
    """An --init model with another initialisation: the standardiser comes from a one-epoch xornet run on the same
    training points (so it is the one the real run fits), the weights uniform in ±INITS[kind], biases 0."""
    probe = os.path.join(tmp, "probe.npz")
    xornet("train", "--data", train_csv, "--standardize", "--hidden", "16x16", "--activation", "tanh", "--epochs", 1,
           "--no-plots", "--save", probe, "--out", os.path.join(tmp, "probe"))
    model = dict(np.load(probe, allow_pickle=False))
    widths = model["widths"]
    rng = np.random.default_rng(seed)
    for l in range(1, len(widths)):
        bound = INITS[kind](widths[l - 1], widths[l])
        model[f"W{l}"] = rng.uniform(-bound, bound, (widths[l - 1], widths[l]))
        model[f"b{l}"] = np.zeros(widths[l])
    path = os.path.join(tmp, f"init-{kind}.npz")
    np.savez(path, **model)
    return path


def xornet_accuracy(tmp, train_csv, test_csv, seed, extra):
    run_dir = os.path.join(tmp, "run")
    model = os.path.join(tmp, "model.npz")
    if extra and str(extra[0]).startswith("init:"):
        extra = ["--init", made_init(tmp, train_csv, seed, extra[0][5:]), *extra[1:]]
    xornet("train", "--data", train_csv, "--standardize", "--hidden", "16x16", "--activation", "tanh", "--seed", seed,
           *extra, "--no-plots", "--save", model, "--out", run_dir)
    stderr = xornet("predict", "--model", model, "--data", test_csv).stderr
    return float(re.search(r"accuracy ([0-9.]+)", stderr).group(1))


def sklearn_accuracy(xtr, ytr, xte, yte, seed, extra):
    scaler = StandardScaler().fit(xtr)
    clf = MLPClassifier(hidden_layer_sizes=(16, 16), activation="tanh", random_state=seed, **extra)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # ConvergenceWarning at 200 iterations is sklearn's default behaviour
        clf.fit(scaler.transform(xtr), ytr)
    return clf.score(scaler.transform(xte), yte)


def main():
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, make in DATASETS.items():
            scores = {**{f"sklearn {label}": [] for label, _ in SKLEARN_RUNS},
                      **{f"xornet {label}": [] for label, _ in XORNET_RUNS}}
            for seed in SEEDS:
                x, labels = make(tmp, seed)
                xtr, xte, ytr, yte = train_test_split(x, labels, test_size=0.25, stratify=labels, random_state=seed)
                train_csv, test_csv = os.path.join(tmp, "train.csv"), os.path.join(tmp, "test.csv")
                write_csv(train_csv, xtr, ytr)
                write_csv(test_csv, xte, yte)
                for label, extra in SKLEARN_RUNS:
                    scores[f"sklearn {label}"].append(sklearn_accuracy(xtr, ytr, xte, yte, seed, extra))
                for label, extra in XORNET_RUNS:
                    scores[f"xornet {label}"].append(xornet_accuracy(tmp, train_csv, test_csv, seed, extra))
            results[name] = scores
            print(f"{name}, {SAMPLES} points, 25% stratified test split, seeds {SEEDS.start}–{SEEDS.stop - 1}:")
            for label, values in scores.items():
                print(f"   {label:40} mean {np.mean(values):.3f}  min {np.min(values):.3f}  max {np.max(values):.3f}"
                      f"  {[round(v, 3) for v in values]}")
    ok = all(np.mean(s["xornet defaults"]) >= np.mean(s["sklearn defaults"]) - MARGIN for s in results.values())
    print(json.dumps({n: {k: round(float(np.mean(v)), 4) for k, v in s.items()} for n, s in results.items()}))
    print("OK" if ok else f"NOT OK: xornet's defaults are more than {MARGIN} below sklearn's on some dataset")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
