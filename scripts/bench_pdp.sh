#!/usr/bin/env bash
# PDP load with wrk (keep-alive), side by side in one run: AuthZEN 1.0 Access Evaluation requests
# (bench/wrk/authzen_eval.lua: the Todo scenario's can_update_todo with properties.ownerID, or
# eight rotating bodies) POSTed to /access/v1/evaluation of the peer, a Node.js AuthZEN server on
# Cedar's own engine (bench/peers/authzen_server.mjs, cedar-wasm 4.12), and of `metagate pdp`, both
# serving examples/authzen-todo. First every server must answer the 40 single cases of the interop
# file todo/decisions-authorization-api-1_0-02.json as expected (and 400 to a body that is not
# JSON); then, per server, a warm-up and wrk at 1 connection (1 thread) and at 64 connections
# (2 threads). Prints evaluations/s, p50 and p99 of each, the ratio metagate/peer, each server's
# CPU time during its measured runs and its peak RSS (VmHWM) at the end.
# The peer is one Node.js process (one event loop); wrk and both servers share this machine's
# cores, so the figures are a lower bound.
# Usage: scripts/bench_pdp.sh [SECONDS]   (default 10 s per measured run;
#        WARMUP=2 seconds before each; ROTATE=1 (default) eight bodies, ROTATE=0 the fixed one;
#        PEER_ONLY=1: the peer alone (until `metagate pdp` exists);
#        METAGATE_INTEROP=../shared/authzen-interop for the decision check)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
secs="${1:-10}"
warmup="${WARMUP:-2}"
rotate="${ROTATE:-1}"
peer_only="${PEER_ONLY:-0}"
interop="${METAGATE_INTEROP:-../shared/authzen-interop}"
cases="$interop/todo/decisions-authorization-api-1_0-02.json"
example="$root/examples/authzen-todo"
metagate="$root/build/release/src/cli/metagate"
lua="$root/bench/wrk/authzen_eval.lua"
runs=("1 1" "2 64")  # wrk threads, connections

[[ -f "$cases" ]] || { echo "bench_pdp: $cases not found; set METAGATE_INTEROP" >&2; exit 1; }
bash scripts/deps.sh
command -v node >/dev/null || { echo "bench_pdp: node (v20+) is needed for the peer" >&2; exit 1; }
if [[ ! -d bench/peers/node_modules/@cedar-policy/cedar-wasm ]]; then
  (cd bench/peers && npm ci --silent --no-audit --no-fund)
fi
if [[ "$peer_only" != 1 ]]; then
  cmake --preset release >/dev/null
  cmake --build --preset release -j2 --target metagate >/dev/null
  "$metagate" --help | grep -qE '^ +pdp ' || {
    echo "bench_pdp: $metagate has no \`pdp\` command yet; run with PEER_ONLY=1" >&2
    exit 1
  }
fi

source tests/e2e/check_lib.sh  # start_server, use_tmp
use_tmp

# `start LOG CMD...`: start_server, or stop with the server's log when it did not start.
start() {
  start_server "$@"
  [[ -n "$ADDR" ]] && return 0
  echo "bench_pdp: $2 did not start; its log:" >&2
  cat "$1" >&2
  exit 1
}

names=(peer)
start "$tmp/peer.err" node "$root/bench/peers/authzen_server.mjs" --listen 127.0.0.1:0 \
  --example "$example"
addrs=("$ADDR")
server_pids=("$PID")
if [[ "$peer_only" != 1 ]]; then
  start "$tmp/pdp.err" "$metagate" pdp --config "$example/metagate.yaml" --listen 127.0.0.1:0 \
    --data-dir "$tmp/pdp-data"
  names+=(metagate)
  addrs+=("$ADDR")
  server_pids+=("$PID")
fi

# Every server must agree with the interop decisions before its speed means anything.
for i in "${!names[@]}"; do
  python3 - "${names[$i]}" "${addrs[$i]}" "$cases" <<'PY' || exit 1
import json, sys, urllib.error, urllib.request
name, addr, cases = sys.argv[1:]
url = f"http://{addr}/access/v1/evaluation"

def post(data):
    req = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()

evals = json.load(open(cases, encoding="utf-8"))["evaluation"]
bad = []
for i, case in enumerate(evals):
    status, raw = post(json.dumps(case["request"]).encode())
    try:
        got = json.loads(raw).get("decision") if status == 200 else f"HTTP {status}"
    except ValueError:
        got = "a body that is not JSON"
    if got is not case["expected"]:
        bad.append(f"evaluation[{i}]: {got!r}, expected {case['expected']!r}")
