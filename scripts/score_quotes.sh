#!/bin/sh
# Scores quote attribution on the dev benchmarks.
#   scripts/score_quotes.sh BUILD_DIR SHARED_DIR
# Prints "polnear quotes: content F1=... end-to-end F1=..." and
# "pfsa-id quotes: STATEMENT F1=... PERSON F1=...". Speaker names use the NER models
# when models/ner-*.bin load. Work files go to $BUILD_DIR/quotes-eval.
set -eu
build=${1:?usage: score_quotes.sh BUILD_DIR SHARED_DIR}
shared=${2:?usage: score_quotes.sh BUILD_DIR SHARED_DIR}
bench=$shared/bench
work=$build/quotes-eval
mkdir -p "$work"

zcat "$bench/quotes/polnear/polnear.jsonl.gz" > "$work/polnear.jsonl"
"$build/score_quotes" polnear "$work/polnear.jsonl" "$work/polnear-pred.json" --ner
python3 "$bench/score_quotes.py" "$bench/quotes/polnear/polnear.jsonl.gz" "$work/polnear-pred.json" \
  --json "$work/polnear-score.json" > "$work/polnear-score.txt"
cat "$work/polnear-score.txt"
python3 -c 'import json,sys; m=json.load(open(sys.argv[1])); print("polnear quotes: content F1=%.3f end-to-end F1=%.3f" % (m["content_f1"], m["end_to_end_f1"]))' "$work/polnear-score.json"

zcat "$bench/quotes/pfsa-id/dev.txt.gz" > "$work/pfsa-dev.txt"
"$build/score_quotes" pfsa "$work/pfsa-dev.txt" "$work/pfsa-pred.txt" --ner
python3 "$bench/score_ner.py" "$work/pfsa-dev.txt" "$work/pfsa-pred.txt" --json "$work/pfsa-score.json" > "$work/pfsa-score.txt"
python3 -c '
import json, sys
m = json.load(open(sys.argv[1]))
types = m.get("per_type") or m.get("types") or {}
def f1(t):
    v = types.get(t, {})
    return v.get("f1", 0.0) if isinstance(v, dict) else 0.0
print("pfsa-id quotes: STATEMENT F1=%.3f PERSON F1=%.3f" % (f1("STATEMENT"), f1("PERSON")))' "$work/pfsa-score.json"
