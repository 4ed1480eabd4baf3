#!/usr/bin/env bash
# The pictures' size and time targets (issue 13), side by side on this machine; prints medians of REPS runs each.
#   bash bench/pictures.sh [REPS]
# 1. train --hidden 3 --lr 1.0 --epochs 100 with all pictures against bench/numpy/train_numpy.py (NumPy + matplotlib),
#    alternating (target: ≤ 0.3×); xornet is the native build when clang is there (bench/publish.sh), and the
#    ReadyToRun build is timed beside it;
# 2. --animate (50 frames) at the defaults: the time it adds (target: ≤ 2 s);
# 3. 200,000 points: plots over --no-plots (target: ≤ +5 s), peak RSS with plots (≤ 1 GiB) and --animate (≤ 1.5 GiB).
set -euo pipefail
cd "$(dirname "$0")/.."
reps=${1:-3}
py=/usr/bin/python3
[ -x /usr/bin/time ] || { echo "bench: needs /usr/bin/time (apt-get install -y time)" >&2; exit 2; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
source bench/publish.sh

# run NAME CMD...: appends "seconds maxrss_kb" to $out/NAME
run() { local name=$1; shift; /usr/bin/time -f "%e %M" -o "$out/t" "$@" >/dev/null 2>&1 || true; cat "$out/t" >> "$out/log-$name"; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
col() { awk -v c="$2" '{print $c}' "$out/log-$1" | median; }

echo "bench: $reps runs of each, alternating ..." >&2
for i in $(seq "$reps"); do
  run cs "$x" train --hidden 3 --lr 1.0 --epochs 100 --out "$out/cs" -q
  [ -n "$native" ] && run r2r "$r2r" train --hidden 3 --lr 1.0 --epochs 100 --out "$out/r2r-run" -q
  "$py" -c "import numpy, matplotlib" 2>/dev/null && run np "$py" bench/numpy/train_numpy.py "$out/np" 3
  run anim "$x" train --hidden 3 --lr 1.0 --epochs 100 --animate --out "$out/anim" -q
  run big0 "$x" train --samples 200000 --epochs 5 --no-plots --out "$out/big0" -q
  run big1 "$x" train --samples 200000 --epochs 5 --out "$out/big1" -q
  run big2 "$x" train --samples 200000 --epochs 5 --animate --out "$out/big2" -q
done

echo "pictures (medians of $reps; seconds wall clock, MiB peak RSS; xornet $build build)"
if [ -s "$out/log-np" ]; then
  awk -v c="$(col cs 1)" -v n="$(col np 1)" 'BEGIN {printf "  train H=3, all pictures      %6.2f s   NumPy+matplotlib %6.2f s   ratio %.2f× (target ≤ 0.30×)\n", c, n, c / n}'
  [ -n "$native" ] && awk -v c="$(col r2r 1)" -v n="$(col np 1)" \
    'BEGIN {printf "    (ReadyToRun build         %6.2f s                             ratio %.2f×)\n", c, c / n}'
fi
awk -v a="$(col anim 1)" -v c="$(col cs 1)" 'BEGIN {printf "  --animate, 50 frames adds    %6.2f s   (target ≤ 2 s)\n", a - c}'
awk -v p="$(col big1 1)" -v q="$(col big0 1)" 'BEGIN {printf "  200,000 points: plots add    %6.2f s   over --no-plots %.2f s (target ≤ 5 s)\n", p - q, q}'
awk -v m="$(col big1 2)" 'BEGIN {printf "  200,000 points, plots        %6.0f MiB peak (target ≤ 1024)\n", m / 1024}'
awk -v m="$(col big2 2)" -v t="$(col big2 1)" 'BEGIN {printf "  200,000 points, --animate    %6.0f MiB peak (target ≤ 1536), %.2f s\n", m / 1024, t}'
