#!/usr/bin/env bash
# Side-by-side authorization benchmark: metagate (Google Benchmark, bench/authorize_bench.cc)
# and Cedar's own engine (cedar-wasm 4.12 via Node.js, bench/peers/) on the same document-sharing
# workload, plus a check that both give the same decision and reasons for every request.
# Usage: scripts/bench_authorize.sh [peer-seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-5}"
bash scripts/deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target authorize_bench >/dev/null
dir=build/bench-workload
mkdir -p "$dir"
echo "== metagate (ns per decision: see the 'median' row)"
METAGATE_BENCH_DUMP="$dir" build/release/bench/authorize_bench \
  --benchmark_filter=BM_AuthorizeDocSharing --benchmark_repetitions=5 \
  --benchmark_report_aggregates_only=true
echo "== cedar-wasm 4.12 (Cedar's Rust engine compiled to WebAssembly, Node.js $(node --version))"
(cd bench/peers && npm ci --no-audit --no-fund --silent)
node bench/peers/cedar_wasm_bench.mjs "$dir" "$seconds"
echo "== agreement"
total=$(wc -l <"$dir/metagate_decisions.txt")
same=$(paste -d'|' "$dir/metagate_decisions.txt" "$dir/cedar_wasm_decisions.txt" |
  awk -F'|' '$1 == $2' | wc -l)
allow=$(grep -c '^allow' "$dir/metagate_decisions.txt" || true)
echo "$same of $total requests agree on decision and reasons ($allow allowed)"
[[ "$same" == "$total" ]]
