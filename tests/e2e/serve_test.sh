#!/usr/bin/env bash
# End-to-end over loopback: SDK-style requests into `metagate serve` (the seed's policies), out
# at a `metagate sink` standing in for the vendors. Asserted: the Segment batch and single-call
# endpoints and the Mixpanel form endpoint forward only what policy allows, in its permitted form,
# with the vendor's own credential and an idempotency key; blocked events never reach the sink;
# bad or missing sender credentials get 401 and nothing is forwarded; a Host mapped to a vendor
# is routed to it; while the vendor is down (then answering 429) requests are acknowledged from
# the durable spool and delivered once it recovers, and a full spool answers 503 with
# Retry-After; unknown vendors and paths get 404; SIGTERM stops the gateway cleanly.
set -uo pipefail
METAGATE="$1"
source "$(dirname "$0")/check_lib.sh"
use_seed "$2"
use_tmp


start_server "$tmp/sink.err" "$METAGATE" sink --listen 127.0.0.1:0 --out "$tmp/sink.jsonl"
SINK_ADDR=$ADDR
SINK_PID=$PID
check sink-started "$([[ -n "$SINK_ADDR" ]] && echo 1)"

cat >"$tmp/metagate.yaml" <<EOF
$(seed_config_head)
integrations:
  - { id: analytics-pipeline, kind: service, environment: production, roles: [analytics-pipeline],
      credentials: [ { bearer_sha256: $(sha pipeline-token) } ] }
  - { id: staging-pipeline, kind: service, environment: staging, roles: [analytics-pipeline],
      credentials: [ { write_key_sha256: $(sha staging-write-key) } ] }
  - { id: support-bot, kind: agent, environment: production, roles: [genai-tool],
      credentials: [ { api_key_sha256: $(sha bot-mixpanel-token) } ] }
vendors:
  - { id: vendor-x, category: analytics, residency: eu, format: segment, hosts: [api.segment.io],
      upstream: "http://$SINK_ADDR/segment", credentials: { ingest_key: "env:TEST_VENDOR_X_KEY" } }
  - { id: mp, category: analytics, residency: us, format: mixpanel,
      upstream: "http://$SINK_ADDR/mixpanel", credentials: { ingest_key: "env:TEST_MP_TOKEN" } }
catalog:
  - source: "*"
    event: "*"
    fields: { userId: user_id, "context.traits.email": email, "properties.plan": [],
              "properties.prompt_category": prompt_category, "properties.error_code": error_code,
              "properties.tenant_id": tenant_id, "properties.distinct_id": user_id }
unknown_fields: drop
unknown_events: allow
data_dir: $tmp/data
spool: { max_entries: 3, initial_backoff_ms: 200, max_backoff_ms: 400 }
EOF
export TEST_VENDOR_X_KEY=vendor-x-real-write-key TEST_MP_TOKEN=mixpanel-real-token
start_server "$tmp/serve.err" "$METAGATE" serve --config "$tmp/metagate.yaml" --listen 127.0.0.1:0
GW=$ADDR
GW_PID=$PID
check gateway-started "$([[ -n "$GW" ]] && echo 1)"

lines() { if [[ -f "$tmp/sink.jsonl" ]]; then wc -l <"$tmp/sink.jsonl"; else echo 0; fi; }
post() {  # post URL-PATH DATA [curl args...]: prints "STATUS BODY"
  local path="$1" data="$2"
  shift 2
  curl -s -w ' %{http_code}' -X POST "$@" --data "$data" "http://$GW$path"
}

# 1. Segment batch from the production pipeline: forwarded, identifiers pseudonymized.
batch="{\"batch\":[$(head -1 "$SEED/events/usage.jsonl")],\"sentAt\":\"2025-03-04T10:15:01Z\"}"
out=$(post /v/vendor-x/v1/batch "$batch" -H 'Authorization: Bearer pipeline-token' -H 'Content-Type: application/json')
check segment-batch-accepted "$([[ "$out" == '{"success":true} 200' ]] && echo 1)"
wait_lines "$tmp/sink.jsonl" 1
rec=$(tail -1 "$tmp/sink.jsonl")
check spool-file "$([[ -f "$tmp/data/spool/vendor-x.db" && $(stat -c %a "$tmp/data/spool") == 700 ]] && echo 1)"
check message-id-kept "$(jq -e --argjson in "$(head -1 "$SEED/events/usage.jsonl")" '(.body | fromjson | .batch[0].messageId) == $in.messageId' <<<"$rec" >/dev/null && echo 1)"
check forwarded-to-vendor-path "$(jq -e '.path == "/segment/v1/batch"' <<<"$rec" >/dev/null && echo 1)"
check email-pseudonymized "$(jq -e '.body | fromjson | .batch[0].context.traits.email | startswith("ps_k1_")' <<<"$rec" >/dev/null && echo 1)"
check no-raw-values "$(! grep -q 'mia.jensen@example.org\|u_1842' "$tmp/sink.jsonl" && echo 1)"
check vendor-credential-sent "$(jq -e '.headers.authorization == "[redacted]"' <<<"$rec" >/dev/null && echo 1)"

