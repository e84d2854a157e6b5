#!/usr/bin/env bash
# metagate beside its peers, on the same inputs, in one run: Cedar authorization (`metagate
# bench` vs cedar-wasm, and casbin on the github RBAC workload) over a policy sweep and an entity
# sweep of the generated workloads, the egress filter (egress_bench vs simdjson and
# fast_redact.mjs), HMAC pseudonymization and memory. Raw results go to build/bench-results/*.tsv;
# bench/bench_report.py then rewrites the generated section of docs/benchmarks.md and
# docs/bench-policies.png.
#
# Usage: bench/run.sh [--quick] [--seconds S]
#   --quick     small sizes (policies 10,100,1000 at 1,000 entities; entities 1,000 and 10,000
#               at 100 policies; 200 requests; 0.5 s per run): checks the pipeline, not the targets
#   --seconds   time per engine and workload (default 3, --quick 0.5)
# Environment: BENCH_WORKLOADS (default build/bench-workloads; reused when the files are there),
#   METAGATE_DATASETS (default ../shared/datasets), JOBS (build parallelism, default 2).
#
# Sizes (full run): the policy sweep runs 10, 100, 1,000 and 10,000 policies at 100,000
# entities: a store well past the CPU caches, so the sweep measures policy scaling on realistic
# lookups, while cedar-wasm still loads it in seconds; the entity sweep runs 1,000, 100,000 and
# 1,000,000 entities at 100 policies (the target's policy count), and gives the memory figures.
set -euo pipefail
cd "$(dirname "$0")/.."

quick=0
seconds=""
asked_seconds=""
while (($#)); do
  case "$1" in
    --quick) quick=1 ;;
    --seconds)
      seconds="${2:?--seconds needs a value}"
      asked_seconds="$seconds"
      shift
      ;;
    -h | --help)
      sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      echo "run.sh: unknown argument '$1' (see --help)" >&2
      exit 2
      ;;
  esac
  shift
done

apps=(docshare github todo)
if ((quick)); then
  policy_sweep=(10 100 1000) policy_sweep_entities=1000
  entity_sweep=(1000 10000) entity_sweep_policies=100
  requests=200
  seconds="${seconds:-0.5}"
else
  policy_sweep=(10 100 1000 10000) policy_sweep_entities=100000
  entity_sweep=(1000 100000 1000000) entity_sweep_policies=100
  requests=1000
  seconds="${seconds:-3}"
fi
workloads="${BENCH_WORKLOADS:-build/bench-workloads}"
datasets="${METAGATE_DATASETS:-../shared/datasets}"
results=build/bench-results
metagate=build/release/src/cli/metagate
mkdir -p "$results" "$workloads"
log() { echo "== $*" >&2; }
join() {
  local IFS=,
  echo "$*"
}

