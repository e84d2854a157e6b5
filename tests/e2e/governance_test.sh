#!/usr/bin/env bash
# Governance end to end over loopback: `metagate serve` (the seed's policies, unknown fields and
# events blocked) with a `metagate sink` as the vendor. Asserted: an event with an unknown field
# and an unknown event are held (sealed) and queued for approval with their detected classes and
# a masked example, never the value; the admin API is authorized by Cedar (401, 403 per role, the
# support-agent rule on the raw held-events export); approving the field over the admin API
# replays the held event, which reaches the sink exactly once with the field pseudonymized;
# denying the event (`metagate approvals deny`, while the gateway runs) discards it and blocks
# that event from then on; held events survive a restart and are replayed on start after a
# decision taken while the gateway was down; `metagate map` counts what the sink received and
# what was blocked or held; the decision log verifies and records each step, without values.
set -uo pipefail
METAGATE="$1"
source "$(dirname "$0")/check_lib.sh"
use_seed "$2"
use_tmp

RAW_EMAIL="carol.danvers@example.com"
start_server "$tmp/sink.err" "$METAGATE" sink --listen 127.0.0.1:0 --out "$tmp/sink.jsonl"
SINK_ADDR=$ADDR
check sink-started "$([[ -n "$SINK_ADDR" ]] && echo 1)"

cat >"$tmp/metagate.yaml" <<YAML
$(seed_config_head)
integrations:
  - { id: analytics-pipeline, kind: service, environment: production, roles: [analytics-pipeline],
      credentials: [ { bearer_sha256: $(sha pipeline-token) } ] }
vendors:
  - { id: vendor-x, category: analytics, residency: eu, format: segment,
      upstream: "http://$SINK_ADDR/segment", credentials: { ingest_key: "env:TEST_VENDOR_X_KEY" } }
catalog:
  - source: "*"
    event: "Report Exported"
    fields: { userId: user_id, "context.traits.email": email, "properties.plan": [] }
unknown_fields: block
unknown_events: block
data_dir: $tmp/data
governance: { flush_interval_ms: 200 }
admin:
  users:
    - { id: alice, roles: [admin], bearer_sha256: $(sha alice-token) }
    - { id: april, roles: [approver], bearer_sha256: $(sha april-token) }
    - { id: vic, roles: [viewer], bearer_sha256: $(sha vic-token) }
    - { id: audrey, roles: [auditor], bearer_sha256: $(sha audrey-token) }
    - { id: sam, roles: [support], bearer_sha256: $(sha sam-token) }
YAML
export TEST_VENDOR_X_KEY=vendor-x-real-write-key
serve() {
  start_server "$tmp/serve.err" "$METAGATE" serve --config "$tmp/metagate.yaml" \
    --listen 127.0.0.1:0 --reload-interval-ms 0
  GW=$ADDR
  GW_PID=$PID
}
serve
check gateway-started "$([[ -n "$GW" ]] && echo 1)"

sink_count() { if [[ -f "$tmp/sink.jsonl" ]]; then wc -l <"$tmp/sink.jsonl"; else echo 0; fi; }
# Events with this messageId at the sink.
delivered() { [[ -f "$tmp/sink.jsonl" ]] || { echo 0; return; }; jq -r '.body | fromjson | .batch[]?.messageId' "$tmp/sink.jsonl" | grep -cx "$1"; }
post_batch() {
  curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Authorization: Bearer pipeline-token' \
    -H 'Content-Type: application/json' --data "{\"batch\":[$1]}" "http://$GW/v/vendor-x/v1/batch"
}
admin() {  # admin TOKEN METHOD PATH [BODY]: prints "STATUS" and writes the body to $tmp/admin.out
  local token="$1" method="$2" path="$3" body="${4:-}"
  local auth=()
  [[ -n "$token" ]] && auth=(-H "Authorization: Bearer $token")
  curl -s -o "$tmp/admin.out" -w '%{http_code}' -X "$method" "${auth[@]}" \
    ${body:+-H 'Content-Type: application/json' --data "$body"} "http://$GW$path"
}
approvals() { "$METAGATE" approvals list --config "$tmp/metagate.yaml" --status "${1:-pending}" --format json; }

known='{"type":"track","event":"Report Exported","userId":"u_1","messageId":"m-known","context":{"traits":{"email":"dana@example.org"}},"properties":{"plan":"pro"}}'
unknown_field='{"type":"track","event":"Report Exported","userId":"u_2","messageId":"m-held","properties":{"plan":"pro","coupon_email":"'$RAW_EMAIL'"}}'
unknown_event='{"type":"track","event":"Secret Event","userId":"u_3","messageId":"m-secret","properties":{"plan":"pro"}}'

