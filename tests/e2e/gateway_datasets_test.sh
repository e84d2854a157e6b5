#!/usr/bin/env bash
# End-to-end over loopback with the labelled datasets (../shared/datasets; the test fails when
# they are missing): every body of the six formats goes into `metagate serve` through the
# vendor's own ingest API (gateway_datasets_send.py: every endpoint, every credential style) and
# out at a `metagate sink`; gateway_datasets_check then reads what the sink received. The
# delivery may be asynchronous (acknowledged once spooled, forwarded later, possibly out of
# order and more than once), so the sink's output is polled until it stops growing, and every
# check is order- and duplicate-independent.
#
#   gateway_datasets_test.sh METAGATE CHECKER DATASETS_DIR EGRESS_TEST_DIR
set -uo pipefail
METAGATE="$1"
CHECKER="$2"
DATASETS="$3"
EGRESS="$(cd "$4" && pwd)"
HERE="$(cd "$(dirname "$0")" && pwd)"
SCHEMA="$(cd "$HERE/../../schema" && pwd)/egress.cedarschema"
source "$HERE/check_lib.sh"
use_tmp
SECONDS=0

if [[ ! -f "$DATASETS/segment.events.jsonl" ]]; then
  check "datasets-present ($DATASETS)" 0
  finish
  exit 1
fi
DATASETS="$(cd "$DATASETS" && pwd)"


# The senders' credentials (the datasets bring their own Mixpanel tokens and api keys) and the
# vendors' own ingest keys.
export GW_TEST_BEARER=gw-test-pipeline-bearer-7f3a GW_TEST_WRITE_KEY=gw-test-segment-write-key-91c2
export GW_TEST_MIXPANEL_SECRET=gw-test-mixpanel-api-secret-0d4e
vendors=(segment mixpanel amplitude posthog llm)
for v in "${vendors[@]}"; do export "GW_TEST_KEY_${v^^}=vendor-ingest-key-for-$v"; done
dataset_keys=$(python3 - "$DATASETS" <<'EOF'
import hashlib, json, sys
keys = set()
for fmt in ("mixpanel", "amplitude", "posthog"):
    for line in open("%s/%s.events.jsonl" % (sys.argv[1], fmt), encoding="utf-8"):
        body = json.loads(line)
        if fmt == "mixpanel":
            keys.update(e["properties"]["token"] for e in body if "token" in e["properties"])
        elif "api_key" in body:
            keys.add(body["api_key"])
print(", ".join("{ api_key_sha256: %s }" % hashlib.sha256(k.encode()).hexdigest()
                for k in sorted(keys)))
EOF
)

# Two sinks that fail a fifth of the requests: with 500 (segment, mixpanel, amplitude) and with
# 429 and Retry-After: 0 (the others). The gateway's spool retries until each is delivered.
start_server "$tmp/sink.err" "$METAGATE" sink --listen 127.0.0.1:0 --out "$tmp/sink.jsonl" \
  --fail-rate 0.2 --status 500
SINK=$ADDR
start_server "$tmp/sink2.err" "$METAGATE" sink --listen 127.0.0.1:0 --out "$tmp/sink2.jsonl" \
  --fail-rate 0.2 --status 429 --retry-after 0
SINK2=$ADDR
check sink-started "$([[ -n "$SINK" && -n "$SINK2" ]] && echo 1)"

# One vendor per dataset format, its id the format's name; the dataset tests' default-deny
# policy (tests/egress/policies: only a few classes leave raw) with every field classified.
cat >"$tmp/metagate.yaml" <<EOF
mode: enforce
policies: [$EGRESS/policies/]
schema: $SCHEMA
keys: { pseudonym: { current: t1, keys: { t1: "file:$EGRESS/test-k1.key" } } }
integrations:
  - { id: sdk, kind: service, environment: production, credentials: [ $dataset_keys ] }
  - { id: pipeline, kind: service, environment: production,
      credentials: [ { bearer_sha256: $(sha "$GW_TEST_BEARER") } ] }
  - { id: web-source, kind: service, environment: production,
      credentials: [ { write_key_sha256: $(sha "$GW_TEST_WRITE_KEY") } ] }
  - { id: mixpanel-import, kind: service, environment: production,
      credentials: [ { write_key_sha256: $(sha "$GW_TEST_MIXPANEL_SECRET") } ] }
