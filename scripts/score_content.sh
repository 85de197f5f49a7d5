#!/usr/bin/env bash
# Article-body quality of warta's main-content extraction on the dev benchmarks.
#   scripts/score_content.sh BUILD_DIR SHARED_DIR
# Runs BUILD_DIR/score_content on ScrapingHub and trafilatura-eval, scores the
# predictions with the benchmarks' own Python scorers and prints one line each:
#   scrapinghub article body: F1=0.965 P=0.955 R=0.975
#   trafilatura segments: F=0.914 P=0.916 R=0.911
# Predictions and per-page rows stay in BUILD_DIR/quality/ for inspection.
set -euo pipefail
build=${1:?usage: score_content.sh BUILD_DIR SHARED_DIR}
shared=${2:?usage: score_content.sh BUILD_DIR SHARED_DIR}
bench=$shared/bench
if [[ ! -d $bench/scrapinghub || ! -d $bench/trafilatura ]]; then
  echo "score_content: no benchmarks under $bench, skipped" >&2
  exit 0
fi
out=$build/quality
mkdir -p "$out"

"$build/score_content" scrapinghub "$bench/scrapinghub" "$out/scrapinghub.json"
python3 "$bench/score_articlebody.py" "$bench/scrapinghub/ground-truth.json" "$out/scrapinghub.json" \
  --worst 0 --json "$out/scrapinghub_rows.json" >/dev/null
python3 - "$out/scrapinghub_rows.json" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))["metrics"]
print("scrapinghub article body: F1=%.3f P=%.3f R=%.3f" % (m["f1"], m["precision"], m["recall"]))
PY

"$build/score_content" trafilatura "$bench/trafilatura" "$out/trafilatura.json"
python3 "$bench/score_segments.py" "$bench/trafilatura/evaldata.json" "$out/trafilatura.json" \
  --worst 0 --json "$out/trafilatura_rows.json" >/dev/null
python3 - "$out/trafilatura_rows.json" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))["metrics"]
print("trafilatura segments: F=%.3f P=%.3f R=%.3f" % (m["f1"], m["precision"], m["recall"]))
PY
