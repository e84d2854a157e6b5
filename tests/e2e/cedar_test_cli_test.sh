#!/usr/bin/env bash
# End-to-end: `metagate cedar-test` reports mismatches, counts requests, and applies the
# shrinking known-failures rule (fail on an unlisted failure and on a listed file that passes).
set -uo pipefail
METAGATE="$1"
FX="$2"
failures=0
expect() {
  local name="$1" want_rc="$2" want_text="$3"
  shift 3
  local out rc
  out=$("$METAGATE" cedar-test --root "$FX" "$@" 2>&1)
  rc=$?
  if [[ $rc -ne $want_rc || "$out" != *"$want_text"* ]]; then
    echo "FAIL $name: want rc=$want_rc and '$want_text'; got rc=$rc:"
    printf '%s\n' "$out" | sed 's/^/    /'
    failures=$((failures + 1))
  else
    echo "ok   $name"
  fi
}
expect pass-file 0 "2 passed, 0 failed" "$FX/pass.json"
expect fail-file 1 "expected allow reasons {policy0} errors {}; got deny reasons {} errors {policy1}" "$FX/fail.json"
expect summary-counts-requests 1 "2 passed, 1 failed" "$FX/pass.json" "$FX/fail.json"
expect listed-failure-ok 0 "1 known, 0 unexpected" --known-failures "$FX/known/fail-listed.txt" "$FX/pass.json" "$FX/fail.json"
expect listed-pass-fails 1 "FIXED pass.json" --known-failures "$FX/known/pass-listed.txt" "$FX/pass.json" "$FX/fail.json"
expect unlisted-failure-fails 1 "0 known, 1 unexpected" --known-failures "$FX/known/empty.txt" "$FX/pass.json" "$FX/fail.json"
expect missing-file 1 "cannot open" "$FX/nope.json"
expect should-validate-mismatch 1 "expected the policies to validate; got 1 finding" "$FX/validate-expected-ok.json"
expect should-validate-agrees 0 "policy sets 1 agree, 0 disagree" "$FX/validate-expected-fail.json"
expect validate-request-false-skips 0 "requests 1 valid, 0 invalid" "$FX/validate-expected-fail.json"
expect request-invalid 1 "the request does not validate against the schema: resource type \`User\`" "$FX/request-invalid.json"
expect entities-invalid 1 "entity sets 0 valid, 1 invalid" "$FX/entities-invalid.json"
echo "$((12 - failures)) passed, $failures failed"
[[ $failures -eq 0 ]]
