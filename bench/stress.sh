#!/usr/bin/env bash
# Adversarial pages: wall time and peak memory of `warta extract` (and
# `--analyze`) on pathological pages of growing size, one page per run.
#
# Usage: bench/stress.sh [BUILD] [--sizes "1 4 16 31"] [--kinds "nested_div quotes ..."]
#                        [--modes "extract analyze"] [--timeout SECONDS]
# BUILD defaults to build/. Sizes are MiB (31 is just under the 32 MiB cap).
# Prints one line per kind and mode: CPU seconds and peak RSS (MB) per size, the
# growth of time from the first size timed at 0.1 s or more to the last,
# divided by the growth of the size (about 1 when linear, 4 when quadratic
# over a fourfold size), and what the run wrote at the last size (records/errors).
# Not part of `make test`: a full run takes minutes (bench/stress_pages.py
# makes the pages; tests beside each stage hold the regression checks).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
build="$root/build"
sizes="1 4 16 31"
kinds=""
modes="extract analyze"
limit=120
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes="$2"; shift 2 ;;
    --kinds) kinds="$2"; shift 2 ;;
    --modes) modes="$2"; shift 2 ;;
    --timeout) limit="$2"; shift 2 ;;
    *) build="$1"; shift ;;
  esac
done
warta="$build/warta"
[ -x "$warta" ] || { echo "stress: no $warta (build it first)" >&2; exit 2; }
[ -n "$kinds" ] || kinds="$(python3 "$root/bench/stress_pages.py" --list | cut -d' ' -f1)"

work="$(mktemp -d /tmp/warta-stress.XXXXXX)"
trap 'rm -rf "$work"' EXIT

extension() {
  case "$(python3 "$root/bench/stress_pages.py" --list | awk -v k="$1" '$1 == k { print $2 }')" in
    warc) echo warc ;; gz) echo html.gz ;; jsonl) echo jsonl ;; *) echo html ;;
  esac
}

# Runs one page: prints "seconds MB records errors" (seconds "timeout" when killed).
measure() {
  local page="$1" mode="$2" flags=()
  [ "$mode" = analyze ] && flags+=(--analyze)
  local status=0
  /usr/bin/time -v -o "$work/time" timeout "$limit" "$warta" extract -j 1 --no-progress "${flags[@]}" \
    "$page" -o "$work/out.jsonl" 2>"$work/err" || status=$?
  local seconds mb records errors
  # CPU seconds (user + system), not wall time: on a shared machine a run
  # may wait for a core longer than it computes.
  seconds="$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.2f", s }' "$work/time")"
  mb="$(awk -F': ' '/Maximum resident set size/ { printf "%d", $2 / 1024 }' "$work/time")"
  records="$(wc -l <"$work/out.jsonl" 2>/dev/null || echo 0)"
  errors="$(grep -c '"error"' "$work/out.jsonl" 2>/dev/null || true)"
  [ "$status" -eq 124 ] && seconds="timeout"
  [ "$status" -gt 1 ] && [ "$status" -ne 124 ] && seconds="exit$status"
  echo "$seconds $mb $records ${errors:-0}"
}

printf '%-22s %-8s' kind mode
for size in $sizes; do printf ' %14s' "${size}MiB s/MB"; done
printf '  %6s  %s\n' growth "records/errors (last size)"
for kind in $kinds; do
  ext="$(extension "$kind")"
  for size in $sizes; do
    python3 "$root/bench/stress_pages.py" "$kind" $(( size << 20 )) "$work/$kind.$size.$ext"
  done
  for mode in $modes; do
    printf '%-22s %-8s' "$kind" "$mode"
    first_s="" last_s="" first_size="" last_size="" tail=""
    for size in $sizes; do
      read -r seconds mb records errors < <(measure "$work/$kind.$size.$ext" "$mode")
      printf ' %14s' "$seconds/$mb"
      # Growth is measured from the first size timed well above the clock's resolution.
      if [ -z "$first_s" ] && awk -v s="$seconds" 'BEGIN { exit !(s + 0 >= 0.1) }'; then
        first_s="$seconds" first_size="$size"
      fi
      last_s="$seconds" last_size="$size" tail="$records/$errors"
    done
    growth="$(awk -v a="$first_s" -v b="$last_s" -v x="$first_size" -v y="$last_size" \
      'BEGIN { if (a != "" && b + 0 > 0 && y > x) printf "%.2f", (b / a) / (y / x); else print "-" }')"
    printf '  %6s  %s\n' "$growth" "$tail"
  done
  rm -f "$work/$kind".*
done
