#!/usr/bin/env bash
# The PDP entity store at 1,000,000 Group entities (bench/entity_store_bench.cc): load time and
# RSS per entity, `in` (hit and miss) beside cedar::Entities and an unindexed parent walk, a
# whole decision, and update rates with and without a concurrent reader. Needs about 6 GB of
# memory; METAGATE_BENCH_CEDAR_DAG_NODES=N caps the cedar::Entities DAG variant at N entities.
# Usage: scripts/bench_entity_store.sh [extra Google Benchmark flags, e.g. --benchmark_filter=In]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target entity_store_bench >/dev/null
echo "== entity store (medians: see the '_median' rows; dag:0 tree, dag:1 two parents per node)"
build/release/bench/entity_store_bench --benchmark_repetitions=3 \
  --benchmark_report_aggregates_only=true "$@"
