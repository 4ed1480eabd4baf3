#!/usr/bin/env bash
# XorNet against NumPy, side by side in one run on this machine; prints the ratios (medians).
#   bash bench/run.sh [--quick] [REPS]
# Kernels: `xornet bench --json` and bench/numpy/numpy_bench.py (NumPy with one BLAS thread), alternated 3 times
# so both sides see the same machine load; each figure is the median over the 3.
# End to end: `xornet train --hidden 3 --lr 1.0 --epochs 100` (all PNGs) against bench/numpy/train_numpy.py
# (NumPy + matplotlib, same training, same three plots), REPS runs each, alternating, wall time and peak RSS
# from /usr/bin/time -v.
set -euo pipefail
cd "$(dirname "$0")/.."
quick=""; [ "${1:-}" = "--quick" ] && { quick="--quick"; shift; }
reps=${1:-7}
py=/usr/bin/python3
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1

"$py" -c "import numpy, matplotlib" 2>/dev/null || {
  echo "bench: needs NumPy and matplotlib for $py: apt-get install -y python3-numpy python3-matplotlib libopenblas0-pthread" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench: needs /usr/bin/time (apt-get install -y time)" >&2; exit 2; }

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
echo "bench: publishing xornet (Release, ReadyToRun) ..." >&2
dotnet publish src/XorNet.Cli -c Release -r linux-x64 --self-contained false -o "$out/xornet" >/dev/null
xornet="$out/xornet/xornet"

echo "bench: kernels (xornet bench and numpy_bench.py, alternating, 3 rounds) ..." >&2
for i in 1 2 3; do
  "$xornet" bench --json $quick > "$out/cs-$i.json"
  (cd bench/numpy && "$py" numpy_bench.py $quick) > "$out/np-$i.json"
done

echo "bench: end to end, $reps runs each ..." >&2
for i in $(seq "$reps"); do
  /usr/bin/time -v -o "$out/cs-$i.time" "$xornet" train --hidden 3 --lr 1.0 --epochs 100 --out "$out/cs-run" >/dev/null
  /usr/bin/time -v -o "$out/np-$i.time" "$py" bench/numpy/train_numpy.py "$out/np-run" 3 >/dev/null
done

"$py" bench/compare.py "$out" "$reps"