# 2. A single /v1/track call without `type`: the path gives it.
n=$(lines)
out=$(post /v/vendor-x/v1/track '{"event":"Report Exported","userId":"u_77","properties":{"plan":"pro"}}' -H 'Authorization: Bearer pipeline-token')
check track-accepted "$([[ "$out" == '{"success":true} 200' ]] && echo 1)"
wait_lines "$tmp/sink.jsonl" $((n + 1))
rec=$(tail -1 "$tmp/sink.jsonl")
check track-typed "$([[ $(lines) == $((n + 1)) ]] && jq -e '(.body | fromjson) as $b | $b.type == "track" and ($b.userId | startswith("ps_k1_")) and $b.properties.plan == "pro"' <<<"$rec" >/dev/null && echo 1)"
check message-id-added "$(jq -e '.body | fromjson | .messageId | test("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")' <<<"$rec" >/dev/null && echo 1)"

# 2b. A Host mapped to the vendor: the SDK keeps its own paths.
n=$(lines)
out=$(post /v1/track '{"event":"Report Exported","userId":"u_78"}' -H 'Host: API.Segment.io' -H 'Authorization: Bearer pipeline-token')
check host-mapped-accepted "$([[ "$out" == '{"success":true} 200' ]] && wait_lines "$tmp/sink.jsonl" $((n + 1)) && echo 1)"
check host-mapped-forwarded "$(tail -1 "$tmp/sink.jsonl" | jq -e '.path == "/segment/v1/track"' >/dev/null && echo 1)"
out=$(post /v1/track '{"event":"X"}' -H 'Host: other.example' -H 'Authorization: Bearer pipeline-token')
check unmapped-host-404 "$([[ "$out" == *' 404' ]] && echo 1)"

# 3. Staging (write key as Basic user): accepted as the vendor would, but nothing leaves.
n=$(lines)
out=$(post /v/vendor-x/v1/batch "$batch" -u 'staging-write-key:')
check staging-accepted "$([[ "$out" == '{"success":true} 200' ]] && echo 1)"
check staging-not-spooled "$(grep -q '200 POST /v/vendor-x/v1/batch integration=staging-pipeline events=1 allowed=0 spooled=no' "$tmp/serve.err" && echo 1)"

# 4. Bad and missing credentials: 401, nothing forwarded, the credential not in the log.
out=$(post /v/vendor-x/v1/batch "$batch" -H 'Authorization: Bearer wrong-token-xyz')
check bad-credential-401 "$([[ "$out" == *' 401' ]] && echo 1)"
out=$(post /v/vendor-x/v1/batch "$batch")
check missing-credential-401 "$([[ "$out" == *' 401' ]] && echo 1)"
check nothing-forwarded-for-401 "$([[ $(lines) == "$n" ]] && echo 1)"
check credential-not-logged "$(! grep -q 'wrong-token-xyz\|pipeline-token' "$tmp/serve.err" && echo 1)"

# 5. Mixpanel form post (data= base64) from the GenAI bot: only prompt category and error code
#    leave, and the token is the vendor's.
mp='[{"event":"Prompt Failed","properties":{"token":"bot-mixpanel-token","distinct_id":"u_9","prompt_category":"billing","error_code":"E_RATE","tenant_id":"t_acme"}}]'
n=$(lines)
out=$(post /v/mp/track "data=$(printf '%s' "$mp" | base64 -w0 | sed 's/+/%2B/g; s/=/%3D/g')" -H 'Content-Type: application/x-www-form-urlencoded')
check mixpanel-form-accepted "$([[ "$out" == '1 200' ]] && echo 1)"
wait_lines "$tmp/sink.jsonl" $((n + 1))
rec=$(tail -1 "$tmp/sink.jsonl")
check mixpanel-filtered "$([[ $(lines) == $((n + 1)) ]] && jq -e '(.body | fromjson)[0].properties | keys == ["$insert_id","error_code","prompt_category","token"] and .token == "mixpanel-real-token"' <<<"$rec" >/dev/null && echo 1)"

