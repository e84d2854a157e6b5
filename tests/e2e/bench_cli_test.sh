#!/usr/bin/env bash
# End-to-end: `metagate bench` checks decisions before timing them, reports load figures and
# prints `decisions/s N p50_ns N p99_ns N` last; bad input gets a clear error and exit 2.
set -uo pipefail
METAGATE="$1"
FX="$2"  # tests/fixtures
source "$(dirname "$0")/check_lib.sh"
use_tmp

out=$("$METAGATE" bench "$FX/cedar-test/pass.json" --seconds 0.3 2>"$tmp/err")
rc=$?
check "pass-exits-0" "$([[ $rc -eq 0 ]] && echo 1)"
last=$(printf '%s\n' "$out" | tail -1)
check "last-line-format" "$([[ "$last" =~ ^decisions/s\ ([0-9]+)\ p50_ns\ ([0-9]+)\ p99_ns\ ([0-9]+)$ ]] && echo 1)"
read -r _ rate _ p50 _ p99 <<<"$last"
check "numbers-positive" "$([[ ${rate:-0} -gt 0 && ${p50:-0} -gt 0 && ${p99:-0} -ge ${p50:-1} ]] && echo 1)"
loaded=$(printf '%s\n' "$out" | grep '^loaded ')
# policies.cedar is 118 bytes and entities.json 71 (the files' sizes, not a figure of the code).
check "loaded-sizes" "$([[ "$loaded" =~ ^loaded\ policies_bytes\ $(wc -c <"$FX/cedar-test/policies.cedar")\ entities_bytes\ $(wc -c <"$FX/cedar-test/entities.json")\ rss_bytes\ [1-9][0-9]*\ load_ms\ [0-9]+$ ]] && echo 1)"
check "rss-after-trim-line" "$(printf '%s\n' "$out" | grep -qE '^rss_after_trim_bytes [1-9][0-9]*$' && echo 1)"
check "timer-line" "$(printf '%s\n' "$out" | grep -qE '^timer_ns [0-9]+$' && echo 1)"
timed=$(printf '%s\n' "$out" | grep '^timed ')
read -r _ _ decisions _ _ _ samples _ allowed <<<"$timed"
check "decisions-counted" "$([[ ${decisions:-0} -gt 0 && ${samples:-0} -gt 0 && ${samples:-0} -le ${decisions:-0} ]] && echo 1)"
# Round-robin over one allowed and one denied request: half the decisions allow (+-1).
check "round-robin" "$([[ $((2 * ${allowed:-0} - ${decisions:-0})) -ge -1 && $((2 * ${allowed:-0} - ${decisions:-0})) -le 1 ]] && echo 1)"
check "checked-both" "$(printf '%s\n' "$out" | grep -q '^checked 2 expectations (0 requests' && echo 1)"

out=$("$METAGATE" bench "$FX/bench/mixed.json" --seconds 0.1 2>&1)
rc=$?
check "no-expectation-just-runs" "$([[ $rc -eq 0 && "$out" == *"checked 1 expectations (1 requests without one)"* ]] && echo 1)"

out=$("$METAGATE" bench "$FX/cedar-test/fail.json" --seconds 0.1 2>&1)
rc=$?
check "wrong-expectation-exit-1" "$([[ $rc -eq 1 ]] && echo 1)"
check "wrong-expectation-named" "$([[ "$out" == *'MISMATCH fail.json [request 0 "wrong expectation on purpose"]: expected allow'* ]] && echo 1)"
check "wrong-expectation-not-timed" "$([[ "$out" != *"decisions/s"* ]] && echo 1)"

out=$("$METAGATE" bench "$tmp/nope.json" 2>&1)
rc=$?
check "missing-file" "$([[ $rc -eq 2 && "$out" == *"nope.json"*"cannot open"* ]] && echo 1)"

printf '{"policies": "p.cedar",\n  "entities": }\n' >"$tmp/bad.json"
out=$("$METAGATE" bench "$tmp/bad.json" 2>&1)
rc=$?
check "bad-json-line-col" "$([[ $rc -eq 2 && "$out" == *"bad.json: 2:"* ]] && echo 1)"

printf 'permit(principal, action, resource) when { principal. };\n' >"$tmp/p.cedar"
echo '[]' >"$tmp/e.json"
echo '{"policies": "p.cedar", "entities": "e.json", "requests": []}' >"$tmp/badpolicy.json"
out=$("$METAGATE" bench "$tmp/badpolicy.json" 2>&1)
rc=$?
check "bad-policy-file-line-col" "$([[ $rc -eq 2 && "$out" == *"p.cedar:1:"* ]] && echo 1)"

echo 'permit(principal, action, resource);' >"$tmp/p.cedar"
out=$("$METAGATE" bench "$tmp/badpolicy.json" 2>&1)
rc=$?
check "no-requests" "$([[ $rc -eq 2 && "$out" == *"no requests"* ]] && echo 1)"

out=$("$METAGATE" bench --help 2>&1)
rc=$?
check "help" "$([[ $rc -eq 0 && "$out" == *"decisions/s N p50_ns N p99_ns N"* && "$out" == *"timer_ns"* ]] && echo 1)"
"$METAGATE" bench "$FX/cedar-test/pass.json" --seconds -1 >/dev/null 2>&1
check "usage-error-exit-2" "$([[ $? -eq 2 ]] && echo 1)"
"$METAGATE" bench >/dev/null 2>&1
check "no-file-exit-2" "$([[ $? -eq 2 ]] && echo 1)"
finish
