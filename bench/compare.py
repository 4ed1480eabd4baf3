#!/usr/bin/env python3
"""Prints bench/run.sh's table: xornet against NumPy and PyTorch, from the benches' JSON and /usr/bin/time -v logs."""
import json
import os
import re
import statistics
import sys


def time_log(path):
    text = open(path).read()
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", text)
    h, m, s = wall.groups()
    seconds = int(h or 0) * 3600 + int(m) * 60 + float(s)
    rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
    return seconds, rss_kb / 1024


def median_report(paths, sections=("matmul", "train_step", "grid")):
    """One report whose every number is the median of that number over the given JSON reports."""
    reports = [json.load(open(p)) for p in paths]
    merged = reports[0]
    for section in sections:
        for i, entry in enumerate(merged[section]):
            for key, value in entry.items():
                if isinstance(value, float):
                    entry[key] = statistics.median(r[section][i][key] for r in reports)
    return merged


def main():
    out, reps = sys.argv[1], int(sys.argv[2])
    cs = median_report([f"{out}/cs-{i}.json" for i in (1, 2, 3)])
    np_ = median_report([f"{out}/np-{i}.json" for i in (1, 2, 3)])
    pt = median_report([f"{out}/pt-{i}.json" for i in (1, 2, 3)], ("train_step",))
    print(f"xornet vs NumPy (one BLAS thread), {cs['cores']} cores, kernel {cs['kernel']}; "
          "medians of 3 alternating runs")
    print(f"{'matmul float64, 1 thread':<34}{'xornet GFLOP/s':>15}{'NumPy GFLOP/s':>15}{'ratio':>9}")
    for c, n in zip(cs["matmul"], np_["matmul"]):
        print(f"  n = {c['n']:<28}{c['gflops']:>15.2f}{n['gflops']:>15.2f}{c['gflops'] / n['gflops']:>8.2f}×")
    print(f"training step (fwd+bwd+SGD), µs; PyTorch {pt['torch']} float64 1 thread, autograd + optim.SGD")
    print(f"{'  --hidden, batch':<22}{'xornet':>10}{'NumPy':>10}{'PyTorch':>10}{'×NumPy':>10}{'×PyTorch':>10}")
    for c, n, t in zip(cs["train_step"], np_["train_step"], pt["train_step"]):
        assert (c["hidden"], c["batch"]) == (str(n["hidden"]), n["batch"]) == (str(t["hidden"]), t["batch"])
        label = f"{c['hidden']}, batch {c['batch']}"
        print(f"  {label:<20}{c['us']:>10.2f}{n['us']:>10.2f}{t['us']:>10.2f}"
              f"{n['us'] / c['us']:>9.1f}×{t['us'] / c['us']:>9.1f}×")
    print(f"{'decision grid':<34}{'xornet ms':>15}{'NumPy ms':>15}{'speed-up':>9}")
    for c, n in zip(cs["grid"], np_["grid"]):
        label = f"H = {c['hidden']}, {c['columns']}×{c['rows']} ({c['threads']} thr)"
        print(f"  {label:<32}{c['ms']:>15.2f}{n['ms']:>15.2f}{n['ms'] / c['ms']:>8.1f}×")
    cs_runs = [time_log(f"{out}/cs-{i}.time") for i in range(1, reps + 1)]
    np_runs = [time_log(f"{out}/np-{i}.time") for i in range(1, reps + 1)]
    cs_wall, np_wall = statistics.median(r[0] for r in cs_runs), statistics.median(r[0] for r in np_runs)
    cs_rss, np_rss = statistics.median(r[1] for r in cs_runs), statistics.median(r[1] for r in np_runs)
    r2r = os.path.exists(f"{out}/r2r-1.time")
    build = "native" if r2r else "ReadyToRun"
    print(f"{'train --hidden 3 --epochs 100':<34}{'xornet ' + build:>15}{'NumPy+mpl':>15}{'ratio':>9}")
    print(f"  {'wall time, s (all PNGs)':<32}{cs_wall:>15.3f}{np_wall:>15.3f}{cs_wall / np_wall:>8.2f}×")
    print(f"  {'peak RSS, MiB':<32}{cs_rss:>15.1f}{np_rss:>15.1f}{cs_rss / np_rss:>8.2f}×")
    if r2r:
        r2r_runs = [time_log(f"{out}/r2r-{i}.time") for i in range(1, reps + 1)]
        r_wall, r_rss = statistics.median(r[0] for r in r2r_runs), statistics.median(r[1] for r in r2r_runs)
        print(f"  {'ReadyToRun build: wall time, s':<32}{r_wall:>15.3f}{np_wall:>15.3f}{r_wall / np_wall:>8.2f}×")
        print(f"  {'ReadyToRun build: peak RSS, MiB':<32}{r_rss:>15.1f}{np_rss:>15.1f}{r_rss / np_rss:>8.2f}×")
    reference(out)


def reference(out):
    """train --reference (100,000 iterations) against the NumPy loop: seconds per iteration, medians of 3; the steady
    state from the difference with a 20,000-iteration run (start-up and JIT cancel out)."""
    cs = statistics.median(float(open(f"{out}/ref-cs-{i}.txt").read()) / 100_000 for i in (1, 2, 3))
    np_ = statistics.median(float(open(f"{out}/ref-np-{i}.txt").read()) for i in (1, 2, 3))
    print(f"{'reference program, H=50 batch 50':<34}{'xornet µs':>15}{'NumPy µs':>15}{'speed-up':>9}")
    print(f"  {'one iteration (whole run)':<32}{cs * 1e6:>15.2f}{np_ * 1e6:>15.2f}{np_ / cs:>8.1f}×")
    steady = statistics.median(
        (float(open(f"{out}/ref-cs-{i}.txt").read()) - float(open(f"{out}/ref-cs20k-{i}.txt").read())) / 80_000
        for i in (1, 2, 3))
    print(f"  {'one iteration (steady state)':<32}{steady * 1e6:>15.2f}{np_ * 1e6:>15.2f}{np_ / steady:>8.1f}×")


if __name__ == "__main__":
    main()
