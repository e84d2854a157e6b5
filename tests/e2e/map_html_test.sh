#!/usr/bin/env bash
# The html data map in headless Chromium: produces the page with MAP_CMD (a command that writes
# it to standard output: `metagate map ... --format html`, or the fixture tool), installs
# playwright-core into BUILD_DIR/browser-tests from the committed package-lock.json when missing,
# runs tests/browser/map_page_test.mjs on it and keeps the page and its screenshot at
# BUILD_DIR/artifacts/NAME.html and NAME.png (NAME defaults to "map").
# Usage: map_html_test.sh BROWSER_DIR BUILD_DIR MAP_CMD [NAME]
set -euo pipefail
browser_dir="$1"
build_dir="$2"
map_cmd="${MAP_HTML_CMD:-$3}"
name="${4:-map}"

for tool in node npm /usr/bin/chromium; do
  command -v "$tool" >/dev/null || { echo "map_html_test: $tool is missing (scripts/deps.sh installs it)" >&2; exit 1; }
done

work="$build_dir/browser-tests"
artifacts="$build_dir/artifacts"
mkdir -p "$work" "$artifacts"
# Reinstall when the lock file changed since the last install.
if [[ ! -d "$work/node_modules" ]] || ! cmp -s "$browser_dir/package-lock.json" "$work/package-lock.json"; then
  cp "$browser_dir/package.json" "$browser_dir/package-lock.json" "$work/"
  (cd "$work" && npm ci --no-audit --no-fund --loglevel=error)
fi
cp "$browser_dir/map_page_test.mjs" "$work/"

html="$artifacts/$name.html"
echo "map_html_test: $map_cmd > $html"
bash -c "$map_cmd" >"$html"
[[ -s "$html" ]] || { echo "map_html_test: the map command wrote nothing" >&2; exit 1; }

node "$work/map_page_test.mjs" "$html" "$artifacts/$name.png"
echo "map_html_test: screenshot kept at $artifacts/$name.png"
