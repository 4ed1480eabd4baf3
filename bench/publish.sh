#!/usr/bin/env bash
# Sourced by bench/run.sh and bench/pictures.sh: publishes xornet twice into "$out" and sets
#   r2r     the ReadyToRun build (dotnet publish -r linux-x64): JIT runtime, precompiled assemblies;
#   native  the native build (-p:PublishAot=true), or empty when clang/zlib are missing (then it says how to get it);
#   x       the build the benches time: native when there is one, else ReadyToRun (its name in $build).
# Each build gets an artifacts folder of its own: publishing in the tree would rewrite src/*/obj and make the next
# dotnet test rebuild everything.
echo "bench: publishing xornet (Release, ReadyToRun) ..." >&2
dotnet publish src/XorNet.Cli -c Release -r linux-x64 --self-contained false --artifacts-path "$out/art-r2r" \
  -o "$out/r2r" >/dev/null
r2r="$out/r2r/xornet"
native=""
if command -v clang >/dev/null && [ -e /usr/include/zlib.h ]; then
  echo "bench: publishing xornet (Release, native) ..." >&2
  if dotnet publish src/XorNet.Cli -c Release -r linux-x64 -p:PublishAot=true --artifacts-path "$out/art-native" \
    -o "$out/native" >"$out/native.log" 2>&1
  then native="$out/native/xornet"
  else echo "bench: the native publish failed (timing ReadyToRun only):" >&2; tail -n 5 "$out/native.log" >&2
  fi
else
  echo "bench: no native build (needs clang and zlib1g-dev: apt-get install -y clang zlib1g-dev); timing ReadyToRun" >&2
fi
x=${native:-$r2r}
build=$([ -n "$native" ] && echo native || echo ReadyToRun)
