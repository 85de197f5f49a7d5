#!/usr/bin/env bash
# Builds every libFuzzer target (src/*/*_fuzz.cc) with clang, ASan and UBSan
# in build-fuzz/ and runs each for an equal share of the given seconds, on a
# corpus kept in build-fuzz/corpus/<target>. Exits non-zero when any target
# crashes, leaks, times out or runs out of memory (artifacts land in
# build-fuzz/artifacts/).
#
# Usage: scripts/fuzz.sh [total-seconds]   (default 60; `make fuzz` passes FUZZ_SECONDS)
# WARTA_FUZZ_BUILD=<dir> builds elsewhere than build-fuzz/.
set -euo pipefail

seconds="${1:-60}"
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${WARTA_FUZZ_BUILD:-$root/build-fuzz}"

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DWARTA_FUZZ=ON \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null

targets=()
for source in "$root"/src/*/*_fuzz.cc; do
  [ -e "$source" ] || continue
  targets+=("$(basename "$source" .cc)")
done
if [ "${#targets[@]}" -eq 0 ]; then
  echo "fuzz: no *_fuzz.cc targets"
  exit 0
fi

cmake --build "$build" --target "${targets[@]}" -j 2

share=$(( seconds / ${#targets[@]} ))
[ "$share" -ge 1 ] || share=1
mkdir -p "$build/artifacts"
failed=0
for target in "${targets[@]}"; do
  corpus="$build/corpus/$target"
  log="$build/$target.log"
  mkdir -p "$corpus"
  echo "fuzz: $target for ${share}s"
  if ! "$build/$target" "$corpus" -max_total_time="$share" -rss_limit_mb=2048 -timeout=25 \
      -artifact_prefix="$build/artifacts/$target-" -print_final_stats=1 >"$log" 2>&1; then
    echo "fuzz: $target FAILED (log: $log)"
    tail -n 40 "$log"
    failed=1
  else
    grep -E '^(stat::number_of_executed_units|Done)' "$log" || true
  fi
done
exit "$failed"
