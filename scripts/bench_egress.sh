#!/usr/bin/env bash
# Egress filter throughput beside simdjson (bench/egress_bench.cc): Pipeline::Filter, as
# `metagate filter` runs it, on the segment, mixpanel and otlp-logs datasets of ../shared/datasets
# with the seed's policies (bench/egress/metagate.yaml), unknown fields dropped and classified,
# and simdjson's DOM parse of the same bodies in the same run; then the ratios to the goals
# (>= 1M events/s per core, >= 0.3x simdjson's MB/s).
# Usage: scripts/bench_egress.sh [repetitions]
set -euo pipefail
cd "$(dirname "$0")/.."
reps="${1:-5}"
datasets="${METAGATE_DATASETS:-../shared/datasets}"
bash scripts/deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target egress_bench >/dev/null
out="build/release/bench/egress_bench.json"
echo "== in-process: median of $reps"
METAGATE_DATASETS="$datasets" build/release/bench/egress_bench --benchmark_repetitions="$reps" \
  --benchmark_report_aggregates_only=true --benchmark_out="$out" --benchmark_out_format=json |
  grep -E 'median|^Benchmark'
echo "== ratios (medians): filter vs simdjson DOM parse of the same bytes, and vs the goals"
python3 - "$out" <<'PY'
import json, sys
runs = {b["run_name"]: b for b in json.load(open(sys.argv[1]))["benchmarks"]
        if b.get("aggregate_name") == "median"}
print(f"{'benchmark':<28} {'MB/s':>8} {'events/s':>10} {'x simdjson':>10} {'x 1M ev/s':>9}")
for name, b in runs.items():
    if not name.startswith("BM_Filter/"):
        continue
    fmt = name.split("/")[1]
    simd = runs.get("BM_SimdjsonParse/" + fmt)
    mbs = b["bytes_per_second"] / 1e6
    ratio = mbs / (simd["bytes_per_second"] / 1e6) if simd else float("nan")
    ev = b["events/s"]
    print(f"{name:<28} {mbs:8.1f} {ev:10.0f} {ratio:10.3f} {ev / 1e6:9.3f}")
for name, b in runs.items():
    if name.startswith("BM_SimdjsonParse/"):
        print(f"{name:<28} {b['bytes_per_second'] / 1e6:8.1f}")
PY
