#!/usr/bin/env bash
# End-to-end: `metagate authorize` on examples/quickstart gives the decisions and determining
# policies that Cedar 4.12 (cedar-wasm) gives for the same seven requests, and bad input exits 2
# with a located message.
set -uo pipefail
METAGATE="$1"
EX="$2"
failures=0
check() {
  local name="$1" expect_decision="$2" expect_reason="$3" principal="$4" action="$5" resource="$6" ctx="$7"
  local out
  out=$("$METAGATE" authorize --schema "$EX/schema.cedarschema" --policies "$EX/policies.cedar" \
    --entities "$EX/entities.json" --principal "$principal" --action "$action" \
    --resource "$resource" --context <(printf '%s' "$ctx") 2>&1)
  local rc=$?
  local decision reasons
  decision=$(printf '%s\n' "$out" | head -1)
  reasons=$(printf '%s\n' "$out" | grep -oE '^    policy[0-9]+' | tr -d ' ' | paste -sd, -)
  if [[ $rc -ne 0 || "$decision" != "$expect_decision" || "$reasons" != "$expect_reason" ]]; then
    echo "FAIL $name: expected $expect_decision [$expect_reason], got rc=$rc $decision [$reasons]"
    printf '%s\n' "$out" | sed 's/^/    /'
    failures=$((failures + 1))
  else
    echo "ok   $name"
  fi
}
EXP='Integration::"events-exporter"'
COP='Integration::"support-copilot"'
MIX='Vendor::"mixpanel"'
check prod-event ALLOW policy0 "$EXP" 'Action::"send_event"' "$MIX" '{"environment":"production","event":"e"}'
check staging-event DENY "" "$EXP" 'Action::"send_event"' "$MIX" '{"environment":"staging","event":"e"}'
check raw-email DENY policy2 "$EXP" 'Action::"send_field"' "$MIX" \
  '{"environment":"production","event":"e","field":"f","data_class":{"type":"DataClass","id":"email"},"form":"raw"}'
check pseudonymized-email ALLOW policy1 "$EXP" 'Action::"send_field"' "$MIX" \
  '{"environment":"production","event":"e","field":"f","data_class":{"type":"DataClass","id":"email"},"form":"pseudonymized"}'
check genai-category ALLOW policy3 "$COP" 'Action::"send_field"' "$MIX" \
  '{"environment":"production","event":"e","field":"f","data_class":{"type":"DataClass","id":"prompt_category"},"form":"raw"}'
check genai-tenant DENY "" "$COP" 'Action::"send_field"' "$MIX" \
  '{"environment":"production","event":"e","field":"f","data_class":{"type":"DataClass","id":"tenant_id"},"form":"pseudonymized"}'
check training-vendor DENY policy4 "$COP" 'Action::"send_event"' 'Vendor::"cheap-llm"' \
  '{"environment":"production","event":"e"}'

# Bad input: exit 2 and a message with file:line:column, never a crash.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf 'permit(principal, action, resource)\nwhen { principal.x == };\n' >"$tmp/bad.cedar"
out=$("$METAGATE" authorize --policies "$tmp/bad.cedar" --entities "$EX/entities.json" \
  --principal 'User::"a"' --action 'Action::"b"' --resource 'R::"c"' 2>&1)
rc=$?
if [[ $rc -ne 2 || "$out" != *"bad.cedar:2:"* ]]; then
  echo "FAIL bad-policy: expected exit 2 and a bad.cedar:2:C location, got rc=$rc: $out"
  failures=$((failures + 1))
else
  echo "ok   bad-policy ($out)"
fi
printf '[{"uid": {"type": "User", "id": "a"}, "attrs": {"n": 1.5}}]' >"$tmp/bad.json"
out=$("$METAGATE" authorize --policies "$EX/policies.cedar" --entities "$tmp/bad.json" \
  --principal 'User::"a"' --action 'Action::"b"' --resource 'R::"c"' 2>&1)
rc=$?
if [[ $rc -ne 2 || "$out" != *"bad.json:1:"* ]]; then
  echo "FAIL bad-entities: expected exit 2 and a bad.json:1:C location, got rc=$rc: $out"
  failures=$((failures + 1))
else
  echo "ok   bad-entities ($out)"
fi
out=$("$METAGATE" authorize --policies "$EX/policies.cedar" --entities "$EX/entities.json" \
  --principal 'User::alice' --action 'Action::"b"' --resource 'R::"c"' 2>&1)
rc=$?
if [[ $rc -ne 2 || "$out" != *"--principal"* ]]; then
  echo "FAIL bad-uid: expected exit 2 naming --principal, got rc=$rc: $out"
  failures=$((failures + 1))
else
  echo "ok   bad-uid ($out)"
fi
# The whole demo (`make demo`) runs to its end and shows the egress pipeline's real decisions,
# then the gateway's: requests through `metagate serve` to a sink, refused, blocked, delivered.
out=$(env -u VENDOR_X_WRITE_KEY -u PRODUCT_ANALYTICS_WRITE_KEY bash "$EX/demo.sh" "$METAGATE" 2>&1)
rc=$?
if [[ $rc -ne 0 || "$out" != *'"email":"ps_k1_'* || "$out" != *"(nothing leaves: the event is blocked)"* ||
  "$out" != *"/properties/tenant_id  tenant_id  -> dropped"* || "$out" != *"result   pseudonymized"* ||
  "$out" != *"and one with an unknown token (answered 401)"* ||
  "$out" != *"staging-pipeline     -> vendor-x           events blocked  2"* ||
  "$out" != *"delivered to product-analytics  2 request(s)"* ||
  "$out" != *'"userId":"ps_k1_'* ]]; then
  echo "FAIL demo: rc=$rc"
  printf '%s\n' "$out" | tail -30 | sed 's/^/    /'
  failures=$((failures + 1))
else
  echo "ok   demo"
fi
echo "$((11 - failures)) passed, $failures failed"
[[ $failures -eq 0 ]]
