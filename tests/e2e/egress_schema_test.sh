#!/usr/bin/env bash
# End-to-end: schema/egress.cedarschema with the classifier's taxonomy as DataClass entities.
# Policies written against it validate, a misspelled context attribute is caught, and a forbid
# on a taxonomy group (`context.class in DataClass::"direct_identifier"`) reaches its classes.
set -uo pipefail
METAGATE="$1"
SCHEMA="$2"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
source "$(dirname "$0")/check_lib.sh"
cat >"$dir/policies.cedar" <<'CEDAR'
permit (principal in Role::"analytics-pipeline", action == Action::"send_field",
        resource in VendorCategory::"analytics")
when { context.environment == "production" };

forbid (principal, action == Action::"send_field", resource in VendorCategory::"analytics")
when { context.class in DataClass::"direct_identifier" && context.form == "raw" };

permit (principal, action == Action::"send_event", resource)
when { principal.environment == context.environment && resource.dpa_signed };
CEDAR
"$METAGATE" classify --taxonomy-entities >"$dir/taxonomy.json"
# Taxonomy entities plus one integration, its role and one vendor in one array.
{
  sed '$ s/]$/,/' "$dir/taxonomy.json"
  cat <<'JSON'
 {"uid":{"type":"Role","id":"analytics-pipeline"},"attrs":{},"parents":[]},
 {"uid":{"type":"Integration","id":"events-exporter"},"attrs":{"kind":"service","environment":"production"},"parents":[{"type":"Role","id":"analytics-pipeline"}]},
 {"uid":{"type":"VendorCategory","id":"analytics"},"attrs":{},"parents":[]},
 {"uid":{"type":"Vendor","id":"mixpanel"},"attrs":{"category":"analytics","residency":"us","retention_days":365,"trains_on_customer_data":false,"dpa_signed":true,"soc2":true,"format":"mixpanel"},"parents":[{"type":"VendorCategory","id":"analytics"}]}
]
JSON
} >"$dir/entities.json"

"$METAGATE" validate --schema "$SCHEMA" --policies "$dir/policies.cedar" --entities "$dir/entities.json"; rc=$?
check policies-and-entities-validate "$([[ $rc -eq 0 ]] && echo 1)"

sed 's/context.class in/context.klass in/' "$dir/policies.cedar" >"$dir/typo.cedar"
"$METAGATE" validate --schema "$SCHEMA" --policies "$dir/typo.cedar" >/dev/null; rc=$?
check misspelled-context-attribute "$([[ $rc -eq 1 ]] && echo 1)"

field() {  # class form -> decision
  printf '{"environment":"production","event":"signup","path":"/properties/x","class":{"__entity":{"type":"DataClass","id":"%s"}},"form":"%s","format":"mixpanel"}' "$1" "$2" >"$dir/ctx.json"
  "$METAGATE" authorize --schema "$SCHEMA" --policies "$dir/policies.cedar" \
    --entities "$dir/entities.json" --principal 'Integration::"events-exporter"' \
    --action 'Action::"send_field"' --resource 'Vendor::"mixpanel"' --context "$dir/ctx.json" | head -1
}
check raw-email-denied "$([[ "$(field email raw)" == DENY ]] && echo 1)"
check pseudonymized-email-allowed "$([[ "$(field email pseudonymized)" == ALLOW ]] && echo 1)"
check raw-national-id-denied "$([[ "$(field national_id raw)" == DENY ]] && echo 1)"
check raw-prompt-category-allowed "$([[ "$(field prompt_category raw)" == ALLOW ]] && echo 1)"

printf '{"environment":"production","event":"signup","format":"mixpanel"}' >"$dir/ev.json"
out=$("$METAGATE" authorize --schema "$SCHEMA" --policies "$dir/policies.cedar" \
  --entities "$dir/entities.json" --principal 'Integration::"events-exporter"' \
  --action 'Action::"send_event"' --resource 'Vendor::"mixpanel"' --context "$dir/ev.json" | head -1)
check event-allowed-by-attributes "$([[ "$out" == ALLOW ]] && echo 1)"
finish
