#!/bin/sh
# NER figures: tags the dev sets of ../shared/bench/ner with `warta ner
# --conll` and scores them with score_ner.py (entity-level P/R/F1).
#
#   scripts/ner_eval.sh [BUILD] [SHARED]
#
# Prints `ner <set>: P=.. R=.. F1=..` per set; the floors are
# tests/quality_floors.txt, checked by scripts/bench_quality.sh --gate. Gold and predictions are normalised alike (scripts/ner_data.py):
# Indonesian types to PER/LOC/ORG, nerp EVT/FNB to O, MISC to O on sets
# without MISC. gmb is scored on its held-back part only (never trained on);
# CoNLL-2003 valid is a cross-corpus figure (never trained on).
# $WARTA overrides the tagger binary (default BUILD/warta).
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-$ROOT/build}
SHARED=${2:-$ROOT/../shared}
NER=$SHARED/bench/ner
if [ ! -d "$NER" ]; then
  echo "ner_eval: $NER not found; skipping the NER figures"
  exit 0
fi
WARTA=${WARTA:-$BUILD/warta}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# run SET-NAME CORPUS FILE LANG PART [--drop-misc]
run() {
  name=$1 corpus=$2 file=$3 lang=$4 part=$5
  shift 5
  python3 "$ROOT/scripts/ner_data.py" "$corpus" "$file" "$TMP/$name.gold" --part "$part" "$@"
  "$WARTA" ner --conll "$TMP/$name.gold" --lang "$lang" >"$TMP/$name.raw"
  python3 "$ROOT/scripts/ner_data.py" "$corpus" "$TMP/$name.raw" "$TMP/$name.pred" "$@"
  python3 "$SHARED/bench/score_ner.py" "$TMP/$name.gold" "$TMP/$name.pred" >"$TMP/$name.score"
  awk -v n="$name" '$1 == "ALL" { printf "ner %s: P=%.4f R=%.4f F1=%.4f\n", n, $2, $3, $4 }' "$TMP/$name.score"
}

run idner-news-2k idner "$NER/idner-news-2k/valid.txt.gz" id all --drop-misc
run nerp nerp "$NER/nerp/valid.txt.gz" id all --drop-misc
run nergrit nergrit "$NER/nergrit/valid.txt.gz" id all --drop-misc
run gmb-heldout gmb "$NER/gmb/train.txt.gz" en heldout
run conll2003-valid conll "$NER/conll2003/valid.txt.gz" en all