# 1. One batch: the known event leaves; the other two are held.
check batch-accepted "$([[ $(post_batch "$known,$unknown_field,$unknown_event") == 200 ]] && echo 1)"
wait_lines "$tmp/sink.jsonl" 1
sleep 0.5
check only-known-delivered "$([[ $(sink_count) == 1 && $(delivered m-known) == 1 && $(delivered m-held) == 0 && $(delivered m-secret) == 0 ]] && echo 1)"

# 2. The approvals queue: a field with its detected class and a masked example; an event.
sleep 0.5
pending=$(approvals)
field_id=$(jq -r '.[] | select(.kind == "field" and .field == "properties.coupon_email") | .id' <<<"$pending")
event_id=$(jq -r '.[] | select(.kind == "event" and .event == "Secret Event") | .id' <<<"$pending")
check two-pending "$([[ $(jq length <<<"$pending") == 2 && -n "$field_id" && -n "$event_id" ]] && echo 1)"
check field-classes "$(jq -e --argjson id "$field_id" '.[] | select(.id == $id) | .classes == ["email"] and .integration == "analytics-pipeline" and .vendors == ["vendor-x"] and .event == "Report Exported"' <<<"$pending" >/dev/null && echo 1)"
check field-example-masked "$(jq -e --argjson id "$field_id" '.[] | select(.id == $id) | .example == "xxxxx.xxxxxxx@xxxxxxx.xx..."' <<<"$pending" >/dev/null && echo 1)"
check no-raw-in-queue "$(! grep -q "$RAW_EMAIL" <<<"$pending" && echo 1)"
table=$("$METAGATE" approvals list --config "$tmp/metagate.yaml")
check approvals-table "$(grep -q "coupon_email" <<<"$table" && grep -q "Secret Event" <<<"$table" && echo 1)"
check held-sealed-at-rest "$(! grep -aq "$RAW_EMAIL" "$tmp/data/governance.db"* && ! grep -aq "coupon_email\":\"carol" "$tmp/data/governance.db"* && echo 1)"

# 3. The admin API, authorized by Cedar.
check admin-401-without-token "$([[ $(admin "" GET /admin/v1/approvals) == 401 ]] && echo 1)"
check admin-401-bad-token "$([[ $(admin nope GET /admin/v1/approvals) == 401 ]] && echo 1)"
check viewer-lists "$([[ $(admin vic-token GET /admin/v1/approvals) == 200 ]] && jq -e 'length == 2' "$tmp/admin.out" >/dev/null && echo 1)"
check viewer-map "$([[ $(admin vic-token GET '/admin/v1/map?format=json') == 200 ]] && jq -e '.flows | length > 0' "$tmp/admin.out" >/dev/null && echo 1)"
check viewer-cannot-approve "$([[ $(admin vic-token POST "/admin/v1/approvals/$field_id/approve") == 403 ]] && echo 1)"
check viewer-cannot-read-audit "$([[ $(admin vic-token GET /admin/v1/audit/tail) == 403 ]] && echo 1)"
check auditor-reads-audit "$([[ $(admin audrey-token GET '/admin/v1/audit/tail?n=5') == 200 ]] && jq -e 'length == 5' "$tmp/admin.out" >/dev/null && echo 1)"
check auditor-verifies "$([[ $(admin audrey-token GET /admin/v1/audit/verify) == 200 ]] && jq -e '.ok == true and .macs_checked == true' "$tmp/admin.out" >/dev/null && echo 1)"
check auditor-searches "$([[ $(admin audrey-token GET '/admin/v1/audit/search?kind=quarantine') == 200 ]] && jq -e 'length == 1 and .[0].kind == "quarantine" and (.[0].held | length) == 2' "$tmp/admin.out" >/dev/null && echo 1)"
check viewer-map-html "$([[ $(admin vic-token GET '/admin/v1/map?format=html') == 200 ]] && grep -q 'id="flow-table"' "$tmp/admin.out" && echo 1)"
check viewer-map-csv "$([[ $(admin vic-token GET '/admin/v1/map?format=csv') == 200 ]] && head -1 "$tmp/admin.out" | grep -q '^integration,vendor,event,field' && echo 1)"
check admin-unknown-path-404 "$([[ $(admin alice-token GET /admin/v1/nothing) == 404 ]] && echo 1)"
check admin-approve-unknown-id-404 "$([[ $(admin alice-token POST /admin/v1/approvals/9999/approve) == 404 ]] && echo 1)"
check auditor-cannot-approve "$([[ $(admin audrey-token POST "/admin/v1/approvals/$field_id/deny") == 403 ]] && echo 1)"
check support-exports-usage "$([[ $(admin sam-token GET /admin/v1/export/usage) == 200 ]] && jq -e '[.usage[] | select(.event == "Report Exported" and .decision == "allowed")][0].events == 1' "$tmp/admin.out" >/dev/null && echo 1)"
check support-never-raw-logs "$([[ $(admin sam-token GET /admin/v1/export/held-events) == 403 ]] && ! grep -q "$RAW_EMAIL" "$tmp/admin.out" && echo 1)"
check support-cannot-view-approvals "$([[ $(admin sam-token GET /admin/v1/approvals) == 403 ]] && echo 1)"
check admin-exports-held "$([[ $(admin alice-token GET /admin/v1/export/held-events) == 200 ]] && grep -q "$RAW_EMAIL" "$tmp/admin.out" && echo 1)"

