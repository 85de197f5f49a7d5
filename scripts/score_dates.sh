#!/bin/sh
# Publication-date accuracy on the htmldate evaluation pages.
#   scripts/score_dates.sh BUILD_DIR SHARED_DIR
set -eu
build=${1:?usage: score_dates.sh BUILD_DIR SHARED_DIR}
shared=${2:?usage: score_dates.sh BUILD_DIR SHARED_DIR}
bench="$shared/bench"
if [ ! -f "$bench/htmldate/dates.json" ]; then
  echo "htmldate benchmark not found under $bench" >&2
  exit 1
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$build/score_dates" "$shared" "$out/pred.json"
python3 "$bench/score_dates.py" "$bench/htmldate/dates.json" "$out/pred.json" --worst 0 --json "$out/score.json" >/dev/null
python3 - "$out/score.json" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))["metrics"]
print("htmldate publication date: accuracy=%.3f P=%.3f R=%.3f F=%.3f (tp=%d fp=%d fn=%d tn=%d)"
      % (m["accuracy"], m["precision"], m["recall"], m["f1"], m["tp"], m["fp"], m["fn"], m["tn"]))
PY