wrong = len(bad)
status, _ = post(b'{"subject": ')
if status != 400:
    bad.append(f"a body that is not JSON: HTTP {status}, expected 400")
print(f"check {name}: {len(evals) - wrong} of {len(evals)} interop decisions agree;"
      f" bad JSON -> {status}")
for b in bad:
    print(f"bench_pdp: {name} {b}", file=sys.stderr)
sys.exit(1 if bad else 0)
PY
done

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# run_wrk NAME ADDR THREADS CONNS SECONDS: wrk's report into $tmp/NAME.wrk, its RESULT line printed.
run_wrk() {
  WRK_ROTATE="$rotate" wrk -t"$3" -c"$4" -d"${5}s" --latency -s "$lua" "http://$2" \
    >"$tmp/$1.wrk" 2>&1
  grep '^RESULT' "$tmp/$1.wrk" || { cat "$tmp/$1.wrk" >&2; exit 1; }
}

echo "load: $(uptime | sed 's/.*load average/load average/'); ${secs} s per run after ${warmup} s" \
  "of warm-up; bodies: $([[ "$rotate" == 1 ]] && echo '8 rotating' || echo 'one fixed')"
results=()
cpu=()
for i in "${!names[@]}"; do cpu+=(0); done
for run in "${runs[@]}"; do
  read -r threads conns <<<"$run"
  for i in "${!names[@]}"; do
    run_wrk "warm-${names[$i]}-$conns" "${addrs[$i]}" "$threads" "$conns" "$warmup" >/dev/null
    c0=$(cpu_ticks "${server_pids[$i]}")
    line=$(run_wrk "${names[$i]}-$conns" "${addrs[$i]}" "$threads" "$conns" "$secs")
    cpu[i]=$((cpu[i] + $(cpu_ticks "${server_pids[$i]}") - c0))
    results+=("${names[$i]} $threads $conns ${line#RESULT }")
  done
done
hwm=()
alive=()
for i in "${!names[@]}"; do
  hwm+=("$(awk '/^VmHWM/ {print $2}' "/proc/${server_pids[$i]}/status")")
  kill -0 "${server_pids[$i]}" 2>/dev/null && alive+=(yes) || alive+=(no)
done

python3 - "$(getconf CLK_TCK)" "${names[*]}" "${cpu[*]}" "${hwm[*]}" "${alive[*]}" \
  "${results[@]}" <<'PY'
import sys
tick = float(sys.argv[1])
names, cpu, hwm, alive = (a.split() for a in sys.argv[2:6])
rows = []
for r in sys.argv[6:]:
    name, threads, conns, *kv = r.split()
    d = dict(x.split("=", 1) for x in kv)
    rows.append((name, int(threads), int(conns), d))
f = lambda d, k: float(d[k])
print(f"== results: wrk keep-alive, POST /access/v1/evaluation")
print(f"{'server':<9} {'conns':>5} {'evals/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}"
      f" {'non-200':>8} {'no-dec':>7} {'sock err':>8}  statuses")
for name, threads, conns, d in rows:
    print(f"{name:<9} {conns:>5} {f(d,'rps'):9.0f} {f(d,'p50_ms'):8.3f} {f(d,'p99_ms'):8.3f}"
          f" {f(d,'max_ms'):8.1f} {d['non200']:>8} {d['no_decision']:>7} {d['socket_errors']:>8}"
          f"  {d['statuses']}")
by = {(n, c): d for n, _, c, d in rows}
for conns in sorted({c for _, _, c, _ in rows}):
    if ("metagate", conns) in by and ("peer", conns) in by:
        m, p = by[("metagate", conns)], by[("peer", conns)]
        print(f"ratio metagate/peer at {conns} connection(s): evals/s {f(m,'rps') / f(p,'rps'):.2f};"
              f" p50 {f(m,'p50_ms') / f(p,'p50_ms'):.2f}; p99 {f(m,'p99_ms') / f(p,'p99_ms'):.2f}")
for i, name in enumerate(names):
    secs = sum(f(d, "duration_s") for n, _, _, d in rows if n == name)
    done = sum(int(d["requests"]) for n, _, _, d in rows if n == name)
    c = int(cpu[i]) / tick
    print(f"{name}: peak RSS {int(hwm[i]) / 1024:.0f} MB; CPU {c:.1f} s in {secs:.1f} s of measured"
          f" runs ({done / max(c, 1e-9):.0f} evaluations per CPU second); alive: {alive[i]}")
bad = sum(int(d["non200"]) + int(d["no_decision"]) + int(d["socket_errors"]) for *_, d in rows)
sys.exit(1 if bad or "no" in alive else 0)
PY
