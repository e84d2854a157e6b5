#!/usr/bin/env bash
# Instructions per event and per input byte of the egress filter (bench/egress_bench.cc's timed
# passes only, plans warm) and of simdjson's DOM parse of the same bodies, counted by callgrind:
# repeatable on a loaded machine, unlike the MB/s of scripts/bench_egress.sh. BM_Pseudonymize:
# instructions per pseudonym.
# Usage: scripts/egress_callgrind.sh [benchmark regex]   (default: simdjson and the drop rows)
set -euo pipefail
cd "$(dirname "$0")/.."
filter="${1:-BM_SimdjsonParse|BM_Filter/.*/drop}"
datasets="${METAGATE_DATASETS:-../shared/datasets}"
cmake --preset release >/dev/null
cmake --build --preset release --target egress_bench >/dev/null
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
bin=build/release/bench/egress_bench
names="$(METAGATE_DATASETS="$datasets" "$bin" --benchmark_list_tests | grep -E "$filter" || true)"
printf '%-28s %14s %10s %8s %10s %9s\n' benchmark instructions iterations events Ir/event Ir/byte
for name in $names; do
  toggle='*FilterPass*'
  [[ "$name" == BM_SimdjsonParse* ]] && toggle='*BM_SimdjsonParse*'
  min_time=0.001
  [[ "$name" == BM_Pseudonymize* ]] && toggle="*BM_Pseudonymize*" && min_time=0.2
  METAGATE_DATASETS="$datasets" valgrind --tool=callgrind --toggle-collect="$toggle" \
    --callgrind-out-file="$tmp/cg.out" "$bin" --benchmark_filter="^${name}\$" \
    --benchmark_min_time="$min_time" --benchmark_format=json >"$tmp/run.json" 2>"$tmp/cg.log"
  python3 - "$tmp/run.json" "$tmp/cg.log" "$name" <<'PY'
import json, re, sys
run = json.load(open(sys.argv[1]))["benchmarks"][0]
collected = int(re.search(r"Collected : (\d+)", open(sys.argv[2]).read()).group(1))
n = run["iterations"]
events = run.get("events", 0) * n
per_event = f"{collected / events:10.0f}" if events else f"{'':>10}"
per_byte = f"{collected / (run['bytes'] * n):9.2f}" if "bytes" in run else f"{'':>9}"
print(f"{sys.argv[3]:<28} {collected:14d} {n:10d} {int(events):8d} {per_event} {per_byte}")
PY
done