vendors:
  - { id: segment, category: analytics, residency: eu, format: segment,
      upstream: "http://$SINK/segment", credentials: { ingest_key: "env:GW_TEST_KEY_SEGMENT" } }
  - { id: mixpanel, category: analytics, residency: eu, format: mixpanel,
      upstream: "http://$SINK/mixpanel", credentials: { ingest_key: "env:GW_TEST_KEY_MIXPANEL" } }
  - { id: amplitude, category: analytics, residency: eu, format: amplitude,
      upstream: "http://$SINK/amplitude", credentials: { ingest_key: "env:GW_TEST_KEY_AMPLITUDE" } }
  - { id: posthog, category: analytics, residency: eu, format: posthog,
      upstream: "http://$SINK2/posthog", credentials: { ingest_key: "env:GW_TEST_KEY_POSTHOG" } }
  - { id: otlp-logs, category: observability, residency: eu, format: otlp-logs,
      upstream: "http://$SINK2/otlp-logs" }
  - { id: llm, category: analytics, residency: eu, format: llm, pseudonym_key: own,
      upstream: "http://$SINK2/llm", credentials: { ingest_key: "env:GW_TEST_KEY_LLM" } }
unknown_fields: classify
data_dir: $tmp/data
spool: { initial_backoff_ms: 20, max_backoff_ms: 100, max_attempts: 50 }
unknown_events: allow
EOF
start_server "$tmp/serve.err" "$METAGATE" serve --config "$tmp/metagate.yaml" --listen 127.0.0.1:0
GW=$ADDR
GW_PID=$PID
check gateway-started "$([[ -n "$GW" ]] && echo 1)"
[[ -n "$GW" && -n "$SINK" ]] || { cat "$tmp/serve.err" "$tmp/sink.err"; finish; exit 1; }

# 1-4: wrong credentials (401), the datasets (the vendors' success replies), the positive
# controls, /metrics by integration.
python3 "$HERE/gateway_datasets_send.py" "$GW" "$DATASETS" "$tmp"
check driver-replies-and-metrics "$([[ $? == 0 ]] && echo 1)"
echo "sent in ${SECONDS}s"

# Delivery lags the replies (acknowledged once spooled): wait until every vendor's spool is
# empty (all delivered with a 2xx, or dead-lettered), at most 120 s.
lines() { cat "$tmp/sink.jsonl" "$tmp/sink2.jsonl" 2>/dev/null | wc -l; }
gauge_all_zero() {  # gauge_all_zero NAME: every vendor's NAME gauge in /metrics is 0
  curl -s "http://$GW/metrics" | awk -v name="$1" '
    index($0, name "{") == 1 { seen = 1; if ($2 != 0) busy = 1 }
    END { exit !(seen && !busy) }'
}
want=$(cat "$tmp/accepted" 2>/dev/null || echo 1)
deadline=$((SECONDS + 120))
until gauge_all_zero metagate_spool_requests || ((SECONDS >= deadline)); do sleep 0.5; done
n=$(lines)
echo "sink: $n records for $want accepted requests, spools drained at ${SECONDS}s"
check spools-drained "$(gauge_all_zero metagate_spool_requests && [[ $n -ge $want ]] && echo 1)"
check no-dead-letters "$(gauge_all_zero metagate_spool_dead_letters && echo 1)"
check sinks-failed-some "$(grep -q '"status":500' "$tmp/sink.jsonl" && grep -q '"status":429' "$tmp/sink2.jsonl" && echo 1)"
check gateway-retried "$(grep -q 'delivery of spool entry [0-9]* failed (status 500)' "$tmp/serve.err" && grep -q 'delivery of spool entry [0-9]* failed (status 429)' "$tmp/serve.err" && echo 1)"
cat "$tmp/sink2.jsonl" >>"$tmp/sink.jsonl"

# Nothing of a refused request reached the sink; the accepted probes did (so their markers
# survive the policy and the first check means something).
check nothing-forwarded-for-401 "$(! grep -q 'e2e-unauthorized-' "$tmp/sink.jsonl" && echo 1)"
for v in segment mixpanel amplitude posthog otlp-logs llm; do
  check "positive-control-delivered-$v" \
    "$(awk -v p="\"path\":\"/$v/" 'index($0, p) && /e2e-authorized-/ { found = 1 }
        END { exit !found }' "$tmp/sink.jsonl" && echo 1)"
done
secrets="$GW_TEST_BEARER\|$GW_TEST_WRITE_KEY\|$GW_TEST_MIXPANEL_SECRET\|wrong-"
check credentials-not-logged "$(! grep -q "$secrets" "$tmp/serve.err" && echo 1)"

checker_args=(--sender-secret "$GW_TEST_BEARER" --sender-secret "$GW_TEST_WRITE_KEY"
  --sender-secret "$GW_TEST_MIXPANEL_SECRET")
for v in "${vendors[@]}"; do
  key="GW_TEST_KEY_${v^^}"
  checker_args+=(--ingest-key "$v=${!key}")
done
"$CHECKER" "$tmp/sink.jsonl" "$DATASETS" "${checker_args[@]}"
check sink-output-clean "$([[ $? == 0 ]] && echo 1)"
echo "checked at ${SECONDS}s"

# Guard: the checker must notice one forbidden value put back raw into one Segment body, and
# must not print it.
python3 - "$DATASETS" "$tmp/sink.jsonl" "$tmp/doctored.jsonl" <<'EOF'
import json, sys
datasets, src, dst = sys.argv[1:]
events = open(datasets + "/segment.events.jsonl", encoding="utf-8").read().split("\n")
value = None
for n, line in enumerate(open(datasets + "/segment.labels.jsonl", encoding="utf-8")):
    for f in json.loads(line)["fields"]:
        if f["classes"] == ["email"] and not f.get("spans"):
            node = json.loads(events[n])
            for token in f["path"].split("/")[1:]:
                token = token.replace("~1", "/").replace("~0", "~")
                node = node[int(token)] if isinstance(node, list) else node[token]
            value = node
            break
    if value:
        break
with open(dst, "w", encoding="utf-8") as out:
    for line in open(src, encoding="utf-8"):
        rec = json.loads(line)
        if value and rec["path"].startswith("/segment/") and "body" in rec:
            body = json.loads(rec["body"])
            body["doctored"] = value
            rec["body"] = json.dumps(body, ensure_ascii=False, separators=(",", ":"))
            value = None
            line = json.dumps(rec, ensure_ascii=False, separators=(",", ":")) + "\n"
        out.write(line)
with open(dst + ".value", "w", encoding="utf-8") as out:
    out.write("" if value else "doctored")
EOF
"$CHECKER" "$tmp/doctored.jsonl" "$DATASETS" "${checker_args[@]}" >"$tmp/doctored.out" 2>&1
rc=$?
value_inserted=$(cat "$tmp/doctored.jsonl.value")
check guard-doctored-output-fails "$([[ $rc == 1 && $value_inserted == doctored ]] &&
  grep -q '^FAIL segment: .*(email)' "$tmp/doctored.out" && echo 1)"
planted=$(python3 -c 'import json,sys
for l in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(l)
    if "body" in r and "doctored" in r["body"]:
        print(json.loads(r["body"])["doctored"]); break' "$tmp/doctored.jsonl")
check guard-value-not-printed \
  "$([[ -n "$planted" ]] && ! grep -qF "$planted" "$tmp/doctored.out" && echo 1)"

kill -TERM "$GW_PID"
wait "$GW_PID"
check sigterm-clean-exit "$([[ $? == 0 ]] && echo 1)"
echo "took ${SECONDS}s"
finish
