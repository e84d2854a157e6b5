#!/usr/bin/env bash
# Gateway load with wrk (keep-alive): one fixed Segment /v1/batch body of 20 events POSTed with a
# bearer token, first straight to a `metagate sink` (the peer: an HTTP server that only records
# each request to a file), then, in the same run, to `metagate serve` at /v/vendor-x/v1/batch,
# whose vendor-x upstream is that sink. The gateway runs the seed example's config
# (examples/seed/metagate.yaml: policies A and C, the catalog, unknown fields dropped), so the
# catalogued fast path is measured, including the spool's fsync before each acknowledgement.
# Prints requests/s, events/s, p50 and p99 of both, their ratio and the latency the gateway adds;
# then waits until the gateway's spool is drained and checks that the sink received every request
# the gateway acknowledged; the gateway's peak RSS (VmHWM) and CPU time.
# wrk, the gateway (and its delivery to the sink) and the sink share this machine's cores, so
# the figures are a lower bound.
# Usage: scripts/bench_gateway.sh [SECONDS] [CONNECTIONS]   (defaults 10 s, 16 connections;
#        WRK_THREADS=2, WARMUP=2 seconds; METAGATE_DATASETS=../shared/datasets for the events;
#        PERF_OUT=FILE: `perf record -g` of the gateway during its measured run; PERF_STAT=EVENTS:
#        `perf stat -e EVENTS` of the gateway then, e.g. syscalls:sys_enter_fdatasync;
#        GATEWAY_ARGS: extra options for `metagate serve`, e.g. "--workers 8";
#        GOVERNANCE=off: governance (data map, approvals, decision log) switched off)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
secs="${1:-10}"
conns="${2:-16}"
wrk_threads="${WRK_THREADS:-2}"
warmup="${WARMUP:-2}"
datasets="${METAGATE_DATASETS:-../shared/datasets}"
seed="$root/examples/seed"
metagate="$root/build/release/src/cli/metagate"
lua="$root/bench/wrk/segment_batch.lua"
token=demo-analytics-pipeline-token  # the seed's analytics-pipeline (see examples/seed/README.md)

bash scripts/deps.sh
cmake --preset release >/dev/null
cmake --build --preset release -j2 --target metagate >/dev/null

source tests/e2e/check_lib.sh  # start_server, use_tmp
use_tmp

# `start LOG CMD...`: start_server, or stop with the server's log when it did not start.
start() {
  start_server "$@"
  [[ -n "$ADDR" ]] && return 0
  echo "bench_gateway: $2 did not start; its log:" >&2
  cat "$1" >&2
  exit 1
}

# The body: the first 20 messages of the Segment dataset (its batches flattened), each with its
# own messageId; without the dataset, the seed's four events repeated.
python3 - "$datasets/segment.events.jsonl" "$seed/events" "$tmp/body.json" <<'PY'
import json, os, sys
src, seed, out = sys.argv[1:]
msgs = []
if os.path.exists(src):
    for line in open(src, encoding="utf-8"):
        b = json.loads(line)
        msgs.extend(b["batch"] if "batch" in b else [b])
        if len(msgs) >= 20:
            break
else:
    base = [json.loads(l) for f in ("usage.jsonl", "genai.jsonl")
            for l in open(os.path.join(seed, f), encoding="utf-8")]
    while len(msgs) < 20:
        m = dict(base[len(msgs) % len(base)])
        m["messageId"] = f"bench-{len(msgs)}"
        msgs.append(m)
msgs = msgs[:20]
body = json.dumps({"batch": msgs, "sentAt": "2024-11-29T08:00:00.000Z"}, separators=(",", ":"))
open(out, "w", encoding="utf-8").write(body)
print(f"body: 20 events from {src if os.path.exists(src) else seed}, {len(body.encode())} bytes "
      f"({len(body.encode()) // 20} per event)")
PY
body_bytes=$(stat -c %s "$tmp/body.json")

start "$tmp/sink.err" "$metagate" sink --listen 127.0.0.1:0 --out "$tmp/sink.jsonl"
sink_addr=$ADDR
sink_pid=$PID

# The seed's config, its relative paths made absolute, vendor-x's upstream the sink.
sed -e "s#^policies: \[policies/\]#policies: [$seed/policies/]#" \
  -e "s#^schema: ../../schema/#schema: $root/schema/#" \
  -e "s#\"file:keys/#\"file:$seed/keys/#" \
  -e "s#upstream: \"https://api.segment.io\"#upstream: \"http://$sink_addr/segment\"#" \
  "$seed/metagate.yaml" >"$tmp/metagate.yaml"
