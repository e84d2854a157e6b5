#!/usr/bin/env bash
# The quick-start demo: real decisions of `metagate authorize` on this folder's example.
set -euo pipefail
METAGATE="${1:-metagate}"
HERE="$(dirname "$0")"

ask() {
  local title="$1" principal="$2" action="$3" resource="$4" context="$5"
  printf '\n\033[1m%s\033[0m\n' "$title"
  printf "  $ metagate authorize --principal '%s' --action '%s' --resource '%s'\n" \
    "$principal" "$action" "$resource"
  printf '    context: %s\n' "$context"
  "$METAGATE" authorize \
    --schema "$HERE/schema.cedarschema" \
    --policies "$HERE/policies.cedar" \
    --entities "$HERE/entities.json" \
    --principal "$principal" --action "$action" --resource "$resource" \
    --context <(printf '%s' "$context") | sed 's/^/  /'
}

echo "metagate quick start: what leaves, and what policy lets leave (examples/quickstart/)"

printf '\n\033[1m%s\033[0m\n' "0. Classify a Segment batch: every field that carries governed data, and what it is"
echo "  $ metagate classify --format segment examples/quickstart/segment-batch.jsonl"
echo "    (the version that looks like an IP, the message id and the order number stay unlabelled)"
"$METAGATE" classify --format segment "$HERE/segment-batch.jsonl" |
  sed -e 's/"fields":\[/"fields":[\n    /' -e 's/},{"path"/},\n    {"path"/g' | sed 's/^{"line"/  {"line"/'

ask "1. The analytics pipeline sends a usage event to Mixpanel from production" \
  'Integration::"events-exporter"' 'Action::"send_event"' 'Vendor::"mixpanel"' \
  '{"environment": "production", "event": "page_view"}'

ask "2. The same event from staging: no policy permits it" \
  'Integration::"events-exporter"' 'Action::"send_event"' 'Vendor::"mixpanel"' \
  '{"environment": "staging", "event": "page_view"}'

ask "3. A raw email field to an analytics vendor" \
  'Integration::"events-exporter"' 'Action::"send_field"' 'Vendor::"mixpanel"' \
  '{"environment": "production", "event": "signup", "field": "properties.email",
    "data_class": {"type": "DataClass", "id": "email"}, "form": "raw"}'

ask "4. The same email, pseudonymized (keyed HMAC)" \
  'Integration::"events-exporter"' 'Action::"send_field"' 'Vendor::"mixpanel"' \
  '{"environment": "production", "event": "signup", "field": "properties.email",
    "data_class": {"type": "DataClass", "id": "email"}, "form": "pseudonymized"}'

ask "5. A GenAI tool logs a prompt category to analytics" \
  'Integration::"support-copilot"' 'Action::"send_field"' 'Vendor::"mixpanel"' \
  '{"environment": "production", "event": "llm_call", "field": "properties.prompt_category",
    "data_class": {"type": "DataClass", "id": "prompt_category"}, "form": "raw"}'

ask "6. The GenAI tool tries to log a tenant id: dropped by default deny" \
  'Integration::"support-copilot"' 'Action::"send_field"' 'Vendor::"mixpanel"' \
  '{"environment": "production", "event": "llm_call", "field": "properties.tenant_id",
    "data_class": {"type": "DataClass", "id": "tenant_id"}, "form": "pseudonymized"}'

ask "7. Anything to an LLM vendor that trains on customer data without a DPA" \
  'Integration::"support-copilot"' 'Action::"send_event"' 'Vendor::"cheap-llm"' \
  '{"environment": "production", "event": "llm_call"}'

# The egress pipeline on examples/seed: whole request bodies in, what may leave out.
SEED="$HERE/../seed"
export VENDOR_X_WRITE_KEY="${VENDOR_X_WRITE_KEY:-demo-vendor-x-write-key}"
export PRODUCT_ANALYTICS_WRITE_KEY="${PRODUCT_ANALYTICS_WRITE_KEY:-demo-product-analytics-key}"
filter() {
  local title="$1" integration="$2" vendor="$3" events="$4"
  local decisions
  decisions="$(mktemp)"
  printf '\n\033[1m%s\033[0m\n' "$title"
  echo "  $ metagate filter --config examples/seed/metagate.yaml --integration $integration --vendor $vendor < examples/seed/events/$events"
  echo "  in:"
  head -1 "$SEED/events/$events" | sed 's/^/    /'
  echo "  out:"
  "$METAGATE" filter --config "$SEED/metagate.yaml" --integration "$integration" \
    --vendor "$vendor" --decisions "$decisions" <"$SEED/events/$events" >"$decisions.out"
  head -1 "$decisions.out" | sed 's/^/    /'
  head -1 "$decisions" | jq -r '
    if .forwarded then empty else "    (nothing leaves: the event is blocked)" end,
    "  decisions for line 1:",
    (.events[] | "    event \"\(.name)\": \(if .allowed then "allowed" else "blocked (\(.why))" end) by \(.reasons | join(", "))"),
    (.fields[] | select(.source != "structural") |
      "    \(.path)  \(.classes | join(","))  -> \(.form)  [\(.reasons | join(", "))]")'
  rm -f "$decisions" "$decisions.out"
}

filter "8. The analytics pipeline sends usage events to Vendor X: identifiers leave pseudonymized" \
  analytics-pipeline vendor-x usage.jsonl
filter "9. The same events from the staging pipeline: blocked (policy A: production only)" \
  staging-pipeline vendor-x usage.jsonl
filter "10. The GenAI support bot to product analytics: only prompt category and error code (policy C)" \
  support-bot product-analytics genai.jsonl

printf '\n\033[1m%s\033[0m\n' "11. Why does the e-mail leave pseudonymized?"
echo '  $ metagate explain --config examples/seed/metagate.yaml --integration analytics-pipeline --vendor vendor-x --event "Report Exported" --path context.traits.email'
"$METAGATE" explain --config "$SEED/metagate.yaml" --integration analytics-pipeline \
  --vendor vendor-x --event "Report Exported" --path context.traits.email | sed 's/^/  /'
bash "$HERE/gateway_demo.sh" "$METAGATE"
