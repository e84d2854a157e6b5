#!/usr/bin/env bash
# End-to-end over loopback: compressed request bodies into `metagate serve` (the seed's
# policies), out at a `metagate sink`. Asserted: a gzip Segment batch and a deflate (zlib) one
# are inflated, filtered and forwarded; a corrupt gzip body gets 400 and a truncated one 400,
# with messages that hold no body bytes; a body that inflates past --max-body-bytes gets 413
# (a gzip bomb); an unknown Content-Encoding gets 415; nothing refused reaches the sink.
# The sink is polled (up to 10 s) since forwarding may happen after the reply.
set -uo pipefail
METAGATE="$1"
source "$(dirname "$0")/check_lib.sh"
use_seed "$2"
use_tmp


start_server "$tmp/sink.err" "$METAGATE" sink --listen 127.0.0.1:0 --out "$tmp/sink.jsonl"
SINK_ADDR=$ADDR
check sink-started "$([[ -n "$SINK_ADDR" ]] && echo 1)"

cat >"$tmp/metagate.yaml" <<EOF
$(seed_config_head)
integrations:
  - { id: analytics-pipeline, kind: service, environment: production, roles: [analytics-pipeline],
      credentials: [ { bearer_sha256: $(sha pipeline-token) } ] }
vendors:
  - { id: vendor-x, category: analytics, residency: eu, format: segment,
      upstream: "http://$SINK_ADDR/segment", credentials: { ingest_key: "env:TEST_VENDOR_X_KEY" } }
catalog:
  - source: "*"
    event: "*"
    fields: { userId: user_id, "context.traits.email": email, "properties.plan": [] }
unknown_fields: drop
unknown_events: allow
data_dir: $tmp/data
EOF
export TEST_VENDOR_X_KEY=vendor-x-real-write-key
MAX=65536
start_server "$tmp/serve.err" "$METAGATE" serve --config "$tmp/metagate.yaml" \
  --listen 127.0.0.1:0 --max-body-bytes "$MAX"
GW=$ADDR
check gateway-started "$([[ -n "$GW" ]] && echo 1)"

lines() { if [[ -f "$tmp/sink.jsonl" ]]; then wc -l <"$tmp/sink.jsonl"; else echo 0; fi; }
post_file() {  # post_file FILE ENCODING: prints "BODY STATUS"
  curl -s -w ' %{http_code}' -X POST -H 'Authorization: Bearer pipeline-token' \
    -H 'Content-Type: application/json' -H "Content-Encoding: $2" --data-binary "@$1" \
    "http://$GW/v/vendor-x/v1/batch"
}

batch="{\"batch\":[$(head -1 "$SEED/events/usage.jsonl")],\"sentAt\":\"2025-03-04T10:15:01Z\"}"

# 1. A gzip batch, piped as an SDK would send it: accepted and forwarded filtered.
out=$(printf '%s' "$batch" | gzip -c | curl -s -w ' %{http_code}' -X POST \
  -H 'Authorization: Bearer pipeline-token' -H 'Content-Type: application/json' \
  -H 'Content-Encoding: gzip' --data-binary @- "http://$GW/v/vendor-x/v1/batch")
check gzip-batch-accepted "$([[ "$out" == '{"success":true} 200' ]] && echo 1)"
check gzip-batch-forwarded "$(wait_lines "$tmp/sink.jsonl" 1 && echo 1)"
rec=$(tail -1 "$tmp/sink.jsonl")
check gzip-forwarded-path "$(jq -e '.path == "/segment/v1/batch"' <<<"$rec" >/dev/null && echo 1)"
check gzip-email-pseudonymized "$(jq -e '.body | fromjson | .batch[0].context.traits.email | startswith("ps_k1_")' <<<"$rec" >/dev/null && echo 1)"
check gzip-no-raw-values "$(! grep -q 'mia.jensen@example.org\|u_1842' "$tmp/sink.jsonl" && echo 1)"

# 2. The same as a zlib stream with `Content-Encoding: Deflate` (any case).
printf '%s' "$batch" | python3 -c 'import sys, zlib; sys.stdout.buffer.write(zlib.compress(sys.stdin.buffer.read()))' >"$tmp/batch.zz"
out=$(post_file "$tmp/batch.zz" Deflate)
check deflate-batch-accepted "$([[ "$out" == '{"success":true} 200' ]] && echo 1)"
check deflate-batch-forwarded "$(wait_lines "$tmp/sink.jsonl" 2 && echo 1)"

# 3. Refusals; none reaches the sink.
n=$(lines)
printf '%s' "$batch" | gzip -c >"$tmp/batch.gz"
{ head -c 20 "$tmp/batch.gz"; printf 'garbage-not-deflate'; tail -c +40 "$tmp/batch.gz"; } >"$tmp/corrupt.gz"
out=$(post_file "$tmp/corrupt.gz" gzip)
check corrupt-gzip-400 "$([[ "$out" == *'corrupt'*' 400' ]] && echo 1)"
check corrupt-message-no-body "$([[ "$out" != *'garbage'* && "$out" != *'u_1842'* ]] && echo 1)"
head -c $(($(wc -c <"$tmp/batch.gz") - 8)) "$tmp/batch.gz" >"$tmp/truncated.gz"
out=$(post_file "$tmp/truncated.gz" gzip)
check truncated-gzip-400 "$([[ "$out" == *'ends before'*' 400' ]] && echo 1)"
printf '%s' "$batch" >"$tmp/batch.json"
out=$(post_file "$tmp/batch.json" br)
check unknown-encoding-415 "$([[ "$out" == *' 415' ]] && echo 1)"
head -c $((8 << 20)) /dev/zero | gzip -c >"$tmp/bomb.gz"  # 8 MiB of zeros, about 8 KB sent
out=$(post_file "$tmp/bomb.gz" gzip)
check gzip-bomb-413 "$([[ "$out" == *"exceeds $MAX bytes"*' 413' ]] && echo 1)"
check bomb-small-on-the-wire "$([[ $(wc -c <"$tmp/bomb.gz") -lt $MAX ]] && echo 1)"
sleep 1
check nothing-refused-forwarded "$([[ $(lines) == "$n" ]] && echo 1)"
check gateway-still-serving "$([[ "$(curl -s "http://$GW/healthz")" == *ok* ]] && echo 1)"
finish