echo "data_dir: $tmp/data" >>"$tmp/metagate.yaml"
# GOVERNANCE=off: without the data map, approvals and decision log (to measure their cost).
[[ "${GOVERNANCE:-on}" == off ]] && echo "governance: { enabled: false }" >>"$tmp/metagate.yaml"
for want in "policies: \[$seed/policies/\]" "schema: $root/schema/" "file:$seed/keys/" \
  "upstream: \"http://$sink_addr/segment\""; do
  grep -q "$want" "$tmp/metagate.yaml" || {
    echo "bench_gateway: examples/seed/metagate.yaml changed; cannot set '$want'" >&2
    exit 1
  }
done
export VENDOR_X_WRITE_KEY=bench-vendor-x-key PRODUCT_ANALYTICS_WRITE_KEY=bench-product-key
# shellcheck disable=SC2086  # GATEWAY_ARGS: extra `metagate serve` options, e.g. --workers 8
start "$tmp/serve.err" "$metagate" serve --config "$tmp/metagate.yaml" --listen 127.0.0.1:0 ${GATEWAY_ARGS:-}
gw_addr=$ADDR
gw_pid=$PID

# A first request must be acknowledged and delivered, or the setup is wrong.
code=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/json' --data-binary "@$tmp/body.json" \
  "http://$gw_addr/v/vendor-x/v1/batch")
[[ "$code" == 200 ]] || { echo "bench_gateway: the gateway answered $code" >&2; exit 1; }

metric() {  # metric NAME: the value of NAME{vendor="vendor-x"} on /metrics
  curl -sf "http://$gw_addr/metrics" | awk -v m="$1{vendor=\"vendor-x\"}" '$1 == m {print $2}'
}
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# Requests the sink recorded from the gateway's vendor-x upstream path with status 200.
delivered() { LC_ALL=C grep -c '"path":"/segment/v1/batch".*"status":200}$' "$tmp/sink.jsonl" || true; }
wait_drained() {  # seconds until the spool holds nothing, waiting or in flight (limit 300 s)
  local t0
  t0=$(date +%s.%N)
  for _ in $(seq 1 3000); do
    if [[ "$(metric metagate_spool_requests)" == 0 && "$(metric metagate_spool_in_flight)" == 0 ]]; then
      python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.2f}')" "$t0" "$(date +%s.%N)"
      return 0
    fi
    sleep 0.1
  done
  echo never
}

# run_wrk NAME URL-BASE PATH SECONDS: wrk's report into $tmp/NAME.wrk, its RESULT line printed.
run_wrk() {
  WRK_BODY="$tmp/body.json" WRK_PATH="$3" WRK_TOKEN="$token" \
    wrk -t"$wrk_threads" -c"$conns" -d"${4}s" --latency -s "$lua" "$2" >"$tmp/$1.wrk" 2>&1
  grep '^RESULT' "$tmp/$1.wrk" || { cat "$tmp/$1.wrk" >&2; exit 1; }
}

echo "load: $(uptime | sed 's/.*load average/load average/'); wrk -t$wrk_threads -c$conns, ${secs} s" \
  "(after ${warmup} s of warm-up each)"
# (a) the sink directly.
run_wrk warm-sink "http://$sink_addr" /v1/batch "$warmup" >/dev/null
sink_res=$(run_wrk sink "http://$sink_addr" /v1/batch "$secs")
# (b) the gateway; warm-up (plans, connections to the sink), drain, then the measured run.
run_wrk warm-gw "http://$gw_addr" /v/vendor-x/v1/batch "$warmup" >/dev/null
[[ "$(wait_drained)" != never ]] || { echo "bench_gateway: the warm-up never drained" >&2; exit 1; }
appended0=$(metric metagate_spool_appended_total)
delivered0=$(delivered)
gw_cpu0=$(cpu_ticks "$gw_pid")
sink_cpu0=$(cpu_ticks "$sink_pid")
perf_pid=""
if [[ -n "${PERF_OUT:-}" ]]; then  # optional: perf record of the gateway during the measured run
  perf record -F 999 -g -o "$PERF_OUT" -p "$gw_pid" -- sleep "$secs" 2>"$tmp/perf.err" &
  perf_pid=$!
