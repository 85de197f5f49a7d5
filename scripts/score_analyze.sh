#!/usr/bin/env bash
# The analysis layer end to end: `warta extract --analyze` on the seed page
# against expected.json (entities, quotes with speakers, the meeting event),
# and its speed on the ScrapingHub pages with one job. Prints two lines:
#   analyze seed: entities=19/19 quotes=12/12 meeting=6/6
#   analyze speed: pages_per_s=N (extract --analyze, M pages, one job)
set -euo pipefail
build=${1:-build}
shared=${2:-../shared}
seed=$(ls "$shared"/seed/000_*.txt 2>/dev/null | head -1)
if [ -z "$seed" ]; then
  echo "analyze seed: skipped (no seed page under $shared/seed)"
else
  "$build/warta" extract --no-progress --analyze -j1 "$seed" | python3 -c '
import json, sys
rec = json.loads(sys.stdin.readline())
exp = json.load(open(sys.argv[1]))
low = lambda s: s.lower()
def find(want):
    names = {low(want["name"])} | {low(a) for a in want.get("accept", [])}
    for e in rec["entities"]:
        if low(e["name"]) in names or names & {low(a) for a in e["aliases"]}:
            return e
ent_ok = ent_n = 0
for group, types in (("person", {"PER"}), ("organization", {"ORG", "LOC"}), ("location", {"LOC"})):
    for want in exp["entities"][group]:
        ent_n += 1
        e = find(want)
        ok = e is not None and e["type"] in types
        ok = ok and all(low(r) in {low(x) for x in e["roles"]} for r in want.get("roles", []))
        ent_ok += ok
        if not ok: print("  entity miss:", want["name"], file=sys.stderr)
text = rec["text"]
cps = list(text)
cut = lambda s: "".join(cps[s[0]:s[1]])
q_ok = 0
for want in exp["quotes"]:
    speakers = {want["speaker"], *want.get("accept_speakers", [])}
    core = want["text"][:40]
    hit = any(core in cut(q["content"]) and q["speaker_name"] in speakers and (q["kind"] == want["kind"]) for q in rec["quotes"])
    q_ok += hit
    if not hit: print("  quote miss:", want["speaker"], want["text"][:50], file=sys.stderr)
m = exp["events"][0]
best = 0
for e in rec["events"]:
    if e["type"] != "meeting": continue
    score = sum([all(p in e["participant_names"] for p in m["participants"]),
                 any(p in e["place"] for p in m["place"]),
                 e["time"] in [m["date"], *m["accept_dates"]],
                 e["duration"] == m["duration"],
                 e["outcome"] == m["outcome"],
                 any(n["kind"] == "date_conflict" for n in rec["notes"])])
    best = max(best, score)
nq = len(exp["quotes"])
print(f"analyze seed: entities={ent_ok}/{ent_n} quotes={q_ok}/{nq} meeting={best}/6")
' "$shared/seed/expected.json"
fi
pages="$shared/bench/scrapinghub/html"
if [ -d "$pages" ]; then
  n=$(ls "$pages" | wc -l)
  start=$(date +%s.%N)
  "$build/warta" extract --no-progress --analyze -j1 "$pages" > /dev/null
  end=$(date +%s.%N)
  awk -v n="$n" -v s="$start" -v e="$end" \
    'BEGIN { printf "analyze speed: pages_per_s=%.0f (extract --analyze, %d pages, one job, wall clock)\n", n / (e - s), n }'
fi
