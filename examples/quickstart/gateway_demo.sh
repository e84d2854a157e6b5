#!/usr/bin/env bash
# The gateway part of `make demo`: a `metagate sink` stands in for the vendors, `metagate serve`
# runs examples/seed's config (its upstreams pointed at the sink, its spool in a temporary data
# dir: one SQLite file per vendor), SDK-style traffic goes in, and a summary says what left in
# which form, what was blocked and what was refused. Interactive runs keep the gateway up until
# Ctrl-C; both servers then stop cleanly.
set -euo pipefail
METAGATE="${1:-metagate}"
SEED="$(cd "$(dirname "$0")/../seed" && pwd)"
SHARED_SEGMENT="$(dirname "$0")/../../../shared/datasets/segment.events.jsonl"
tmp=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'echo; echo "  stopping the gateway and the sink"; exit 0' INT TERM

start() {  # start LOG CMD...: runs a server, waits for its address
  local log="$1"
  shift
  "$@" 2>"$log" &
  pids+=($!)
  for _ in $(seq 1 200); do
    ADDR=$(grep -oE 'listening on [0-9.]+:[0-9]+' "$log" | head -1 | cut -d' ' -f3 || true)
    [[ -n "$ADDR" ]] && return 0
    sleep 0.05
  done
  echo "  could not start $2; see its log:" >&2
  cat "$log" >&2
  exit 1
}
bold() { printf '\n\033[1m%s\033[0m\n' "$1"; }

