#!/usr/bin/env bash
# html5lib conformance: prints the tokenizer and tree-construction lines and
# fails when a floor is missed or a failing case is not on its skip list.
set -euo pipefail
build=${1:-build}
shared=${2:-../shared}
if [ ! -d "$shared/bench/html5lib-tests" ]; then
  echo "html5lib conformance: skipped ($shared/bench/html5lib-tests not found)"
  exit 0
fi
"$build/html5lib_tokenizer_tests" "$shared"
"$build/html5lib_tree_tests" "$shared"