fi
stat_pid=""
if [[ -n "${PERF_STAT:-}" ]]; then  # optional: syscall and context-switch counts of the gateway
  perf stat -e "$PERF_STAT" -p "$gw_pid" -o "$tmp/perf.stat" -- sleep "$secs" 2>/dev/null &
  stat_pid=$!
fi
gw_res=$(run_wrk gateway "http://$gw_addr" /v/vendor-x/v1/batch "$secs")
[[ -z "$perf_pid" ]] || wait "$perf_pid" || cat "$tmp/perf.err" >&2
[[ -z "$stat_pid" ]] || { wait "$stat_pid" || true; grep -E '^ +[0-9,]+ ' "$tmp/perf.stat" || true; }
depth_at_end=$(metric metagate_spool_requests)
gw_cpu1=$(cpu_ticks "$gw_pid")
sink_cpu1=$(cpu_ticks "$sink_pid")
drain_s=$(wait_drained)
sleep 0.5
appended1=$(metric metagate_spool_appended_total)
delivered1=$(delivered)
dead=$(metric metagate_spool_dead_letters)
retries=$(metric metagate_spool_retries_total)
gw_hwm_kb=$(awk '/^VmHWM/ {print $2}' "/proc/$gw_pid/status")
alive=yes
kill -0 "$gw_pid" 2>/dev/null || alive=no
# The gateway's log: anything other than the per-request 200 lines and start-up.
odd_log=$(grep -vcE '^200 POST /v/vendor-x/v1/batch |listening on|^metagate serve' "$tmp/serve.err" || true)

python3 - "$sink_res" "$gw_res" <<PY
import sys
def parse(line):
    return dict(kv.split("=", 1) for kv in line.split()[1:])
s, g = parse(sys.argv[1]), parse(sys.argv[2])
f = lambda d, k: float(d[k])
print(f"== results: $secs s, wrk -t$wrk_threads -c$conns, keep-alive, body $body_bytes bytes (20 events)")
print(f"{'target':<12} {'requests/s':>11} {'events/s':>10} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}"
      f" {'non-200':>8} {'sock err':>8}  statuses")
for name, d in (("sink direct", s), ("gateway", g)):
    print(f"{name:<12} {f(d,'rps'):11.0f} {f(d,'rps') * 20:10.0f} {f(d,'p50_ms'):8.2f}"
          f" {f(d,'p99_ms'):8.2f} {f(d,'max_ms'):8.1f} {d['non200']:>8} {d['socket_errors']:>8}"
          f"  {d['statuses']}")
print(f"ratio gateway/sink requests/s: {f(g,'rps') / f(s,'rps'):.3f}")
print(f"latency the gateway adds: p50 {f(g,'p50_ms') - f(s,'p50_ms'):+.2f} ms,"
      f" p99 {f(g,'p99_ms') - f(s,'p99_ms'):+.2f} ms")
appended = $appended1 - $appended0
delivered = $delivered1 - $delivered0
acked_wrk = int(g["requests"]) - int(g["non200"])
print(f"delivery: spool depth {'$depth_at_end'} when the load stopped, drained {'$drain_s'} s later;"
      f" acknowledged {acked_wrk} (wrk's 200s), spooled {appended} (gateway),"
      f" delivered {delivered} (sink records with status 200);"
      f" missing {appended - delivered}; retries ${retries:-?}, dead letters ${dead:-?}")
tick = $(getconf CLK_TCK)
gw_cpu = ($gw_cpu1 - $gw_cpu0) / tick
sink_cpu = ($sink_cpu1 - $sink_cpu0) / tick
print(f"gateway: peak RSS {$gw_hwm_kb / 1024:.0f} MB; CPU {gw_cpu:.1f} s during the {f(g,'duration_s'):.1f} s"
      f" run ({gw_cpu / f(g,'duration_s') * 100:.0f}% of a core, {acked_wrk * 20 / max(gw_cpu, 1e-9):.0f}"
      f" events per CPU second); the sink, receiving the gateway's deliveries meanwhile: CPU {sink_cpu:.1f} s;"
      f" alive after the run: $alive; log lines other than 200s: $odd_log")
PY
if [[ "$odd_log" != 0 ]]; then
  echo "== gateway log lines other than 200s (first 10):"
  grep -vE '^200 POST /v/vendor-x/v1/batch |listening on|^metagate serve' "$tmp/serve.err" | head -10
fi
