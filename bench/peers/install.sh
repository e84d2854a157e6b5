#!/usr/bin/env bash
# Installs the peers (cedar-wasm, casbin, fast-redact) from the committed package-lock.json with
# `npm ci`, in place or, given DEST, into DEST with copies of the drivers (as the e2e test does
# in the build folder). Skips the install when DEST's node_modules matches the lock file.
# Usage: bench/peers/install.sh [DEST]
set -euo pipefail
src="$(cd "$(dirname "$0")" && pwd)"
dest="${1:-$src}"
for tool in node npm; do
  command -v "$tool" >/dev/null || { echo "install.sh: $tool is missing (scripts/deps.sh installs it)" >&2; exit 1; }
done
mkdir -p "$dest"
dest="$(cd "$dest" && pwd)"
if [[ "$dest" != "$src" ]]; then
  cp "$src"/*.mjs "$dest/"
fi
stamp="$dest/node_modules/.metagate-lock"
if [[ -f "$stamp" ]] && cmp -s "$src/package-lock.json" "$stamp"; then
  exit 0
fi
if [[ "$dest" != "$src" ]]; then
  cp "$src/package.json" "$src/package-lock.json" "$dest/"
fi
(cd "$dest" && npm ci --no-audit --no-fund --loglevel=error)
cp "$src/package-lock.json" "$stamp"
