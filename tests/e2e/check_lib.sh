# Shared by the e2e scripts: `check NAME OK` records one result (OK is 1 for a pass),
# `finish` prints the totals and returns non-zero when something failed.
failures=0
total=0
check() {
  total=$((total + 1))
  if [[ "$2" == 1 ]]; then echo "ok   $1"; else echo "FAIL $1"; failures=$((failures + 1)); fi
}
finish() {
  echo "$((total - failures)) passed, $failures failed"
  [[ $failures -eq 0 ]]
}
# `start_server LOG CMD...` runs a server command in the background and waits (up to 10 s) for
# its `listening on HOST:PORT` line on stderr; sets ADDR and PID and adds PID to `pids` (kill
# them on exit).
pids=()
start_server() {
  local log="$1"
  shift
  "$@" 2>"$log" &
  PID=$!
  pids+=("$PID")
  ADDR=""
  for _ in $(seq 1 200); do
    ADDR=$(grep -oE 'listening on [0-9.]+:[0-9]+' "$log" | head -1 | cut -d' ' -f3 || true)
    [[ -n "$ADDR" ]] && break
    kill -0 "$PID" 2>/dev/null || break  # it exited
    sleep 0.05
  done
}
# `wait_lines FILE N [SECONDS]`: waits (default 15 s) until FILE has at least N lines; for
# deliveries that happen after the gateway answered (its spool forwards asynchronously).
wait_lines() {
  local file="$1" want="$2" limit="${3:-15}"
  for _ in $(seq 1 $((limit * 20))); do
    if [[ -f "$file" ]] && (($(wc -l <"$file") >= want)); then return 0; fi
    sleep 0.05
  done
  return 1
}
# `use_tmp`: a fresh temporary folder in $tmp, removed on exit after every server in `pids` is
# stopped.
use_tmp() {
  tmp=$(mktemp -d)
  trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$tmp"' EXIT
}
# `sha TEXT`: its SHA-256 in hex, as the config lists credentials.
sha() { printf '%s' "$1" | sha256sum | cut -d' ' -f1; }
# `use_seed DIR`: SEED (examples/seed, absolute) and SCHEMA (the egress schema beside it), for
# gateway configs that start with `$(seed_config_head)`: mode, the seed's policies, schema and
# demo pseudonym key.
use_seed() {
  SEED="$(cd "$1" && pwd)"
  SCHEMA="$(cd "$(dirname "$SEED")/../schema" && pwd)/egress.cedarschema"
}
seed_config_head() {
  printf '%s\n' "mode: enforce" "policies: [$SEED/policies/]" "schema: $SCHEMA" \
    "keys: { pseudonym: { current: k1, keys: { k1: \"file:$SEED/keys/demo-k1.key\" } } }"
}
