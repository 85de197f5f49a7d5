#!/usr/bin/env bash
# Speed and memory on the ScrapingHub pages (one core unless said):
# tokenizer, parse + tree, full extraction (1000 pages, peak RSS), extraction
# with the reading, and `warta extract` wall time at --jobs 1 and 2.
set -euo pipefail
build=${1:-build}
shared=${2:-../shared}
pages=$shared/bench/scrapinghub/html
if [ ! -d "$pages" ]; then
  echo "bench: skipped ($pages not found)"
  exit 0
fi
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(date -u +%Y-%m-%d)"
"$build/tokenizer_bench" "$pages" 20
"$build/parse_bench" "$pages" 3
"$build/extract_bench" "$pages" 1000
"$build/extract_bench" --analyze "$pages" 300

# --jobs scaling: the pages unpacked to files, sixteen copies each (1,408
# files, over a second at --jobs 1). The two settings run in turns, seven
# pairs, so a slow spell of the shared host hits both alike; the speed-up is
# the median of the pairs' ratios, with their range. Beside each pair,
# host_scaling times the same work on one thread and on two with nothing
# shared: its ratio is the best speed-up the host gave at that moment, and
# warta's ratio over it is the share of that ceiling warta reached.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for copy in $(seq 1 16); do
  mkdir -p "$tmp/pages/$copy"
  for f in "$pages"/*.gz; do zcat "$f" >"$tmp/pages/$copy/$(basename "$f" .gz)"; done
done
count=$(find "$tmp/pages" -type f | wc -l)
seconds() { local s e; s=$(date +%s.%N); "$@" >/dev/null; e=$(date +%s.%N); awk -v s="$s" -v e="$e" 'BEGIN { print e - s }'; }
turns=""
for _ in 1 2 3 4 5 6 7; do
  t1=$(seconds "$build/warta" extract --no-progress -j 1 "$tmp/pages")
  t2=$(seconds "$build/warta" extract --no-progress -j 2 "$tmp/pages")
  h1=$(seconds "$build/host_scaling" 1)
  h2=$(seconds "$build/host_scaling" 2)
  turns="$turns $t1:$t2:$h1:$h2"
done
echo "$turns" | tr ' ' '\n' | grep : | awk -F: -v n="$count" '
  { one[NR] = n / $1; two[NR] = n / $2; ratio[NR] = $1 / $2; host[NR] = $3 / $4; share[NR] = ratio[NR] / host[NR] }
  function median(a, k,  i, j, t) {
    for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
    return a[int((k + 1) / 2)]
  }
  END {
    r = median(ratio, NR)  # sorts ratio too: ratio[1] and ratio[NR] are the range
    h = median(host, NR)
    printf "warta extract (files, wall): %d pages, %d turns: --jobs 1 median %.0f pages/s, --jobs 2 median %.0f pages/s, speed-up median %.2fx (range %.2f-%.2f)\n",
      n, NR, median(one, NR), median(two, NR), r, ratio[1], ratio[NR]
    printf "host ceiling (host_scaling, same turns): speed-up median %.2fx (range %.2f-%.2f); warta reached median %.0f%% of it\n",
      h, host[1], host[NR], 100 * median(share, NR) }'
