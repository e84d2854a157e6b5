#!/usr/bin/env bash
# Classification throughput beside simdjson (bench/classify_bench.cc): for each dataset in
# ../shared/datasets, simdjson's DOM parse of every body and metagate's classification of the
# same bodies, in one run; then the whole `metagate classify` process under /usr/bin/time -v.
# Usage: scripts/bench_classify.sh [repetitions]
set -euo pipefail
cd "$(dirname "$0")/.."
reps="${1:-5}"
datasets="${METAGATE_DATASETS:-../shared/datasets}"
bash scripts/deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target classify_bench metagate >/dev/null
echo "== in-process: median of $reps (bytes_per_second, events/s, bodies/s)"
METAGATE_DATASETS="$datasets" build/release/bench/classify_bench --benchmark_repetitions="$reps" \
  --benchmark_report_aggregates_only=true | grep -E 'median|^Benchmark'
echo "== whole process: metagate classify on each dataset"
for f in segment mixpanel amplitude posthog otlp-logs llm; do
  /usr/bin/time -f "$f: %e s wall, %M KB max RSS" build/release/src/cli/metagate classify \
    --format "$f" "$datasets/$f.events.jsonl" >/dev/null
done
