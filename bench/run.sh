#!/usr/bin/env bash
# XorNet against NumPy and PyTorch, side by side in one run on this machine; prints the ratios (medians).
#   bash bench/run.sh [--quick] [REPS]
# Reference: `xornet train --reference` (the article's program, H=50 lr 0.003 λ 1e-4, 100,000 iterations) against
# tests/interop/reference_golden.py --time (the same loop in NumPy, with the accuracy on all points that the reference
# measures every iteration), 3 alternating rounds, seconds per iteration (medians): over the whole 100,000-iteration
# run (start-up and JIT included), and in the steady state ((t(100,000) − t(20,000)) / 80,000, as NumPy's own timer
# starts after its set-up).
# Kernels: `xornet bench --json`, bench/numpy/numpy_bench.py (NumPy with one BLAS thread) and
# bench/torch/torch_bench.py (the training steps in PyTorch, float64, CPU, one thread), alternated 3 times so every
# side sees the same machine load; each figure is the median over the 3.
# End to end: `xornet train --hidden 3 --lr 1.0 --epochs 100` (all PNGs) against bench/numpy/train_numpy.py
# (NumPy + matplotlib, same training, same three plots), REPS runs each, alternating, wall time and peak RSS
# from /usr/bin/time -v. xornet is the native build (bench/publish.sh; needs clang and zlib1g-dev), timed also as
# the ReadyToRun build; without clang, the ReadyToRun build alone.
set -euo pipefail
cd "$(dirname "$0")/.."
quick=""; [ "${1:-}" = "--quick" ] && { quick="--quick"; shift; }
reps=${1:-7}
py=/usr/bin/python3
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1

"$py" -c "import numpy, matplotlib, torch" 2>/dev/null || {
  echo "bench: needs NumPy, matplotlib and PyTorch for $py: apt-get install -y python3-numpy python3-matplotlib" \
    "python3-torch libopenblas0-pthread" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench: needs /usr/bin/time (apt-get install -y time)" >&2; exit 2; }

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
source bench/publish.sh
xornet=$x

echo "bench: kernels (xornet bench and numpy_bench.py, alternating, 3 rounds) ..." >&2
for i in 1 2 3; do
  "$xornet" bench --json $quick > "$out/cs-$i.json"
  (cd bench/numpy && "$py" numpy_bench.py $quick) > "$out/np-$i.json"
  "$py" bench/torch/torch_bench.py $quick > "$out/pt-$i.json"
done

echo "bench: end to end, $reps runs each ..." >&2
for i in $(seq "$reps"); do
  /usr/bin/time -v -o "$out/cs-$i.time" "$xornet" train --hidden 3 --lr 1.0 --epochs 100 --out "$out/cs-run" >/dev/null
  [ -n "$native" ] && /usr/bin/time -v -o "$out/r2r-$i.time" "$r2r" train --hidden 3 --lr 1.0 --epochs 100 \
    --out "$out/r2r-run" >/dev/null
  /usr/bin/time -v -o "$out/np-$i.time" "$py" bench/numpy/train_numpy.py "$out/np-run" 3 >/dev/null
done

echo "bench: the article's reference program, 3 alternating rounds (xornet train --reference, our NumPy loop) ..." >&2
for i in 1 2 3; do
  "$xornet" train --reference --hidden 50 --lr 0.003 --l2 1e-4 --epochs 100000 --no-plots --quiet --out "$out/ref" \
    | sed -n 's/.*time \([0-9.]*\)s training.*/\1/p' > "$out/ref-cs-$i.txt"
  "$xornet" train --reference --hidden 50 --lr 0.003 --l2 1e-4 --epochs 20000 --no-plots --quiet --out "$out/ref" \
    | sed -n 's/.*time \([0-9.]*\)s training.*/\1/p' > "$out/ref-cs20k-$i.txt"
  "$py" tests/interop/reference_golden.py --time 20000 > "$out/ref-np-$i.txt"
done

"$py" bench/compare.py "$out" "$reps"