# 6. Unknown vendor and unknown path: 404.
out=$(post /v/nobody/v1/batch "$batch" -H 'Authorization: Bearer pipeline-token')
check unknown-vendor-404 "$([[ "$out" == *' 404' ]] && echo 1)"
out=$(post /v/vendor-x/v2/nothing "$batch" -H 'Authorization: Bearer pipeline-token')
check unknown-path-404 "$([[ "$out" == *' 404' ]] && echo 1)"
out=$(post /v/vendor-x/v1/batch '{"batch":[' -H 'Authorization: Bearer pipeline-token')
check bad-json-400 "$([[ "$out" == *' 400' ]] && echo 1)"

# 7a. Metrics: counts by config ids only; nothing from the requests (values, unknown vendor ids).
curl -s "http://$GW/metrics" >"$tmp/metrics"
check metrics-requests "$(grep -qE '^metagate_requests_total\{vendor="vendor-x",integration="analytics-pipeline",status="200"\} [2-9]' "$tmp/metrics" && echo 1)"
check metrics-401 "$(grep -qE '^metagate_requests_total\{vendor="vendor-x",integration="_none",status="401"\} 2$' "$tmp/metrics" && echo 1)"
check metrics-blocked-events "$(grep -qE '^metagate_events_total\{vendor="vendor-x",integration="staging-pipeline",decision="blocked"\} 1$' "$tmp/metrics" && echo 1)"
check metrics-histogram "$(grep -qE '^metagate_request_duration_seconds_count\{vendor="vendor-x"\} [0-9]+$' "$tmp/metrics" && echo 1)"
check metrics-no-request-data "$(! grep -q 'nobody\|mia.jensen\|u_1842\|pipeline-token\|t_acme' "$tmp/metrics" && echo 1)"
check metrics-fields "$(grep -qE '^metagate_fields_total\{vendor="vendor-x",integration="analytics-pipeline",form="pseudonymized"\} [1-9]' "$tmp/metrics" && echo 1)"
check metrics-spool "$(grep -qE '^metagate_spool_delivered_total\{vendor="vendor-x"\} [3-9]$' "$tmp/metrics" && grep -qE '^metagate_spool_requests\{vendor="mp"\} 0$' "$tmp/metrics" && echo 1)"
check readyz "$([[ "$(curl -s -w ' %{http_code}' "http://$GW/readyz")" == '{"status":"ready","config_generation":1,"last_reload":{"ok":true}} 200' ]] && echo 1)"

# 7. The vendor is down: requests are acknowledged from the spool (its bound, 3 requests, then
#    answers 503 with Retry-After); a vendor answering 429 is retried; once it recovers,
#    everything spooled is delivered once.
kill -TERM "$SINK_PID"
wait "$SINK_PID" 2>/dev/null
n=$(lines)
for i in 1 2 3; do
  out=$(post /v/vendor-x/v1/batch "$batch" -H 'Authorization: Bearer pipeline-token')
  check "vendor-down-spooled-$i" "$([[ "$out" == '{"success":true} 200' ]] && echo 1)"
done
headers=$(curl -s -D - -o /dev/null -X POST -H 'Authorization: Bearer pipeline-token' --data "$batch" "http://$GW/v/vendor-x/v1/batch")
check spool-full-503 "$([[ "$headers" == *"HTTP/1.1 503"* ]] && grep -qi '^retry-after: 30' <<<"$headers" && echo 1)"
curl -s "http://$GW/metrics" >"$tmp/metrics"
check metrics-spool-depth "$(grep -qE '^metagate_spool_requests\{vendor="vendor-x"\} 3$' "$tmp/metrics" && grep -qE '^metagate_spool_retries_total\{vendor="vendor-x"\} [1-9]' "$tmp/metrics" && echo 1)"
port=${SINK_ADDR##*:}
start_server "$tmp/sink2.err" "$METAGATE" sink --listen "127.0.0.1:$port" --out "$tmp/sink429.jsonl" --fail-rate 1 --status 429
check vendor-429-retried "$(wait_lines "$tmp/sink429.jsonl" 2 && echo 1)"
kill -TERM "$PID"
wait "$PID" 2>/dev/null
start_server "$tmp/sink3.err" "$METAGATE" sink --listen "127.0.0.1:$port" --out "$tmp/sink.jsonl"
check recovered-vendor-gets-all "$(wait_lines "$tmp/sink.jsonl" $((n + 3)) && sleep 1 && [[ $(lines) == $((n + 3)) ]] && echo 1)"
check retry-logged "$(grep -q 'vendor vendor-x: delivery of spool entry [0-9]* failed' "$tmp/serve.err" && echo 1)"
check log-has-no-values "$(! grep -q 'mia.jensen\|u_1842\|pipeline-token\|t_acme' "$tmp/serve.err" && echo 1)"

kill -TERM "$GW_PID"
wait "$GW_PID"
rc=$?
check sigterm-clean-exit "$([[ $rc == 0 ]] && grep -q 'stopped' "$tmp/serve.err" && echo 1)"
finish
