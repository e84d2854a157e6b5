#!/usr/bin/env bash
# End-to-end: `metagate validate` prints findings as FILE:line:col: policyN: message and exits
# 0 when clean, 1 on findings, 2 on bad input.
set -uo pipefail
METAGATE="$1"
FX="$2"
failures=0
expect() {
  local name="$1" want_rc="$2" want_text="$3"
  shift 3
  local out rc
  out=$("$METAGATE" validate "$@" 2>&1)
  rc=$?
  if [[ $rc -ne $want_rc || "$out" != *"$want_text"* ]]; then
    echo "FAIL $name: want rc=$want_rc and '$want_text'; got rc=$rc:"
    printf '%s\n' "$out" | sed 's/^/    /'
    failures=$((failures + 1))
  else
    echo "ok   $name"
  fi
}
S="$FX/schema.cedarschema"
expect clean 0 "" --schema "$S" --policies "$FX/clean.cedar"
expect clean-entities 0 "" --schema "$S" --policies "$FX/clean.cedar" --entities "$FX/entities.json"
expect optional-attribute 1 "$FX/findings.cedar:5:8: policy1: unable to guarantee safety of access to optional attribute \`age\`" --schema "$S" --policies "$FX/findings.cedar"
expect unknown-action 1 "policy2: unrecognized action Action::\"edit\"" --schema "$S" --policies "$FX/findings.cedar"
expect invalid-entities 1 "entities-invalid.json:1:" --schema "$S" --policies "$FX/clean.cedar" --entities "$FX/entities-invalid.json"
expect syntax-error 2 "syntax-error.cedar" --schema "$S" --policies "$FX/syntax-error.cedar"
expect missing-schema 2 "" --schema "$FX/nope.cedarschema" --policies "$FX/clean.cedar"
expect usage 2 "--schema" --policies "$FX/clean.cedar"
expect help 0 "strict mode" --help
echo "$((9 - failures)) passed, $failures failed"
[[ $failures -eq 0 ]]
