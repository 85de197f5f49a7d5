#!/bin/sh
# Rebuilds the NER models in models/ from the permissively licensed corpora
# in ../shared/bench/ner (never CoNLL-2003, which is for measuring only).
#
#   scripts/ner_train.sh [BUILD] [SHARED] [--gazetteer]
#
# English: gmb minus its held-back part (scripts/ner_data.py --part train).
# Indonesian: the union of idner-news-2k, nerp and nergrit train splits, tags
# mapped to PER/LOC/ORG. --gazetteer first regenerates models/ner-gazetteer.tsv
# from the installed ICU, iso-codes and python3-fake-factory data (person
# names, company words: scripts/ner_names.py). Each model is the mean of
# RUNS perceptrons trained in differently shuffled orders, without the
# weight rows whose largest weight is under MIN_WEIGHT (those carry
# features seen a few times, and the file stays small). Deterministic;
# about a minute.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-$ROOT/build}
SHARED=${2:-$ROOT/../shared}
NER=$SHARED/bench/ner
BITS=19
EPOCHS=10
RUNS=5
MIN_WEIGHT=0.7
if [ ! -d "$NER" ]; then
  echo "ner_train: $NER not found; cannot train" >&2
  exit 1
fi
if ! cmake --build "$BUILD" --target ner_train >/dev/null 2>&1; then
  [ -x "$BUILD/ner_train" ] || { echo "ner_train: build failed" >&2; exit 1; }
  echo "ner_train: build failed, using the existing $BUILD/ner_train" >&2
fi
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
DATA="python3 $ROOT/scripts/ner_data.py"
if [ "${3:-}" = "--gazetteer" ]; then
  "$ROOT/scripts/install-deps.sh" --gazetteer
  "$BUILD/ner_train" gazetteer "$TMP/gazetteer"
  python3 "$ROOT/scripts/ner_names.py" >>"$TMP/gazetteer"
  LC_ALL=C sort -u "$TMP/gazetteer" >"$ROOT/models/ner-gazetteer.tsv"
fi
$DATA gmb "$NER/gmb/train.txt.gz" "$TMP/gmb" --part train
$DATA idner "$NER/idner-news-2k/train.txt.gz" "$TMP/idner"
$DATA nerp "$NER/nerp/train.txt.gz" "$TMP/nerp"
$DATA nergrit "$NER/nergrit/train.txt.gz" "$TMP/nergrit"
"$BUILD/ner_train" train --lang en --bits $BITS --epochs $EPOCHS --runs $RUNS --min-weight $MIN_WEIGHT \
  --gazetteer "$ROOT/models/ner-gazetteer.tsv" --out "$ROOT/models/ner-en.bin" "$TMP/gmb"
"$BUILD/ner_train" train --lang id --bits $BITS --epochs $EPOCHS --runs $RUNS --min-weight $MIN_WEIGHT \
  --gazetteer "$ROOT/models/ner-gazetteer.tsv" --out "$ROOT/models/ner-id.bin" \
  "$TMP/idner" "$TMP/nerp" "$TMP/nergrit"
