#!/usr/bin/env bash
# How well the plain-text page reader (`warta extract --input-format text`)
# reads whole news pages copied as text, against warta's own HTML reading of
# the same pages.
#   scripts/score_text_pages.sh BUILD_DIR SHARED_DIR [COLUMNS]
# Each dev page of ScrapingHub and trafilatura-eval is rendered to text by a
# text browser, as "select all, copy" would give it (w3m -dump, COLUMNS wide,
# 200 by default; a measuring tool only, no dependency of warta), read by the
# text reader and scored with the benchmarks' own scorers. The HTML record of
# each page is the silver reference for title, publication date and authors.
# Prints:
#   text pages scrapinghub body: F1=... P=... R=... (html F1=...)
#   text pages trafilatura segments: F=... P=... R=... (html F=...)
#   text pages vs html record: title=... published=... authors=... site_name=... (n=...)
#   text pages vs html record, normalised: title=... (quotes, dashes, spaces,
#     case and the authors' order forgiven)
# Renderings, records and per-page rows stay in BUILD_DIR/quality/text_pages/.
# Not part of `make test`: w3m is not a dependency.
set -euo pipefail
build=${1:?usage: score_text_pages.sh BUILD_DIR SHARED_DIR [COLUMNS]}
shared=${2:?usage: score_text_pages.sh BUILD_DIR SHARED_DIR [COLUMNS]}
cols=${3:-200}
bench=$shared/bench
if [[ ! -d $bench/scrapinghub || ! -d $bench/trafilatura ]]; then
  echo "score_text_pages: no benchmarks under $bench, skipped" >&2
  exit 0
fi
if ! command -v w3m >/dev/null; then
  echo "score_text_pages: w3m not installed (apt-get install w3m), skipped" >&2
  exit 0
fi
out=$build/quality/text_pages
mkdir -p "$out"

# Renders every page of one set once (renderings are kept between runs).
render() {
  local set=$1 dir=$out/$1_$cols
  mkdir -p "$dir"
  for page in "$bench/$set"/html/*.gz; do
    local name
    name=$(basename "$page" .gz)
    [[ -s $dir/$name.txt ]] && continue
    zcat "$page" | w3m -dump -T text/html -cols "$cols" -O UTF-8 >"$dir/$name.txt" 2>/dev/null || true
  done
}

for set in scrapinghub trafilatura; do
  render "$set"
  "$build/warta" extract --no-progress -j 2 --input-format text "$out/${set}_$cols" -o "$out/$set.text.jsonl" || true
  "$build/warta" extract --no-progress -j 2 --input-format html "$bench/$set/html" -o "$out/$set.html.jsonl" || true
done

python3 - "$out" "$bench" <<'PY'
import json, os, subprocess, sys, unicodedata
out, bench = sys.argv[1], sys.argv[2]

def records(path):
    recs = {}
    for line in open(path, encoding="utf-8"):
        r = json.loads(line)
        name = os.path.basename(r.get("source", ""))
        for suffix in (".txt", ".gz"):
            if name.endswith(suffix):
                name = name[: -len(suffix)]
        recs[name] = r
    return recs

def score(scorer, truth, preds, path):
    json.dump(preds, open(path, "w", encoding="utf-8"), ensure_ascii=False)
    rows = path.replace(".json", "_rows.json")
    subprocess.run(["python3", os.path.join(bench, scorer), truth, path, "--worst", "0", "--json", rows],
                   check=True, stdout=subprocess.DEVNULL)
    return json.load(open(rows))["metrics"]

agree = {"title": 0, "published": 0, "authors": 0, "site_name": 0}
loose = dict(agree)
checked = {"title": 0, "published": 0, "authors": 0, "site_name": 0}

# The normalised comparison forgives what the page's text and its markup
# spell differently for the same value: typographic quotes and dashes,
# white space, letter case, and the order of the authors.
FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201c": '"', "\u201d": '"',
                      "\u201e": '"', "\u00ab": '"', "\u00bb": '"', "\u2013": "-", "\u2014": "-",
                      "\u00a0": " "})
def fold(s):
    return " ".join(unicodedata.normalize("NFKC", s or "").translate(FOLD).split()).casefold()

def compare(text_rec, html_rec):
    for field in agree:
        want = html_rec.get(field)
        if not want:
            continue
        checked[field] += 1
        got = text_rec.get(field)
        if field == "published":
            agree[field] += (got or "")[:10] == want[:10]
            loose[field] += (got or "")[:10] == want[:10]
        elif field == "authors":
            agree[field] += got == want
            loose[field] += sorted(map(fold, got or [])) == sorted(map(fold, want))
        else:
            agree[field] += got == want
            loose[field] += fold(got) == fold(want)

sh = os.path.join(bench, "scrapinghub")
text, html = records(f"{out}/scrapinghub.text.jsonl"), records(f"{out}/scrapinghub.html.jsonl")
truth = os.path.join(sh, "ground-truth.json")
m = score("score_articlebody.py", truth, {k[:-5]: {"articleBody": r["text"]} for k, r in text.items()},
          f"{out}/scrapinghub.text.json")
h = score("score_articlebody.py", truth, {k[:-5]: {"articleBody": r["text"]} for k, r in html.items()},
          f"{out}/scrapinghub.html.json")
print("text pages scrapinghub body: F1=%.3f P=%.3f R=%.3f (html F1=%.3f)"
      % (m["f1"], m["precision"], m["recall"], h["f1"]))
for k in text.keys() & html.keys():
    compare(text[k], html[k])

tf = os.path.join(bench, "trafilatura")
text, html = records(f"{out}/trafilatura.text.jsonl"), records(f"{out}/trafilatura.html.jsonl")
truth = os.path.join(tf, "evaldata.json")
m = score("score_segments.py", truth, {k: r["text"] for k, r in text.items()},
          f"{out}/trafilatura.text.json")
h = score("score_segments.py", truth, {k: r["text"] for k, r in html.items()},
          f"{out}/trafilatura.html.json")
print("text pages trafilatura segments: F=%.3f P=%.3f R=%.3f (html F=%.3f)"
      % (m["f1"], m["precision"], m["recall"], h["f1"]))
for k in text.keys() & html.keys():
    compare(text[k], html[k])

print("text pages vs html record: " + " ".join(
    "%s=%.3f (n=%d)" % (f, agree[f] / checked[f] if checked[f] else 0, checked[f]) for f in agree))
print("text pages vs html record, normalised: " + " ".join(
    "%s=%.3f" % (f, loose[f] / checked[f] if checked[f] else 0) for f in loose))
PY