# --- tools -----------------------------------------------------------------------------------
bash scripts/deps.sh
if ! command -v gnuplot >/dev/null 2>&1; then
  log "installing gnuplot-nox (the plot)"
  SUDO=""
  [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends gnuplot-nox \
    >/dev/null || { $SUDO apt-get update -q >/dev/null &&
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends gnuplot-nox >/dev/null; }
fi
log "building release targets: metagate egress_bench"
cmake --preset release >/dev/null
cmake --build --preset release -j "${JOBS:-2}" --target metagate egress_bench >/dev/null
log "installing the peers (bench/peers/install.sh)"
bash bench/peers/install.sh >/dev/null

# --- workloads -------------------------------------------------------------------------------
# The (policies, entities) pairs measured: the policy sweep, then the entity sweep.
combos=()
for p in "${policy_sweep[@]}"; do combos+=("$p $policy_sweep_entities"); done
for e in "${entity_sweep[@]}"; do
  [[ " ${combos[*]} " == *" $entity_sweep_policies $e "* ]] || combos+=("$entity_sweep_policies $e")
done
# Generates exactly those pairs (each has its own policy file) unless every test file is there.
ensure_workloads() {
  local missing=0 app combo p e pairs=()
  for combo in "${combos[@]}"; do
    read -r p e <<<"$combo"
    pairs+=("$p:$e")
    for app in "${apps[@]}"; do
      # A test without its own policy file comes from the older generator (one policy file per
      # count, grants only on the 1,000-entity layout's first containers): regenerate it.
      [[ -f "$workloads/$app/p$p-e$e.json" && -f "$workloads/$app/policies-p$p-e$e.cedar" ]] ||
        missing=1
    done
  done
  ((missing)) || return 0
  log "generating workloads $(join "${pairs[@]}") (policies:entities) into $workloads"
  bash bench/workloads/generate.sh "$workloads" --apps "$(join "${apps[@]}")" \
    --combos "$(join "${pairs[@]}")" --requests "$requests"
}
ensure_workloads

# --- authorization ---------------------------------------------------------------------------
# `last_line FILE PREFIX`: the fields of FILE's last line if it starts with PREFIX, else nothing.
last_line() { tail -n 1 "$1" | grep -E "^$2 " || true; }
authz="$results/authz.tsv"
printf 'app\tpolicies\tentities\tengine\tdecisions_per_s\tp50_ns\tp99_ns\trss_bytes\trss_trim_bytes\tjson_bytes\tload_ms\tmax_rss_kb\n' >"$authz"
# `record APP P E ENGINE OUT [MAX_RSS_KB]`: one row from a driver's output (and metagate's
# `loaded` and `rss_after_trim_bytes` lines).
record() {
  local app="$1" p="$2" e="$3" engine="$4" out="$5" maxrss="${6:-NA}"
  local line rate=NA p50=NA p99=NA rss=NA trimmed=NA bytes=NA load=NA loaded
  loaded=$(grep '^loaded ' "$out" || true)
  trimmed=$(awk '/^rss_after_trim_bytes /{print $2}' "$out")
  line=$(last_line "$out" 'decisions/s')
  if [[ -n "$line" ]]; then
    read -r _ rate _ p50 _ p99 <<<"$line"
  else
    echo "run.sh: $engine on $app p$p-e$e gave no result line; see $out" >&2
  fi
  if [[ -n "$loaded" ]]; then
    local pb eb
    read -r _ _ pb _ eb _ rss _ load <<<"$loaded"
    bytes=$((pb + eb))
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$app" "$p" "$e" "$engine" "$rate" \
    "$p50" "$p99" "$rss" "${trimmed:-NA}" "$bytes" "$load" "$maxrss" >>"$authz"
}
raw="$results/raw"
mkdir -p "$raw"
for app in "${apps[@]}"; do
  for combo in "${combos[@]}"; do
    read -r p e <<<"$combo"
    file="$workloads/$app/p$p-e$e.json"
    tag="$app-p$p-e$e"
    log "$tag: metagate bench"
    /usr/bin/time -v -o "$raw/$tag.metagate.time" "$metagate" bench "$file" --root "$workloads" \
      --seconds "$seconds" >"$raw/$tag.metagate.out" 2>"$raw/$tag.metagate.err" ||
      echo "run.sh: metagate bench failed on $file; see $raw/$tag.metagate.err" >&2
    maxrss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$raw/$tag.metagate.time")
    record "$app" "$p" "$e" metagate "$raw/$tag.metagate.out" "${maxrss:-NA}"
    log "$tag: cedar-wasm"
    node --max-old-space-size=12000 bench/peers/cedar_wasm.mjs "$file" --root "$workloads" --seconds "$seconds" \
      >"$raw/$tag.cedar-wasm.out" 2>"$raw/$tag.cedar-wasm.err" ||
      echo "run.sh: cedar_wasm.mjs failed on $file; see $raw/$tag.cedar-wasm.err" >&2
    record "$app" "$p" "$e" cedar-wasm "$raw/$tag.cedar-wasm.out"
    if [[ "$app" == github ]]; then
      log "$tag: casbin"
      node --max-old-space-size=12000 bench/peers/casbin.mjs "$file" --root "$workloads" --seconds "$seconds" \
        >"$raw/$tag.casbin.out" 2>"$raw/$tag.casbin.err" ||
        echo "run.sh: casbin.mjs failed on $file; see $raw/$tag.casbin.err" >&2
      record "$app" "$p" "$e" casbin "$raw/$tag.casbin.out"
    fi
  done
done
# The resident memory of `metagate bench` on a two-policy, one-entity file: the process's own
# floor (binary, libraries, allocator), for reading the memory ratios.
"$metagate" bench tests/fixtures/cedar-test/pass.json --seconds 0.01 >"$raw/baseline.out"
baseline_rss=$(awk '/^loaded /{print $7}' "$raw/baseline.out")

# --- egress ----------------------------------------------------------------------------------
egress="$results/egress.tsv"
printf 'dataset\tengine\tevents_per_s\tmb_per_s\n' >"$egress"
log "egress_bench (Google Benchmark: filter, simdjson, HMAC)"
min_time=1 reps=3
((quick)) && min_time=0.2 reps=1
METAGATE_DATASETS="$datasets" build/release/bench/egress_bench \
  --benchmark_filter='BM_Filter/.*/drop|BM_SimdjsonParse|BM_Pseudonymize' \
  --benchmark_min_time="$min_time" --benchmark_repetitions="$reps" \
  --benchmark_out="$results/egress_bench.json" --benchmark_out_format=json >"$raw/egress_bench.out" \
  2>"$raw/egress_bench.err"
export VENDOR_X_WRITE_KEY="${VENDOR_X_WRITE_KEY:-demo-vendor-x-write-key}"
for flow in segment:vendor-x mixpanel:bench-mixpanel otlp-logs:bench-otlp-logs; do
  dataset="${flow%%:*}" vendor="${flow#*:}"
  log "$dataset: fast-redact (paths from metagate filter --decisions)"
  "$metagate" filter --config bench/egress/metagate.yaml --integration analytics-pipeline \
    --vendor "$vendor" --decisions "$raw/$dataset.decisions.jsonl" \
    "$datasets/$dataset.events.jsonl" >"$raw/$dataset.metagate.jsonl"
  node bench/peers/fast_redact.mjs --events "$datasets/$dataset.events.jsonl" \
    --decisions "$raw/$dataset.decisions.jsonl" --key examples/seed/keys/demo-k1.key \
    --verify "$raw/$dataset.metagate.jsonl" --seconds "$seconds" \
    >"$raw/$dataset.fast-redact.out" 2>"$raw/$dataset.fast-redact.err" ||
    echo "run.sh: fast_redact.mjs failed on $dataset; see $raw/$dataset.fast-redact.err" >&2
  line=$(last_line "$raw/$dataset.fast-redact.out" 'events/s')
  if [[ -n "$line" ]]; then
    read -r _ ev _ mbs <<<"$line"
    printf '%s\tfast-redact\t%s\t%s\n' "$dataset" "$ev" "$mbs" >>"$egress"
  fi
done

# --- report ----------------------------------------------------------------------------------
command_line="bench/run.sh"
((quick)) && command_line+=" --quick"
[[ -z "$asked_seconds" ]] || command_line+=" --seconds $asked_seconds"
python3 bench/bench_report.py --results "$results" --doc docs/benchmarks.md \
  --plot docs/bench-policies.png --command "$command_line" --quick "$quick" \
  --policy-sweep-entities "$policy_sweep_entities" --entity-sweep-policies "$entity_sweep_policies" \
  --baseline-rss "${baseline_rss:-0}" --commit "$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src include bench || echo '+changes')"
log "wrote docs/benchmarks.md (generated section), docs/bench-policies.png, $results/"
