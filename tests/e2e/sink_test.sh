#!/usr/bin/env bash
# End-to-end: `metagate sink` over loopback: it records every request as a JSON line (credential
# headers redacted, binary bodies base64), keeps connections alive, answers 413 for bodies over
# its limit and 400 for bytes that are not HTTP, fails a share of requests on demand with
# Retry-After, rejects bad options with exit 2, and stops cleanly on SIGTERM.
set -uo pipefail
METAGATE="$1"
source "$(dirname "$0")/check_lib.sh"
use_tmp

# Starts a sink with the given options; sets ADDR and SINK_PID.
start_sink() {
  local log="$1"
  shift
  start_server "$log" "$METAGATE" sink --listen 127.0.0.1:0 "$@"
  SINK_PID=$PID
}

# A normal sink.
start_sink "$tmp/a.err" --out "$tmp/a.jsonl" --max-body-bytes 1000
check started "$([[ -n "$ADDR" ]] && echo 1)"
out=$(curl -s -w ' %{http_code}' -X POST -H 'Authorization: Basic c2VjcmV0LWtleTo=' \
  -H 'Content-Type: application/json' --data '{"batch":[{"type":"track","event":"E"}]}' \
  "http://$ADDR/v1/batch")
check ok-response "$([[ "$out" == '{"ok":true} 200' ]] && echo 1)"
rec=$(sed -n 1p "$tmp/a.jsonl")
check record-method-path "$(jq -e '.method == "POST" and .path == "/v1/batch" and .status == 200' <<<"$rec" >/dev/null && echo 1)"
check record-body "$(jq -e '.body | fromjson | .batch[0].event == "E"' <<<"$rec" >/dev/null && echo 1)"
check authorization-redacted "$(jq -e '.headers.authorization == "[redacted]"' <<<"$rec" >/dev/null &&
  ! grep -q 'c2VjcmV0' "$tmp/a.jsonl" && echo 1)"
# Two requests on one connection (curl reuses it for the second URL).
curl -s -o /dev/null -o /dev/null -w '%{num_connects}\n' "http://$ADDR/one" "http://$ADDR/two" >"$tmp/conns"
check keep-alive "$([[ "$(paste -sd' ' "$tmp/conns")" == "1 0" ]] && echo 1)"
check keep-alive-recorded "$([[ $(grep -c '"path":"/one"\|"path":"/two"' "$tmp/a.jsonl") == 2 ]] && echo 1)"
# A binary body is recorded base64-encoded.
printf '\x1f\x8b\xff' >"$tmp/bin"
curl -s -o /dev/null -X POST --data-binary @"$tmp/bin" "http://$ADDR/bin"
check binary-body "$(grep '"path":"/bin"' "$tmp/a.jsonl" | jq -e '.body_base64 == "H4v/"' >/dev/null && echo 1)"
# Over the body limit: 413, not recorded as received.
head -c 2000 /dev/zero | tr '\0' a >"$tmp/big"
code=$(curl -s -o /dev/null -w '%{http_code}' -X POST --data-binary @"$tmp/big" "http://$ADDR/big")
check body-limit-413 "$([[ "$code" == 413 ]] && echo 1)"
# Bytes that are not HTTP: 400, and the sink keeps serving.
port=${ADDR##*:}
reply=$(exec 3<>"/dev/tcp/127.0.0.1/$port" && printf 'NOT HTTP AT ALL\r\n\r\n' >&3 && head -c 12 <&3)
check garbage-400 "$([[ "$reply" == "HTTP/1.1 400" ]] && echo 1)"
code=$(curl -s -o /dev/null -w '%{http_code}' "http://$ADDR/after")
check serves-after-garbage "$([[ "$code" == 200 ]] && echo 1)"
kill -TERM "$SINK_PID"
wait "$SINK_PID"
rc=$?
check sigterm-clean-exit "$([[ $rc == 0 ]] && grep -q 'stopped' "$tmp/a.err" && echo 1)"

# A failing sink: every request answered 429 with Retry-After, and recorded with its status.
start_sink "$tmp/b.err" --out "$tmp/b.jsonl" --fail-rate 1 --status 429
headers=$(curl -s -D - -o /dev/null -X POST --data '{}' "http://$ADDR/v1/batch")
check fail-429 "$([[ "$headers" == *"HTTP/1.1 429"* ]] && echo 1)"
check retry-after "$(grep -qi '^retry-after: 1' <<<"$headers" && echo 1)"
check fail-recorded "$(jq -e '.status == 429' "$tmp/b.jsonl" >/dev/null && echo 1)"
kill -TERM "$SINK_PID"
wait "$SINK_PID"

# Bad options: exit 2 with a message.
"$METAGATE" sink --out "$tmp/c.jsonl" --status 404 >/dev/null 2>"$tmp/c.err"
check bad-status "$([[ $? == 2 ]] && echo 1)"
"$METAGATE" sink --out "$tmp/c.jsonl" --listen nonsense 2>"$tmp/c.err"
check bad-listen "$([[ $? == 2 ]] && grep -q 'HOST:PORT' "$tmp/c.err" && echo 1)"
"$METAGATE" sink --out "$tmp/no/such/dir/x.jsonl" 2>"$tmp/c.err"
check bad-out "$([[ $? == 2 ]] && grep -q 'cannot write' "$tmp/c.err" && echo 1)"
finish
