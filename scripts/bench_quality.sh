#!/usr/bin/env bash
# Accuracy on the development halves in ../shared/bench: one line per set.
#
#   scripts/bench_quality.sh BUILD SHARED [--gate]
#
# With --gate (what `make test` runs) every figure named in
# tests/quality_floors.txt must reach its floor, else the run fails. Without
# ../shared the whole run is skipped with a message (a user's fresh clone).
set -uo pipefail
build=${1:-build}
shared=${2:-../shared}
gate=${3:-}
root=$(cd "$(dirname "$0")/.." && pwd)
if [ ! -d "$shared/bench" ]; then
  echo "quality: skipped ($shared/bench not found)"
  exit 0
fi
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
run() {
  if ! "$@" 2>&1 | tee -a "$log" | grep -E '^[a-z0-9 -]+:' ; then
    echo "quality: '$*' failed" >&2
    status=1
  fi
}
run "$root/scripts/score_content.sh" "$build" "$shared"
run "$root/scripts/score_dates.sh" "$build" "$shared"
run "$root/scripts/score_seed.sh" "$build" "$shared"
run "$root/scripts/ner_eval.sh" "$build" "$shared"
run "$root/scripts/score_quotes.sh" "$build" "$shared"
run "$root/scripts/score_analyze.sh" "$build" "$shared"
if [ "$gate" = "--gate" ]; then
  # Each floor line: <line prefix>|<metric>|<floor>
  while IFS='|' read -r prefix metric floor; do
    case "$prefix" in ''|'#'*) continue ;; esac
    value=$(grep -F "$prefix:" "$log" | head -1 | grep -oE "(^| )$metric=[0-9.]+" | head -1 | cut -d= -f2)
    if [ -z "$value" ]; then
      echo "quality gate: no '$metric' figure for '$prefix'"
      status=1
    elif awk -v v="$value" -v f="$floor" 'BEGIN { exit !(v < f) }'; then
      echo "quality gate: $prefix $metric=$value is below its floor $floor"
      status=1
    fi
  done < "$root/tests/quality_floors.txt"
  [ $status -eq 0 ] && echo "quality gates: all floors met"
fi
exit $status
