#!/usr/bin/env bash
# Installs the Debian packages metagate needs to build, test and run its demo.
# Idempotent: runs `apt-get update` once, and only when something is missing.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config
  libgtest-dev libgmock-dev libbenchmark-dev
  libcli11-dev libfmt-dev
  libsimdjson-dev libyaml-cpp-dev libvectorscan-dev libphonenumber-dev
  libssl-dev
  clang-14 libclang-rt-14-dev
  time jq python3 curl libboost-dev
  libsqlite3-dev zlib1g-dev openssl wrk
  chromium nodejs npm  # the html data map's browser test (tests/browser, e2e_map_html)
)

missing=()
for p in "${PACKAGES[@]}"; do
  # A nodejs from NodeSource bundles npm and conflicts with Debian's npm package.
  if [[ "$p" == npm ]] && command -v npm >/dev/null 2>&1; then continue; fi
  if ! dpkg -s "$p" >/dev/null 2>&1; then missing+=("$p"); fi
done

if ((${#missing[@]} == 0)); then
  exit 0
fi

SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
echo "deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q >/dev/null
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
