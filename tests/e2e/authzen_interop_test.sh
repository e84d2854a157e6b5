#!/usr/bin/env bash
# Every case of ../shared/authzen-interop over HTTP: `metagate pdp` serves each example folder
# (examples/authzen-{todo,gateway,search,certification}) on loopback and
# tests/e2e/authzen_interop.py runs that scenario's files against it (stricter than the upstream
# harnesses: 200 + JSON, X-Request-ID echoed, batch length and order, exact search sets).
# Usage: authzen_interop_test.sh METAGATE EXAMPLES_DIR AUTHZEN_INTEROP_DIR
set -euo pipefail
metagate="$1"
examples="$2"
interop="$3"
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/check_lib.sh"
use_tmp
[[ -d "$interop" ]] || { echo "FAIL the interop data is missing: $interop"; exit 1; }

for suite in todo gateway search certification; do
  start_server "$tmp/$suite.log" "$metagate" pdp --config "$examples/authzen-$suite/metagate.yaml" \
    --listen 127.0.0.1:0 --data-dir "$tmp/data-$suite"
  if [[ -z "$ADDR" ]]; then
    cat "$tmp/$suite.log"
    check "$suite: metagate pdp starts" 0
    continue
  fi
  if python3 "$here/authzen_interop.py" --base "http://$ADDR" --shared "$interop" \
    --suite "$suite" >"$tmp/$suite.out" 2>&1; then
    ok=1
  else
    ok=0
  fi
  tail -1 "$tmp/$suite.out"
  [[ $ok == 1 ]] || grep FAIL "$tmp/$suite.out" | head -20
  check "$suite: every case passes over HTTP" $ok
  kill "$PID"
  wait "$PID" 2>/dev/null || true
done
finish
