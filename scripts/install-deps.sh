#!/usr/bin/env bash
# Installs the Debian packages warta builds and tests with, only those missing.
set -euo pipefail
packages=(
  cmake ninja-build g++ pkg-config python3
  libicu-dev libuchardet-dev libre2-dev libsimdjson-dev nlohmann-json3-dev
  zlib1g-dev libzstd-dev libcld2-dev libstemmer-dev libcli11-dev libfmt-dev
  libgtest-dev libbenchmark-dev
)
if [ "${1:-}" = "--fuzz" ]; then packages+=(clang libclang-rt-14-dev); fi
# Only to rebuild models/ner-gazetteer.tsv (scripts/ner_train.sh --gazetteer).
if [ "${1:-}" = "--gazetteer" ]; then packages+=(iso-codes python3-fake-factory); fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi
