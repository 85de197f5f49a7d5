#!/usr/bin/env bash
# The seed page: `warta extract` on ../shared/seed/000_*.txt against the
# `record` part of expected.json. Prints one line:
#   seed record: 12/12 checks (title authors published ... body leftovers)
set -euo pipefail
build=${1:-build}
shared=${2:-../shared}
seed=$(ls "$shared"/seed/000_*.txt 2>/dev/null | head -1)
if [ -z "$seed" ]; then
  echo "seed record: skipped (no seed page under $shared/seed)"
  exit 0
fi
"$build/warta" extract --no-progress "$seed" | python3 -c '
import json, sys
rec = json.loads(sys.stdin.readline())
exp = json.load(open(sys.argv[1]))["record"]
checks = {}
checks["title"] = rec["title"] == exp["title"]
checks["authors"] = rec["authors"] == exp["authors"]
checks["published"] = rec["published"] == exp["published"]["local"]
checks["published_utc"] = rec["published_utc"] == exp["published"]["utc"]
checks["language"] = rec["language"] == exp["language"]
checks["site_name"] = rec["site_name"] == exp["site_name"]["value"]
checks["dateline"] = rec["dateline"] == exp["dateline"]
checks["images"] = [(i["caption"], i["credit"]) for i in rec["images"]] == [(i["caption"], i["credit"]) for i in exp["images"]]
checks["sources_cited"] = rec["sources_cited"] == exp["sources_cited"]
want = exp["body_paragraphs"]
got = rec["paragraphs"]
strip = lambda p: p.split(" – ", 1)[1] if p.startswith(rec["dateline"] + " – ") else p
checks["body"] = len(got) == len(want) and all(strip(g) == strip(w) for g, w in zip(got, want))
checks["no_leftovers"] = not any(l in rec["text"] for l in exp["must_not_appear_in_body"])
ok = sum(checks.values())
failed = [k for k, v in checks.items() if not v]
print("seed record: checks=%d/%d%s" % (ok, len(checks), (" (failed: " + ", ".join(failed) + ")") if failed else ""))
' "$shared/seed/expected.json"
