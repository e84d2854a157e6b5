#!/usr/bin/env bash
# `metagate serve` with a `pdp:` section: the gateway's ingest routes and the PDP's AuthZEN and
# entity endpoints answer on one port; the gateway still delivers to its sink; the PDP's policies
# reload when their file changes (serve) or on SIGHUP (`metagate pdp`), and a broken one keeps
# the policies in force; a bad `pdp:` section stops serve at start with FILE:LINE:COL.
# Usage: serve_pdp_test.sh METAGATE EXAMPLES_DIR
set -uo pipefail
METAGATE="$1"
EXAMPLES="$(cd "$2" && pwd)"
source "$(dirname "$0")/check_lib.sh"
use_tmp

start_server "$tmp/sink.err" "$METAGATE" sink --listen 127.0.0.1:0 --out "$tmp/sink.jsonl"
SINK=$ADDR
mkdir -p "$tmp/policies"
printf '%s\n' 'permit (principal, action, resource);' >"$tmp/policies/main.cedar"
printf 'entities-api-token-0123456789' >"$tmp/entities.token"
TODO="$EXAMPLES/authzen-todo"
cp "$TODO/policies.cedar" "$tmp/pdp-policies.cedar"
cat >"$tmp/metagate.yaml" <<YAML
policies: [policies/]
integrations:
  - { id: app, kind: service, environment: production,
      credentials: [ { bearer_sha256: $(sha serve-pdp-token) } ] }
vendors:
  - { id: seg, category: analytics, residency: eu, format: segment, upstream: "http://$SINK/seg" }
catalog: [ { source: "*", event: "*", fields: { properties.plan: [] } } ]
unknown_events: allow
data_dir: $tmp/data
pdp:
  policies: [$tmp/pdp-policies.cedar]
  schema: $TODO/schema.cedarschema
  entities: [$TODO/entities.json]
  entities_api: { token: "file:$tmp/entities.token" }
YAML
start_server "$tmp/gw.err" "$METAGATE" serve --config "$tmp/metagate.yaml" --listen 127.0.0.1:0
GW=$ADDR
check "serve starts with a pdp section" "$([[ -n "$GW" ]] && echo 1)"

RICK=CiRmZDA2MTRkMy1jMzlhLTQ3ODEtYjdiZC04Yjk2ZjVhNTEwMGQSBWxvY2Fs
JERRY=CiRmZDQ2MTRkMy1jMzlhLTQ3ODEtYjdiZC04Yjk2ZjVhNTEwMGQSBWxvY2Fs
decide() {  # decide SUBJECT ACTION: the decision for a todo owned by someone else
  curl -s "http://$GW/access/v1/evaluation" -H 'Content-Type: application/json' \
    -d "{\"subject\":{\"type\":\"user\",\"id\":\"$1\"},\"action\":{\"name\":\"$2\"},
         \"resource\":{\"type\":\"todo\",\"id\":\"t1\",\"properties\":{\"ownerID\":\"x@y.z\"}}}" |
    jq -r '.decision'
}
check "AuthZEN on serve's port: rick may delete" "$([[ $(decide "$RICK" can_delete_todo) == true ]] && echo 1)"
check "AuthZEN on serve's port: jerry may not" "$([[ $(decide "$JERRY" can_delete_todo) == false ]] && echo 1)"

# The entity API changes what the PDP decides: jerry becomes an admin.
jerry_put=$(curl -s -o /dev/null -w '%{http_code}' -X PATCH \
  "http://$GW/entities/v1/user/$JERRY" -H 'Authorization: Bearer entities-api-token-0123456789' \
  -H 'Content-Type: application/json' -d '{"attrs":{"roles":["admin"]}}')
check "entity PATCH through serve" "$([[ $jerry_put == 200 ]] && echo 1)"
check "the change decides: jerry may delete" "$([[ $(decide "$JERRY" can_delete_todo) == true ]] && echo 1)"

# The gateway's routes are untouched.
code=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Authorization: Bearer serve-pdp-token' \
  --data '{"type":"track","event":"E","properties":{"plan":"pro"}}' "http://$GW/v/seg/v1/track")
check "gateway ingest still answers 200" "$([[ $code == 200 ]] && echo 1)"
check "gateway delivers to the sink" "$(wait_lines "$tmp/sink.jsonl" 1 && echo 1)"
# Reload: a forbid added to the PDP's policies takes effect without a restart; a broken file
# keeps the policies in force.
printf '%s\n' '@id("no-deletes") forbid (principal, action == Action::"can_delete_todo", resource);' \
  >>"$tmp/pdp-policies.cedar"
for _ in $(seq 1 60); do
  [[ $(decide "$RICK" can_delete_todo) == false ]] && break
  sleep 0.1
done
check "a changed PDP policy file reloads" "$([[ $(decide "$RICK" can_delete_todo) == false ]] && echo 1)"
printf 'permit (principal,\n' >>"$tmp/pdp-policies.cedar"
for _ in $(seq 1 60); do
  grep -q "PDP reload after .* failed" "$tmp/gw.err" && break
  sleep 0.1
done
check "a broken PDP policy is reported with its file" \
  "$(grep -q "PDP reload after .* failed.*pdp-policies.cedar:[0-9]*:[0-9]*" "$tmp/gw.err" && echo 1)"
check "the policies in force stay" "$([[ $(decide "$RICK" can_delete_todo) == false && $(decide "$RICK" can_read_todos) == true ]] && echo 1)"
kill -TERM "$PID"
wait "$PID"

# metagate pdp alone reloads on SIGHUP (file watching off).
cp "$TODO/policies.cedar" "$tmp/pdp-policies.cedar"
start_server "$tmp/pdp.err" "$METAGATE" pdp --config "$tmp/metagate.yaml" --listen 127.0.0.1:0 \
  --reload-interval-ms 0
GW=$ADDR
check "pdp starts" "$([[ $(decide "$RICK" can_delete_todo) == true ]] && echo 1)"
printf '%s\n' '@id("no-deletes") forbid (principal, action == Action::"can_delete_todo", resource);' \
  >>"$tmp/pdp-policies.cedar"
sleep 0.3
check "no reload without SIGHUP" "$([[ $(decide "$RICK" can_delete_todo) == true ]] && echo 1)"
kill -HUP "$PID"
for _ in $(seq 1 60); do
  grep -q "reloaded the policies" "$tmp/pdp.err" && break
  sleep 0.1
done
check "SIGHUP reloads the pdp's policies" "$([[ $(decide "$RICK" can_delete_todo) == false ]] && echo 1)"
kill -TERM "$PID"
wait "$PID"

# A bad pdp section stops serve with the file, line and column.
printf '  bogus: 1\n' >>"$tmp/metagate.yaml"
"$METAGATE" serve --config "$tmp/metagate.yaml" --listen 127.0.0.1:0 2>"$tmp/bad.err"
rc=$?
check "a bad pdp section exits 2" "$([[ $rc == 2 ]] && echo 1)"
check "the error names FILE:LINE:COL" "$(grep -qE 'metagate.yaml:[0-9]+:[0-9]+: .*bogus' "$tmp/bad.err" && echo 1)"
finish