bold "12. The gateway: SDK traffic in, what policy allows out to the vendors (here: a sink)"
start "$tmp/sink.log" "$METAGATE" sink --listen 127.0.0.1:0 --out "$tmp/vendors.jsonl"
SINK=$ADDR
# The seed config with absolute paths, its upstreams at the sink and a data dir of its own.
awk -v seed="$SEED" -v sink="$SINK" -v data="$tmp/data" '
  /^  - id: / { vendor = $3 }
  /upstream:/ { sub(/"https:\/\/api.segment.io"/, "\"http://" sink "/" vendor "\"") }
  { gsub(/\[policies\/\]/, "[" seed "/policies/]"); gsub(/schema: \.\.\/\.\.\//, "schema: " seed "/../../");
    gsub(/file:keys\//, "file:" seed "/keys/"); print }
  END { print "data_dir: " data; print "governance: { flush_interval_ms: 300 }" }' "$SEED/metagate.yaml" >"$tmp/metagate.yaml"
export VENDOR_X_WRITE_KEY="${VENDOR_X_WRITE_KEY:-demo-vendor-x-write-key}"
export PRODUCT_ANALYTICS_WRITE_KEY="${PRODUCT_ANALYTICS_WRITE_KEY:-demo-product-analytics-key}"
start "$tmp/serve.log" "$METAGATE" serve --config "$tmp/metagate.yaml" --listen 127.0.0.1:0
GW=$ADDR
echo "  $ metagate serve --config examples/seed/metagate.yaml   (listening on $GW; spool in $tmp/data)"

post() {  # post TOKEN PATH BODY: prints the status
  curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $1" \
    -H 'Content-Type: application/json' --data "$3" "http://$GW$2"
}
sent=0
while IFS= read -r line; do
  post demo-analytics-pipeline-token /v/vendor-x/v1/track "$line" >/dev/null
  post demo-staging-pipeline-token /v/vendor-x/v1/track "$line" >/dev/null
  sent=$((sent + 2))
done <"$SEED/events/usage.jsonl"
while IFS= read -r line; do
  post demo-support-bot-token /v/product-analytics/v1/track "$line" >/dev/null
  sent=$((sent + 1))
done <"$SEED/events/genai.jsonl"
if [[ -f "$SHARED_SEGMENT" ]]; then  # labelled sample traffic, when ../shared is beside the repo
  while IFS= read -r line; do
    post demo-analytics-pipeline-token /v/vendor-x/v1/batch "$line" >/dev/null
    sent=$((sent + 1))
  done < <(grep '"batch"' "$SHARED_SEGMENT" | head -50)
fi
refused=$(post not-a-known-token /v/vendor-x/v1/track "$(head -1 "$SEED/events/usage.jsonl")")
sent=$((sent + 1))
echo "  sent $sent requests as the analytics pipeline, the staging pipeline and the support bot,"
echo "  and one with an unknown token (answered $refused)"

# Delivery is asynchronous (acknowledged once on disk): wait for the spools to drain.
for _ in $(seq 1 100); do
  curl -s "http://$GW/metrics" >"$tmp/metrics"
  if ! grep -qE '^metagate_spool_requests\{vendor="[^"]*"\} [1-9]' "$tmp/metrics"; then break; fi
  sleep 0.1
done
echo "  what the gateway decided (from its /metrics):"
awk '
  /^metagate_events_total/ { match($0, /integration="[^"]*"/); i = substr($0, RSTART + 13, RLENGTH - 14)
    match($0, /vendor="[^"]*"/); v = substr($0, RSTART + 8, RLENGTH - 9)
    match($0, /decision="[^"]*"/); d = substr($0, RSTART + 10, RLENGTH - 11)
    printf "    %-20s -> %-18s events %-8s %s\n", i, v, d, $2 }
  /^metagate_fields_total/ { match($0, /integration="[^"]*"/); i = substr($0, RSTART + 13, RLENGTH - 14)
    match($0, /vendor="[^"]*"/); v = substr($0, RSTART + 8, RLENGTH - 9)
    match($0, /form="[^"]*"/); f = substr($0, RSTART + 6, RLENGTH - 7)
    printf "    %-20s -> %-18s fields %-14s %s\n", i, v, f, $2 }
  /^metagate_requests_total.*status="401"/ { printf "    refused (unknown credential): %s request(s)\n", $2 }
  /^metagate_spool_delivered_total/ { match($0, /vendor="[^"]*"/); v = substr($0, RSTART + 8, RLENGTH - 9)
    printf "    delivered to %-18s %s request(s)\n", v, $2 }' "$tmp/metrics"
echo "  what vendor-x received for the first usage event (the sink's record, body only):"
grep '"path":"/vendor-x/v1/track"' "$tmp/vendors.jsonl" | head -1 | jq -r '.body' | sed 's/^/    /'

bold "13. The data map: every flow integration -> vendor -> event -> field, from the gateway's store"
sleep 0.6  # the gateway flushes its in-memory counts every 300 ms here (5 s by default)
"$METAGATE" map --config "$tmp/metagate.yaml" --format json >"$tmp/map.json"
echo "  $ metagate map --config examples/seed/metagate.yaml --format table"
echo "  ($(jq '.flows | length' "$tmp/map.json") flows; here the events and the fields that leave of two of them)"
jq -r '.flows[] | select(.event == "Report Exported" or .event == "llm_call") |
    select(.field == "" or .form != "dropped") |
    [.integration, .vendor, .event, (if .field == "" then "(event)" else .field end),
     (if .classes == "" then "-" else .classes end), (if .form == "" then "-" else .form end),
     .decision, (.count | tostring)] | @tsv' "$tmp/map.json" |
  awk -F'\t' '{ printf "    %-19s %-18s %-16s %-22s %-16s %-14s %-16s %s\n", $1, $2, $3, $4, $5, $6, $7, $8 }'
mkdir -p build/demo 2>/dev/null && html="$PWD/build/demo/metagate-map.html" || html="$tmp/map.html"
"$METAGATE" map --config "$tmp/metagate.yaml" --format html --out "$html"
echo "  the same map as one self-contained page (graph, sortable tables): $html"

bold "14. Something new: a field the catalog does not know is dropped and queued for approval"
new='{"type":"track","event":"Report Exported","userId":"u_9","messageId":"demo-new-field","properties":{"plan":"pro","billing_contact":"ops.lead@example.com"}}'
post demo-analytics-pipeline-token /v/vendor-x/v1/track "$new" >/dev/null
sleep 0.6
echo "  $ metagate approvals list --config examples/seed/metagate.yaml"
"$METAGATE" approvals list --config "$tmp/metagate.yaml" >"$tmp/approvals.txt"
echo "  ($(tail -1 "$tmp/approvals.txt"): every field the sample traffic carried outside the catalog;"
echo "   here the first few, and the new one)"
{ head -6 "$tmp/approvals.txt"; grep billing_contact "$tmp/approvals.txt"; } | cut -c1-150 | sed 's/^/  /'
id=$("$METAGATE" approvals list --config "$tmp/metagate.yaml" --format json |
  jq -r '.[] | select(.field == "properties.billing_contact") | .id')
echo "  (the example is masked: the value itself is never stored, logged or shown)"
echo "  $ metagate approvals approve $id --config examples/seed/metagate.yaml"
"$METAGATE" approvals approve "$id" --config "$tmp/metagate.yaml" --by demo | sed 's/^/  /'
sleep 1.2  # the gateway picks the decision up within a second and rebuilds its catalog
post demo-analytics-pipeline-token /v/vendor-x/v1/track "${new/demo-new-field/demo-after-approval}" >/dev/null
sleep 0.5
echo "  the same event sent again now leaves with the field in its permitted form:"
grep 'demo-after-approval' "$tmp/vendors.jsonl" | head -1 | jq -c '.body | fromjson | .properties' | sed 's/^/    /'

bold "15. The decision log: hash-chained, checkpoints signed with an HMAC key"
echo "  $ metagate audit verify --config examples/seed/metagate.yaml"
"$METAGATE" audit verify --config "$tmp/metagate.yaml" 2>&1 | sed 's/^/  /' || true
echo "  $ metagate audit search --kind approval_decided --config examples/seed/metagate.yaml"
"$METAGATE" audit search --kind approval_decided --config "$tmp/metagate.yaml" | cut -c1-200 | sed 's/^/  /'
if [[ -t 0 && -t 1 ]]; then
  echo
  echo "  The gateway stays up at http://$GW (try: curl http://$GW/metrics). Ctrl-C stops it."
  wait "${pids[1]}"
fi
