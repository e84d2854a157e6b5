#!/usr/bin/env bash
# End-to-end: examples/seed, the three day-one policies of DESIGN.md, each outcome asserted.
#   (a) policy B (a PDP policy set): its Cedar integration-test file passes and validates;
#   (b) policies A and C (egress): they validate against schema/egress.cedarschema, and Cedar's
#       answers to the pipeline's send_event/send_field questions are the ones the policies mean;
#   (c) the same through `metagate filter` with examples/seed/metagate.yaml on the sample events:
#       what leaves, in which form, and what the decision records say.
# Usage: seed_test.sh METAGATE SEED_DIR
set -uo pipefail
METAGATE="$1"
SEED="$2"
SCHEMA="$SEED/../../schema/egress.cedarschema"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
source "$(dirname "$0")/check_lib.sh"
if ! command -v jq >/dev/null; then
  echo "FAIL jq is not installed (scripts/deps.sh installs it)"
  exit 1
fi

echo "== (a) policy B: support agents export aggregated usage reports, never event logs with emails or IPs"
out=$("$METAGATE" cedar-test "$SEED/pdp/policy-b.test.json" 2>&1); rc=$?
printf '%s\n' "$out" | sed 's/^/    /'
check pdp-cedar-test-passes "$([[ $rc -eq 0 && "$out" == *"14 passed, 0 failed"* ]] && echo 1)"
check pdp-policies-entities-requests-validate "$([[ "$out" == *"policy sets 1 agree, 0 disagree; entity sets 1 valid, 0 invalid; requests 14 valid, 0 invalid"* ]] && echo 1)"
"$METAGATE" validate --schema "$SEED/pdp/schema.cedarschema" --policies "$SEED/pdp/policies.cedar" \
  --entities "$SEED/pdp/entities.json"; rc=$?
check pdp-validate "$([[ $rc -eq 0 ]] && echo 1)"