# 4. Approve the field over the API: the held event is replayed, pseudonymized, exactly once.
check approver-approves "$([[ $(admin april-token POST "/admin/v1/approvals/$field_id/approve") == 200 ]] && jq -e '.status == "approved" and .decided_by == "april"' "$tmp/admin.out" >/dev/null && echo 1)"
check approve-twice-409 "$([[ $(admin april-token POST "/admin/v1/approvals/$field_id/approve") == 409 ]] && echo 1)"
wait_lines "$tmp/sink.jsonl" 2
sleep 1.5
rec=$(jq -c 'select((.body | fromjson | .batch[0].messageId) == "m-held")' "$tmp/sink.jsonl")
check replayed-once "$([[ $(delivered m-held) == 1 ]] && echo 1)"
check replayed-pseudonymized "$(jq -e '.body | fromjson | .batch[0].properties.coupon_email | startswith("ps_k1_")' <<<"$rec" >/dev/null && echo 1)"
check replayed-vendor-key "$(jq -e '.headers.authorization == "[redacted]"' <<<"$rec" >/dev/null && echo 1)"
check secret-still-held "$([[ $(delivered m-secret) == 0 ]] && echo 1)"
check raw-never-at-sink "$(! grep -q "$RAW_EMAIL" "$tmp/sink.jsonl" && echo 1)"

# 5. The field is known now: a new event with it leaves at once, pseudonymized.
again='{"type":"track","event":"Report Exported","userId":"u_4","messageId":"m-after","properties":{"plan":"pro","coupon_email":"erin@example.org"}}'
check approved-field-accepted "$([[ $(post_batch "$again") == 200 ]] && echo 1)"
wait_lines "$tmp/sink.jsonl" 3
check approved-field-leaves "$([[ $(delivered m-after) == 1 ]] && jq -e -s '[.[] | .body | fromjson | .batch[] | select(.messageId == "m-after")][0].properties.coupon_email | startswith("ps_k1_")' "$tmp/sink.jsonl" >/dev/null && echo 1)"

# 6. Deny the event from the command line while the gateway runs: discarded, blocked from then on.
check cli-deny "$("$METAGATE" approvals deny "$event_id" --config "$tmp/metagate.yaml" --by carol-sec | grep -q denied && echo 1)"
check cli-deny-twice "$("$METAGATE" approvals deny "$event_id" --config "$tmp/metagate.yaml" 2>/dev/null; [[ $? == 1 ]] && echo 1)"
sleep 2
check denied-not-delivered "$([[ $(delivered m-secret) == 0 ]] && echo 1)"
check denied-blocked "$([[ $(post_batch "${unknown_event/m-secret/m-secret-2}") == 200 ]] && echo 1)"
sleep 0.5
check no-new-approval "$([[ $(approvals | jq length) == 0 ]] && echo 1)"

# 7. Held events survive a restart; a decision taken while the gateway is down replays on start.
later='{"type":"track","event":"Report Exported","userId":"u_5","messageId":"m-restart","properties":{"plan":"pro","referrer_code":"R-123"}}'
check held-before-restart "$([[ $(post_batch "$later") == 200 ]] && echo 1)"
sleep 0.5
kill -TERM "$GW_PID"
wait "$GW_PID" 2>/dev/null
ref_id=$(approvals | jq -r '.[] | select(.field == "properties.referrer_code") | .id')
check restart-pending "$([[ -n "$ref_id" && $(delivered m-restart) == 0 ]] && echo 1)"
check cli-approve-offline "$("$METAGATE" approvals approve "$ref_id" --config "$tmp/metagate.yaml" --class account_id 2>&1 | grep -q approved && echo 1)"
serve
check gateway-restarted "$([[ -n "$GW" ]] && echo 1)"
for _ in $(seq 1 100); do [[ $(delivered m-restart) == 1 ]] && break; sleep 0.1; done
check replayed-after-restart "$([[ $(delivered m-restart) == 1 ]] && jq -e -s '[.[] | .body | fromjson | .batch[] | select(.messageId == "m-restart")][0].properties.referrer_code | startswith("ps_k1_")' "$tmp/sink.jsonl" >/dev/null && echo 1)"
kill -TERM "$GW_PID"
wait "$GW_PID" 2>/dev/null

