#!/usr/bin/env bash
# End-to-end checks of the warta CLI on the bundled sample pages:
# output independent of --jobs, exit codes 0/1/2, error records that do not
# stop the run, gzip, JSON Lines and WARC input, text and markdown output.
set -uo pipefail
warta=${1:?usage: cli_test.sh WARTA_BINARY SOURCE_DIR}
src=${2:?usage: cli_test.sh WARTA_BINARY SOURCE_DIR}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
check() {  # check NAME CONDITION...
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $name"; fi
}

"$warta" extract --no-progress -j 1 "$src/samples" >"$tmp/j1.jsonl"; rc1=$?
"$warta" extract --no-progress -j 2 "$src/samples" >"$tmp/j2.jsonl"; rc2=$?
check "exit 0 when every input is read" test "$rc1" -eq 0 -a "$rc2" -eq 0
check "same output at any --jobs" cmp -s "$tmp/j1.jsonl" "$tmp/j2.jsonl"
check "one record per sample" test "$(wc -l <"$tmp/j1.jsonl")" -eq "$(ls "$src/samples" | wc -l)"

"$warta" extract --no-progress --bogus >/dev/null 2>&1
check "exit 2 on a usage error" test $? -eq 2
"$warta" extract --no-progress --format yaml "$src/samples" >/dev/null 2>&1
check "exit 2 on an unknown format" test $? -eq 2

head -c 20000 /dev/urandom >"$tmp/binary.html"
cp "$src/samples/portal-id.html" "$tmp/good.html"
"$warta" extract --no-progress "$tmp/binary.html" "$tmp/missing.html" "$tmp/good.html" >"$tmp/mixed.jsonl"
rc=$?
check "exit 1 when some records carry an error" test "$rc" -eq 1
check "the good page survives bad neighbours" grep -q '"title":"Banjir Rob' "$tmp/mixed.jsonl"
check "an error record per bad input" test "$(grep -c '"error":' "$tmp/mixed.jsonl")" -eq 2

gzip -c "$src/samples/portal-id.html" >"$tmp/page.html.gz"
check "gzip input" sh -c "'$warta' extract --no-progress '$tmp/page.html.gz' | grep -q '\"dateline\":\"SEMARANG\"'"

printf '{"url":"https://example.test/a","html":"<html><body><article><p>%s</p></article></body></html>"}\n{not json\n' \
  "$(printf 'Kalimat berita yang cukup panjang untuk menjadi isi artikel. %.0s' 1 2 3 4 5)" >"$tmp/pages.jsonl"
"$warta" extract --no-progress "$tmp/pages.jsonl" >"$tmp/jsonl.out"
check "JSON Lines input: url kept" grep -q '"url":"https://example.test/a"' "$tmp/jsonl.out"
check "JSON Lines input: a bad line is an error record" grep -q '"error":' "$tmp/jsonl.out"

page=$(cat "$src/samples/blog-en.html")
http=$(printf 'HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n%s' "$page")
printf 'WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://blog.example/night-train\r\nWARC-Date: 2023-11-03T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000001>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n' \
  "$(printf '%s' "$http" | wc -c)" "$http" >"$tmp/crawl.warc"
gzip -c "$tmp/crawl.warc" >"$tmp/crawl.warc.gz"
"$warta" extract --no-progress "$tmp/crawl.warc.gz" >"$tmp/warc.out"
check "WARC input: target URI kept" grep -q '"url":"https://blog.example/night-train"' "$tmp/warc.out"
check "WARC input: body read" grep -q 'night train' "$tmp/warc.out"

"$warta" extract --no-progress --format markdown "$src/samples/portal-id.html" >"$tmp/page.md"
check "markdown output has a heading" grep -q '^# Banjir Rob' "$tmp/page.md"
"$warta" extract --no-progress --help >"$tmp/help.txt"
check "--help shows examples" grep -q 'Examples:' "$tmp/help.txt"

# Past the parser's million elements start tags are dropped, the text kept:
# 1.1 million "<b>kata " and a closing paragraph give every word.
{ printf '<html><body><article>'; yes '<b>kata ' | head -n 1100000 | tr -d '\n'
  printf '<p>Closing words of the page.</p></article></body></html>'; } >"$tmp/elements.html"
"$warta" extract --no-progress "$tmp/elements.html" >"$tmp/elements.jsonl"
check "a page past the element cap keeps every word" grep -q '"word_count":1100005' "$tmp/elements.jsonl"
check "a page past the element cap keeps its end" grep -q 'kata Closing words of the page\.' "$tmp/elements.jsonl"

# A page that opens with markup is read despite a stray NUL byte.
printf '<!doctype html><html><body><article><p>Sebuah kalimat\000 dengan bait nol di tengahnya.</p></article></body></html>' \
  >"$tmp/nul.html"
"$warta" extract --no-progress "$tmp/nul.html" >"$tmp/nul.jsonl"
check "a stray NUL byte is no binary file" sh -c "! grep -q '\"error\":' '$tmp/nul.jsonl' && grep -q 'bait nol' '$tmp/nul.jsonl'"

# Files waiting for a worker are held open: many files, many --jobs and a
# low descriptor limit must still give a page per record, no error.
mkdir "$tmp/many"
for i in $(seq 1 300); do printf '<p>Halaman %d.</p>\n' "$i" >"$tmp/many/p$i.html"; done
(ulimit -n 64 && "$warta" extract --no-progress -j 32 "$tmp/many") >"$tmp/many.jsonl"
check "--jobs within the descriptor limit" test "$(grep -vc '"error":' "$tmp/many.jsonl")" -eq 300

echo "cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