echo "== (b) policies A and C: validation and Cedar decisions"
n=0
for f in "$SEED"/policies/*.cedar; do
  "$METAGATE" validate --schema "$SCHEMA" --policies "$f"; rc=$?
  check "validate-$(basename "$f")" "$([[ $rc -eq 0 ]] && echo 1)"
  cat "$f" >>"$dir/egress.cedar"
  n=$((n + 1))
done
check egress-policy-files "$([[ $n -eq 2 ]] && echo 1)"
"$METAGATE" validate --schema "$SCHEMA" --policies "$dir/egress.cedar"; rc=$?
check validate-egress-policy-set "$([[ $rc -eq 0 ]] && echo 1)"

# The entities the pipeline builds from metagate.yaml (integrations, vendors) and the taxonomy
# (data classes), written out by hand here so that Cedar's answers can be checked on their own.
"$METAGATE" classify --taxonomy-entities >"$dir/taxonomy.json"
jq '. + [
  {uid: {type: "Integration", id: "analytics-pipeline"}, attrs: {kind: "service", environment: "production"},
   parents: [{type: "Role", id: "analytics-pipeline"}, {type: "Team", id: "data"}]},
  {uid: {type: "Integration", id: "staging-pipeline"}, attrs: {kind: "service", environment: "staging"},
   parents: [{type: "Role", id: "analytics-pipeline"}, {type: "Team", id: "data"}]},
  {uid: {type: "Integration", id: "web-sdk"}, attrs: {kind: "sdk", environment: "production"}, parents: []},
  {uid: {type: "Integration", id: "support-bot"}, attrs: {kind: "agent", environment: "production"},
   parents: [{type: "Role", id: "genai-tool"}, {type: "Team", id: "support"}]},
  {uid: {type: "Vendor", id: "vendor-x"}, attrs: {category: "analytics", residency: "eu", retention_days: 90,
   trains_on_customer_data: false, dpa_signed: true, soc2: true, format: "segment"},
   parents: [{type: "VendorCategory", id: "analytics"}]},
  {uid: {type: "Vendor", id: "product-analytics"}, attrs: {category: "analytics", residency: "us",
   retention_days: 365, trains_on_customer_data: false, dpa_signed: true, soc2: true, format: "segment"},
   parents: [{type: "VendorCategory", id: "analytics"}]}
]' "$dir/taxonomy.json" >"$dir/entities.json"
"$METAGATE" validate --schema "$SCHEMA" --policies "$dir/egress.cedar" --entities "$dir/entities.json"; rc=$?
check egress-entities-validate "$([[ $rc -eq 0 ]] && echo 1)"

# decide NAME WANT('ALLOW'|'DENY') WANT_POLICY('' or an @id that must determine it) INTEGRATION
#        VENDOR ENVIRONMENT [CLASS FORM]   (no CLASS: send_event; else send_field)
decide() {
  local name="$1" want="$2" policy="$3" principal="$4" vendor="$5" env="$6" cls="${7:-}" form="${8:-}"
  local action=send_event
  if [[ -n "$cls" ]]; then
    action=send_field
    jq -n --arg e "$env" --arg c "$cls" --arg f "$form" '{environment: $e, event: "Seed Event",
      path: "properties.x", class: {__entity: {type: "DataClass", id: $c}}, form: $f, format: "segment"}' \
      >"$dir/ctx.json"
  else
    jq -n --arg e "$env" '{environment: $e, event: "Seed Event", format: "segment"}' >"$dir/ctx.json"
  fi
  local out rc
  out=$("$METAGATE" authorize --schema "$SCHEMA" --policies "$dir/egress.cedar" \
    --entities "$dir/entities.json" --principal "Integration::\"$principal\"" \
    --action "Action::\"$action\"" --resource "Vendor::\"$vendor\"" --context "$dir/ctx.json" 2>&1)
  rc=$?
  local ok=1
  [[ $rc -eq 0 && "$(head -1 <<<"$out")" == "$want" ]] || ok=0
  [[ -z "$policy" || "$out" == *"\"$policy\""* ]] || ok=0
  [[ $ok -eq 1 ]] || printf '%s\n' "$out" | sed 's/^/    /'
  check "$name" "$([[ $ok -eq 1 ]] && echo 1)"
}
# Policy A.
decide A-pipeline-event-production ALLOW vendor-x-events-from-production-pipeline \
  analytics-pipeline vendor-x production
decide A-pipeline-event-staging DENY vendor-x-only-production-pipeline \
  staging-pipeline vendor-x staging
decide A-sdk-event DENY vendor-x-only-production-pipeline web-sdk vendor-x production
decide A-genai-tool-event DENY vendor-x-only-production-pipeline support-bot vendor-x production
decide A-raw-email DENY vendor-x-no-raw-identifiers analytics-pipeline vendor-x production email raw
decide A-pseudonymized-email ALLOW vendor-x-fields-from-production-pipeline \
  analytics-pipeline vendor-x production email pseudonymized
decide A-raw-user-id DENY vendor-x-no-raw-identifiers analytics-pipeline vendor-x production user_id raw
decide A-pseudonymized-user-id ALLOW vendor-x-fields-from-production-pipeline \
  analytics-pipeline vendor-x production user_id pseudonymized
decide A-raw-ip-address DENY vendor-x-no-raw-identifiers \
  analytics-pipeline vendor-x production ip_address raw
decide A-generalized-ip-address ALLOW vendor-x-fields-from-production-pipeline \
  analytics-pipeline vendor-x production ip_address generalized
decide A-raw-unclassified ALLOW vendor-x-fields-from-production-pipeline \
  analytics-pipeline vendor-x production unclassified raw
decide A-staging-field DENY vendor-x-only-production-pipeline \
  staging-pipeline vendor-x staging unclassified raw
# Policy C.
decide C-genai-event ALLOW genai-events-to-analytics support-bot product-analytics production
decide C-prompt-category ALLOW genai-prompt-categories-and-error-codes \
  support-bot product-analytics production prompt_category raw
decide C-error-code ALLOW genai-prompt-categories-and-error-codes \
  support-bot product-analytics production error_code raw
decide C-tenant-id-raw DENY genai-no-tenant-or-user-identifiers \
  support-bot product-analytics production tenant_id raw
decide C-tenant-id-pseudonymized DENY genai-no-tenant-or-user-identifiers \
  support-bot product-analytics production tenant_id pseudonymized
decide C-user-id-pseudonymized DENY genai-no-tenant-or-user-identifiers \
  support-bot product-analytics production user_id pseudonymized
decide C-model-name DENY "" support-bot product-analytics production model_name raw
decide C-unclassified DENY "" support-bot product-analytics production unclassified raw
decide C-sdk-event DENY "" web-sdk product-analytics production

echo "== (c) metagate filter with examples/seed/metagate.yaml on the sample events"
if ! "$METAGATE" filter --help >/dev/null 2>&1; then
  check filter-command-available ""
  finish
  exit
fi
export VENDOR_X_WRITE_KEY=demo-vendor-x-write-key
export PRODUCT_ANALYTICS_WRITE_KEY=demo-product-analytics-write-key
USAGE="$SEED/events/usage.jsonl"
GENAI="$SEED/events/genai.jsonl"

# run NAME INTEGRATION VENDOR INPUT: writes $dir/NAME.out (bodies), NAME.dec (decision records)
# and NAME.err; checks exit 0 and one decision record per input line.
run() {
  local name="$1"
  "$METAGATE" filter --config "$SEED/metagate.yaml" --integration "$2" --vendor "$3" \
    --decisions "$dir/$name.dec" <"$4" >"$dir/$name.out" 2>"$dir/$name.err"
  local rc=$?
  [[ $rc -eq 0 ]] || sed 's/^/    /' "$dir/$name.err"
  check "$name-exit-0" "$([[ $rc -eq 0 ]] && echo 1)"
  check "$name-one-decision-per-line" \
    "$([[ -f "$dir/$name.dec" && $(wc -l <"$dir/$name.dec") -eq $(wc -l <"$4") ]] && echo 1)"
}
# holds NAME FILE FILTER: the jq FILTER is true for every line of FILE (read as a stream of JSON
# values; `$in` is the matching line of INPUT when given as a 4th argument).
holds() {
  local name="$1" file="$2" filter="$3" input="${4:-}"
  local ok=1 i=0 line
  [[ -s "$file" ]] || ok=0
  while IFS= read -r line; do
    i=$((i + 1))
    local in='null'
    [[ -n "$input" ]] && in=$(sed -n "${i}p" "$input")
    jq -e --argjson in "$in" "$filter" <<<"$line" >/dev/null 2>&1 || ok=0
  done <"$file"
  [[ $ok -eq 1 ]] || { echo "    jq: $filter"; sed 's/^/    /' "$file"; }
  check "$name" "$([[ $ok -eq 1 ]] && echo 1)"
}
# field PATH: the decision record's entry for the field at RFC 6901 PATH.
field() { printf '(.fields[] | select(.path == "%s"))' "$1"; }
structural='(.type == $in.type and .event == $in.event and .messageId == $in.messageId and .timestamp == $in.timestamp)'

echo "-- A: analytics-pipeline -> vendor-x (production): leaves, identifiers pseudonymized"
run pipeline analytics-pipeline vendor-x "$USAGE"
check pipeline-every-event-leaves "$([[ $(wc -l <"$dir/pipeline.out") -eq 2 ]] && echo 1)"
holds pipeline-structural-fields-kept "$dir/pipeline.out" "$structural" "$USAGE"
holds pipeline-email-pseudonymized "$dir/pipeline.out" \
  '.context.traits.email | test("^ps_k1_[A-Za-z0-9_-]+$")'
holds pipeline-user-id-pseudonymized "$dir/pipeline.out" '.userId | test("^ps_k1_[A-Za-z0-9_-]+$")'
holds pipeline-plan-raw "$dir/pipeline.out" '.properties.plan == "pro"'
check pipeline-no-raw-email-or-user-id \
  "$(! grep -q -i -e 'mia.jensen@example.org' -e 'u_1842' "$dir/pipeline.out" "$dir/pipeline.dec" && echo 1)"
# The same person (e-mails are lowercased before the HMAC) has one pseudonym on both lines.
check pipeline-pseudonyms-stable "$(jq -s -e 'length == 2 and
  (map(.context.traits.email) | unique | length == 1) and (map(.userId) | unique | length == 1)' \
  "$dir/pipeline.out" >/dev/null && echo 1)"
holds pipeline-decision-event-allowed "$dir/pipeline.dec" '.events | length == 1 and
  (.[0] | .allowed == true and (.reasons | index("vendor-x-events-from-production-pipeline")))'
holds pipeline-decision-email "$dir/pipeline.dec" "$(field /context/traits/email) | .form == \"pseudonymized\"
  and .classes == [\"email\"] and .source == \"catalog\" and .pending == false
  and (.reasons | index(\"vendor-x-fields-from-production-pipeline\"))"
holds pipeline-decision-user-id "$dir/pipeline.dec" \
  "$(field /userId) | .form == \"pseudonymized\" and .classes == [\"user_id\"]"
holds pipeline-decision-plan "$dir/pipeline.dec" \
  "$(field /properties/plan) | .form == \"raw\" and (.classes == [\"unclassified\"] or .classes == [])"
holds pipeline-decision-nothing-identifying-raw "$dir/pipeline.dec" \
  '[.fields[] | select(.form == "raw" and (.classes | index("email") or index("user_id")))] | length == 0'

echo "-- A: staging-pipeline -> vendor-x: blocked (not production)"
run staging staging-pipeline vendor-x "$USAGE"
check staging-nothing-leaves "$([[ ! -s "$dir/staging.out" ]] && echo 1)"
holds staging-decision-blocked "$dir/staging.dec" '.events | length == 1 and (.[0] | .allowed == false
  and .why == "policy" and (.reasons | index("vendor-x-only-production-pipeline")))'

echo "-- A: web-sdk -> vendor-x: blocked (not the analytics pipeline)"
run sdk web-sdk vendor-x "$USAGE"
check sdk-nothing-leaves "$([[ ! -s "$dir/sdk.out" ]] && echo 1)"
holds sdk-decision-blocked "$dir/sdk.dec" '.events | length == 1 and (.[0] | .allowed == false
  and .why == "policy" and (.reasons | index("vendor-x-only-production-pipeline")))'

echo "-- A over C: support-bot -> vendor-x: blocked (only the pipeline reaches vendor-x)"
run bot-x support-bot vendor-x "$GENAI"
check bot-x-nothing-leaves "$([[ ! -s "$dir/bot-x.out" ]] && echo 1)"
holds bot-x-decision-blocked "$dir/bot-x.dec" \
  '.events[0] | .allowed == false and (.reasons | index("vendor-x-only-production-pipeline"))'

echo "-- C: support-bot -> product-analytics: only prompt_category and error_code remain"
run bot support-bot product-analytics "$GENAI"
check bot-every-event-leaves "$([[ $(wc -l <"$dir/bot.out") -eq 2 ]] && echo 1)"
holds bot-structural-fields-kept "$dir/bot.out" "$structural" "$GENAI"
holds bot-only-category-and-error-code "$dir/bot.out" \
  '(.properties | keys) == ["error_code", "prompt_category"]
   and .properties.prompt_category == $in.properties.prompt_category
   and .properties.error_code == $in.properties.error_code' "$GENAI"
holds bot-nothing-else "$dir/bot.out" \
  '(keys - ["type", "event", "messageId", "timestamp"]) == ["properties"]'
check bot-no-tenant-user-or-model-value \
  "$(! grep -q -e t_acme -e t_globex -e u_1842 -e u_2051 -e gpt-4o "$dir/bot.out" "$dir/bot.dec" && echo 1)"
holds bot-decision-event-allowed "$dir/bot.dec" \
  '.events[0] | .allowed == true and (.reasons | index("genai-events-to-analytics"))'
holds bot-decision-category-raw "$dir/bot.dec" "$(field /properties/prompt_category) | .form == \"raw\"
  and (.reasons | index(\"genai-prompt-categories-and-error-codes\"))"
holds bot-decision-error-code-raw "$dir/bot.dec" "$(field /properties/error_code) | .form == \"raw\""
holds bot-decision-tenant-id-dropped "$dir/bot.dec" \
  "$(field /properties/tenant_id) | .form == \"dropped\" and .classes == [\"tenant_id\"]"
holds bot-decision-user-id-dropped "$dir/bot.dec" "$(field /userId) | .form == \"dropped\""
holds bot-decision-model-dropped "$dir/bot.dec" "$(field /properties/model) | .form == \"dropped\""
finish
