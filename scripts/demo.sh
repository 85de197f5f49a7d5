#!/usr/bin/env bash
# make demo: extract the bundled sample pages (written for warta, in the
# styles of real sites) and show the records.
set -euo pipefail
build=${1:-build}
cd "$(dirname "$0")/.."
echo "== warta extract samples/ --format text"
"$build/warta" extract samples/ --format text --no-progress || true
echo "== warta extract samples/portal-id.html (JSON Lines, one record)"
"$build/warta" extract samples/portal-id.html --no-progress
echo "== warta extract samples/wire-en.html --analyze --format text (the reading under the body)"
"$build/warta" extract samples/wire-en.html --analyze --format text --no-progress
