#!/usr/bin/env bash
# End-to-end: `metagate translate` converts the quickstart policies and schema to JSON and back,
# and the results still decide and validate like the originals; bad input exits 2 with a place.
set -uo pipefail
METAGATE="$1"
EX="$2"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
total=0
ok() { total=$((total + 1)); echo "ok   $1"; }
bad() { total=$((total + 1)); failures=$((failures + 1)); echo "FAIL $1"; }

"$METAGATE" translate --to json "$EX/policies.cedar" >"$tmp/p.json" &&
  grep -q '"staticPolicies"' "$tmp/p.json" && ok policies-to-json || bad policies-to-json
"$METAGATE" translate --to cedar "$tmp/p.json" >"$tmp/p2.cedar" && ok json-to-policies ||
  bad json-to-policies
"$METAGATE" translate --to json "$EX/schema.cedarschema" >"$tmp/s.json" &&
  grep -q '"entityTypes"' "$tmp/s.json" && ok schema-to-json || bad schema-to-json
"$METAGATE" translate --to cedar "$tmp/s.json" >"$tmp/s2.cedarschema" && ok json-to-schema ||
  bad json-to-schema

# The translated policies and schema decide every quickstart request as the originals do.
decide() {  # policies schema principal action resource context
  "$METAGATE" authorize --policies "$1" --schema "$2" --entities "$EX/entities.json" \
    --principal "$3" --action "$4" --resource "$5" --context <(printf '%s' "$6") 2>&1 |
    grep -oE '^(ALLOW|DENY)|policy[0-9]+' | paste -sd' ' -
}
while IFS='|' read -r p a r c; do
  want=$(decide "$EX/policies.cedar" "$EX/schema.cedarschema" "$p" "$a" "$r" "$c")
  got=$(decide "$tmp/p2.cedar" "$tmp/s2.cedarschema" "$p" "$a" "$r" "$c")
  if [[ -n "$want" && "$want" == "$got" ]]; then ok "same decision: $want"; else
    bad "decision changed for $p $a: '$want' vs '$got'"; fi
done <<'REQ'
Integration::"events-exporter"|Action::"send_event"|Vendor::"mixpanel"|{"environment":"production","event":"e"}
Integration::"events-exporter"|Action::"send_field"|Vendor::"mixpanel"|{"environment":"production","event":"e","field":"f","data_class":{"type":"DataClass","id":"email"},"form":"raw"}
Integration::"support-copilot"|Action::"send_event"|Vendor::"cheap-llm"|{"environment":"production","event":"e"}
REQ

"$METAGATE" validate --schema "$tmp/s2.cedarschema" --policies "$tmp/p2.cedar" >/dev/null 2>&1 &&
  ok translated-validate || bad translated-validate

printf '{"staticPolicies": {"p": {"effect": "permit", "principal": 7}}}' >"$tmp/bad.json"
out=$("$METAGATE" translate --to cedar "$tmp/bad.json" 2>&1)
rc=$?
if [[ $rc -eq 2 && "$out" == *"bad.json:1:"* ]]; then ok "bad-json ($out)"; else
  bad "bad-json: want rc 2 and bad.json:1:C, got rc=$rc: $out"; fi

echo "$((total - failures)) passed, $failures failed"
[[ $failures -eq 0 ]]
