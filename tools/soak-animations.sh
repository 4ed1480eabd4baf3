#!/usr/bin/env bash
# Soak test for the native (Skia) side of rendering: renders many long animations and counts the runs that crashed.
# Each run: xornet train --hidden 50 --epochs 300 --animate --frames 300 (seed = run number); a run passes when it
# exits 0 and training.png ends with PNG's IEND chunk. With COMPARE=1 every run is a compare of two such animations
# drawn on two threads at once. GC_STRESS=1 makes the garbage collector (and so the finalizer thread) run far more
# often, which is how a Skia object left to the finalizer shows up within a few runs instead of a few dozen.
#
#   tools/soak-animations.sh [RUNS=15] [extra train options…]
#   HIDDEN=50 EPOCHS=300 FRAMES=300 XORNET="dotnet path/to/xornet.dll" tools/soak-animations.sh 30
set -uo pipefail
runs=${1:-15}
shift $(( $# > 0 ? 1 : 0 ))
root=$(cd "$(dirname "$0")/.." && pwd)
xornet=${XORNET:-"dotnet $root/src/XorNet.Cli/bin/Release/net10.0/xornet.dll"}
[ "${GC_STRESS:-0}" = 1 ] && export DOTNET_GCgen0size=0x40000
hidden=${HIDDEN:-50} epochs=${EPOCHS:-300} frames=${FRAMES:-300}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

complete_png() { [ "$(tail -c 8 "$1" 2>/dev/null | od -An -tx1 | tr -d ' \n')" = "49454e44ae426082" ]; }

ok=0 crashed=0 failed=0
for i in $(seq 1 "$runs"); do
  out="$work/run$i"
  start=$(date +%s)
  if [ "${COMPARE:-0}" = 1 ]; then
    $xornet compare --hidden "$hidden,$((hidden + 1))" --epochs "$epochs" --animate --frames "$frames" --seed "$i" --parallel 2 --quiet --out "$out" "$@" \
      >"$work/log" 2>&1
    code=$?; pngs=("$out/hidden-$hidden/training.png" "$out/hidden-$((hidden + 1))/training.png")
  else
    $xornet train --hidden "$hidden" --epochs "$epochs" --animate --frames "$frames" --seed "$i" --quiet --out "$out" "$@" >"$work/log" 2>&1
    code=$?; pngs=("$out/training.png")
  fi
  complete=1
  for png in "${pngs[@]}"; do complete_png "$png" || complete=0; done
  if [ "$code" -eq 0 ] && [ "$complete" -eq 1 ]; then ok=$((ok + 1)); verdict=ok
  elif [ "$code" -ge 128 ]; then crashed=$((crashed + 1)); verdict="CRASHED (signal $((code - 128)))"
  else failed=$((failed + 1)); verdict="FAILED: $(tail -n 1 "$work/log")"
  fi
  echo "run $i/$runs: exit $code, $(( $(date +%s) - start )) s, $verdict"
  rm -rf "$out"
done
echo "soak: $runs runs, $ok ok, $crashed crashed, $failed failed"
[ "$crashed" -eq 0 ] && [ "$failed" -eq 0 ]
