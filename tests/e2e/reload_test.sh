#!/usr/bin/env bash
# Hot reload of `metagate serve`, over loopback: with --reload-interval-ms 0 only SIGHUP reloads
# (an edited policy changes nothing until then); by default a changed policy file is picked up on
# its own; a broken policy keeps the last good set, and the log and /readyz say why (file and
# line); fixing it recovers. Requests keep being answered throughout.
set -uo pipefail
METAGATE="$1"
source "$(dirname "$0")/check_lib.sh"
use_tmp

start_server "$tmp/sink.err" "$METAGATE" sink --listen 127.0.0.1:0 --out "$tmp/sink.jsonl"
SINK=$ADDR
ALLOW='permit (principal, action == Action::"send_event", resource);
permit (principal, action == Action::"send_field", resource);'
BLOCK='@id("block-all") forbid (principal, action == Action::"send_event", resource);
permit (principal, action == Action::"send_field", resource);'
mkdir -p "$tmp/policies"
printf '%s\n' "$ALLOW" >"$tmp/policies/main.cedar"
cat >"$tmp/metagate.yaml" <<YAML
policies: [policies/]
integrations:
  - { id: app, kind: service, environment: production,
      credentials: [ { bearer_sha256: $(printf 'reload-token' | sha256sum | cut -d' ' -f1) } ] }
vendors:
  - { id: seg, category: analytics, residency: eu, format: segment, upstream: "http://$SINK/seg" }
catalog: [ { source: "*", event: "*", fields: { properties.plan: [] } } ]
unknown_events: allow
data_dir: $tmp/data
YAML

send() {  # prints "allowed=N" from the gateway's answer log line for this request
  curl -s -o /dev/null -X POST -H 'Authorization: Bearer reload-token' \
    --data '{"type":"track","event":"E","properties":{"plan":"pro"}}' "http://$GW/v/seg/v1/track"
  sleep 0.1
  grep -o 'allowed=[0-9]*' "$1" | tail -1
}
generation() { curl -s "http://$GW/readyz" | jq -r '.config_generation'; }
wait_for() {  # wait_for FILE PATTERN COUNT: until PATTERN occurs COUNT times (10 s)
  for _ in $(seq 1 200); do
    (($(grep -c "$2" "$1") >= $3)) && return 0
    sleep 0.05
  done
  return 1
}

# 1. SIGHUP only.
start_server "$tmp/a.err" "$METAGATE" serve --config "$tmp/metagate.yaml" --listen 127.0.0.1:0 \
  --reload-interval-ms 0
GW=$ADDR
check started-allowing "$([[ $(send "$tmp/a.err") == allowed=1 ]] && echo 1)"
printf '%s\n' "$BLOCK" >"$tmp/policies/main.cedar"
sleep 1.5
check no-reload-without-sighup "$([[ $(generation) == 1 && $(send "$tmp/a.err") == allowed=1 ]] && echo 1)"
kill -HUP "$PID"
wait_for "$tmp/a.err" 'reloaded .* (after SIGHUP)' 1
check sighup-reloads "$([[ $(generation) == 2 && $(send "$tmp/a.err") == allowed=0 ]] && echo 1)"
kill -TERM "$PID"
wait "$PID"
check sighup-gateway-stopped "$([[ $? == 0 ]] && echo 1)"

# 2. File changes.
printf '%s\n' "$ALLOW" >"$tmp/policies/main.cedar"
start_server "$tmp/b.err" "$METAGATE" serve --config "$tmp/metagate.yaml" --listen 127.0.0.1:0 \
  --reload-interval-ms 100
GW=$ADDR
check b-started-allowing "$([[ $(send "$tmp/b.err") == allowed=1 ]] && echo 1)"
printf '%s\n' "$BLOCK" >"$tmp/policies/main.cedar"
wait_for "$tmp/b.err" 'reloaded .* (after a changed file)' 1
check file-change-reloads "$([[ $(generation) == 2 && $(send "$tmp/b.err") == allowed=0 ]] && echo 1)"
# A new file in the policy folder counts too; this one does not parse.
printf 'permit (principal, action == Action::"send_event", resource)\n' >"$tmp/policies/extra.cedar"
wait_for "$tmp/b.err" 'reload after a changed file failed; keeping the last good' 1
ready=$(curl -s "http://$GW/readyz")
check readyz-says-why "$(jq -e '.last_reload.ok == false and (.last_reload.error | contains("extra.cedar:2:1:")) and .config_generation == 2' <<<"$ready" >/dev/null && echo 1)"
check readyz-still-200 "$([[ $(curl -s -o /dev/null -w '%{http_code}' "http://$GW/readyz") == 200 ]] && echo 1)"
check last-good-kept "$([[ $(send "$tmp/b.err") == allowed=0 ]] && echo 1)"
# A config that does not load is a failed reload as well.
cp "$tmp/metagate.yaml" "$tmp/good.yaml"
printf 'mode: sometimes\n' >>"$tmp/metagate.yaml"
wait_for "$tmp/b.err" 'reload after a changed file failed' 2
check bad-config-kept "$(curl -s "http://$GW/readyz" | jq -e '.last_reload.error | contains("metagate.yaml:")' >/dev/null && [[ $(send "$tmp/b.err") == allowed=0 ]] && echo 1)"
# Fixing both recovers.
cp "$tmp/good.yaml" "$tmp/metagate.yaml"
rm "$tmp/policies/extra.cedar"
printf '%s\n' "$ALLOW" >"$tmp/policies/main.cedar"
wait_for "$tmp/b.err" 'reloaded .* (after a changed file)' 2
check recovered "$(curl -s "http://$GW/readyz" | jq -e '.last_reload.ok == true' >/dev/null && [[ $(send "$tmp/b.err") == allowed=1 ]] && echo 1)"
wait_lines "$tmp/sink.jsonl" 4
check allowed-requests-delivered "$([[ $(wc -l <"$tmp/sink.jsonl") == 4 ]] && echo 1)"
kill -TERM "$PID"
wait "$PID"
check file-gateway-stopped "$([[ $? == 0 ]] && echo 1)"
finish