# 8. The data map: what the sink received and what was blocked or held, by event.
map=$("$METAGATE" map --config "$tmp/metagate.yaml" --format json)
count() { jq --arg e "$1" --arg d "$2" '[.flows[] | select(.event == $e and .field == "" and .decision == $d) | .count] | add // 0' <<<"$map"; }
sink_events=$(jq -s '[.[] | .body | fromjson | .batch | length] | add' "$tmp/sink.jsonl")
check map-allowed-equals-sink "$([[ $(count "Report Exported" allowed) == "$sink_events" && $sink_events == 4 ]] && echo 1)"
check map-held "$([[ $(count "Report Exported" held) == 2 && $(count "Secret Event" held) == 1 ]] && echo 1)"
check map-blocked-denied "$([[ $(count "Secret Event" blocked:denied) == 2 ]] && echo 1)"
check map-field-form "$(jq -e '[.flows[] | select(.field == "properties.coupon_email" and .decision == "allowed")][0] | .form == "pseudonymized" and .classes == "email"' <<<"$map" >/dev/null && echo 1)"
check map-no-values "$(! grep -q "$RAW_EMAIL\|dana@example.org" <<<"$map" && echo 1)"
"$METAGATE" map --config "$tmp/metagate.yaml" --format html --out "$tmp/map.html"
check map-html "$(grep -q 'id="flow-graph"' "$tmp/map.html" && echo 1)"
"$METAGATE" map --config "$tmp/metagate.yaml" --format bogus 2>"$tmp/err"
check map-bad-format "$([[ $? == 2 ]] && grep -q "table, csv, json, dot or html" "$tmp/err" && echo 1)"

# 9. Discovery without a gateway: the same map from captured traffic.
"$METAGATE" map --from-file "$SEED/events/usage.jsonl" --integration web --vendor segment --format json >"$tmp/discovered.json"
check map-from-file "$(jq -e '[.flows[] | select(.field == "context.traits.email")][0] | .classes == "email" and .decision == "discovered" and .form == "raw"' "$tmp/discovered.json" >/dev/null && echo 1)"
check map-from-file-no-values "$(! grep -q 'mia.jensen@example.org' "$tmp/discovered.json" && echo 1)"
"$METAGATE" map --from-file "$SEED/events/usage.jsonl" --integration web --vendor nowhere 2>"$tmp/err"
check map-from-file-bad-vendor "$([[ $? == 2 ]] && grep -q "wire-format" "$tmp/err" && echo 1)"
for c in map approvals audit; do
  check "help-$c" "$("$METAGATE" "$c" --help | grep -qi "usage\|options" && echo 1)"
done

# 10. The decision log: verifies, records each step, holds no value.
"$METAGATE" audit verify --config "$tmp/metagate.yaml" >"$tmp/verify.out" 2>&1
check audit-verifies "$([[ $? == 0 ]] && echo 1)"
log="$tmp/data/audit/decisions.jsonl"
kinds=$(jq -r .kind "$log" | sort -u | tr '\n' ' ')
for k in policies_loaded quarantine approval_requested approval_decided replayed admin decision checkpoint; do
  check "log-has-$k" "$(grep -qw "$k" <<<"$kinds" && echo 1)"
done
check log-approval-by "$(jq -e -s '[.[] | select(.kind == "approval_decided" and .by == "carol-sec" and .decision == "denied")] | length == 1' "$log" >/dev/null && echo 1)"
check log-admin-forbid "$(jq -e -s '[.[] | select(.kind == "admin" and .user == "sam" and .allowed == false and (.resource | startswith("EventLog")))] | length == 1' "$log" >/dev/null && echo 1)"
check log-no-values "$(! grep -q "$RAW_EMAIL\|dana@example.org\|erin@example.org\|R-123" "$log" && echo 1)"
check serve-log-no-values "$(! grep -q "$RAW_EMAIL\|erin@example.org\|R-123" "$tmp/serve.err" && echo 1)"
finish
