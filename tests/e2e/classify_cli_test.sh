#!/usr/bin/env bash
# End-to-end: `metagate classify` writes one labels line per body (an "error" line for a body
# that is not JSON, exit 1), rejects unknown formats and bad configs (exit 2, file:line:col),
# applies a config, and `--eval` scores labels against truth.
set -uo pipefail
METAGATE="$1"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
source "$(dirname "$0")/check_lib.sh"
cat >"$dir/events.jsonl" <<'JSON'
{"type":"identify","userId":"u_1","traits":{"email":"mia@example.org","badge":"B-77"}}
{"type":"track", "properties": {
{"type":"track","context":{"ip":"198.51.100.23"},"properties":{"version":"10.4.2.117"}}
JSON

"$METAGATE" classify --format segment "$dir/events.jsonl" >"$dir/out.jsonl" 2>"$dir/err"; rc=$?
check exit-1-on-bad-line "$([[ $rc -eq 1 ]] && echo 1)"
check one-line-per-body "$([[ $(wc -l <"$dir/out.jsonl") -eq 3 ]] && echo 1)"
check email-labelled "$(grep -q '"path":"/traits/email","classes":\["email"\]' "$dir/out.jsonl" && echo 1)"
check error-line "$(sed -n 2p "$dir/out.jsonl" | grep -q '"line":1,"fields":\[\],"error"' && echo 1)"
check stderr-names-line "$(grep -q 'line 1' "$dir/err" && echo 1)"
check version-not-ip "$(sed -n 3p "$dir/out.jsonl" | grep -q 'version' || echo 1)"
check no-value-in-error "$(grep -q 'properties' "$dir/err" || echo 1)"

# Bodies nested 10,000 deep or not UTF-8 get an error line each; the next body still goes.
{
  printf '%*s' 10000 '' | tr ' ' '['; printf '%*s\n' 10000 '' | tr ' ' ']'
  printf '{"properties":{"comment":"\xff\xfe bad"}}\n'
  sed -n 1p "$dir/events.jsonl"
} >"$dir/bad.jsonl"
out=$("$METAGATE" classify --format segment "$dir/bad.jsonl" 2>/dev/null); rc=$?
check hostile-bodies "$([[ $rc -eq 1 && $(grep -c '"error"' <<<"$out") -eq 2 && "$out" == *'"line":2,"fields":[{"path"'* ]] && echo 1)"

out=$(sed -n 1p "$dir/events.jsonl" | "$METAGATE" classify --format segment); rc=$?
check stdin "$([[ $rc -eq 0 && "$out" == '{"line":0,'* ]] && echo 1)"

err=$("$METAGATE" classify --format nope "$dir/events.jsonl" 2>&1 >/dev/null); rc=$?
check unknown-format "$([[ $rc -eq 2 && "$err" == *otlp-logs* ]] && echo 1)"
"$METAGATE" classify "$dir/events.jsonl" >/dev/null 2>&1; rc=$?
check format-required "$([[ $rc -eq 2 ]] && echo 1)"

printf 'classes:\n  - name: badge_id\n    ladder: [raw, hashed]\n' >"$dir/bad.yaml"
err=$("$METAGATE" classify --format segment --config "$dir/bad.yaml" "$dir/events.jsonl" 2>&1 >/dev/null); rc=$?
check config-error-location "$([[ $rc -eq 2 && "$err" == *"bad.yaml:3:"*hashed* ]] && echo 1)"

printf 'classes:\n  - name: badge_id\n    ladder: [pseudonymized]\nfield_names:\n  - names: [badge]\n    class: badge_id\n' >"$dir/good.yaml"
sed -n 1p "$dir/events.jsonl" | "$METAGATE" classify --format segment --config "$dir/good.yaml" >"$dir/cfg.jsonl"; rc=$?
check config-applied "$([[ $rc -eq 0 ]] && grep -q '"path":"/traits/badge","classes":\["badge_id"\]' "$dir/cfg.jsonl" && echo 1)"

out=$("$METAGATE" classify --taxonomy --config "$dir/good.yaml"); rc=$?
check taxonomy "$([[ $rc -eq 0 ]] && echo "$out" | grep -E -q '^email +direct_identifier, contact +raw, pseudonymized' && echo "$out" | grep -E -q '^badge_id +pseudonymized' && echo 1)"

sed -n 1p "$dir/out.jsonl" >"$dir/truth.jsonl"
sed -n 1p "$dir/out.jsonl" >"$dir/pred.jsonl"
report=$("$METAGATE" classify --eval --truth "$dir/truth.jsonl" "$dir/pred.jsonl"); rc=$?
check eval-perfect "$([[ $rc -eq 0 ]] && echo "$report" | grep -E -q '^OVERALL +[0-9]+ +[0-9]+ +0 +1.0000 +1.0000' && echo 1)"
printf '{"line":0,"fields":[]}\n' >"$dir/empty.jsonl"
report=$("$METAGATE" classify --eval --truth "$dir/truth.jsonl" "$dir/empty.jsonl"); rc=$?
check eval-misses "$([[ $rc -eq 0 ]] && echo "$report" | grep -E -q '^email +1 +0 +0 +1.0000 +0.0000' && echo 1)"
"$METAGATE" classify --eval --truth "$dir/truth.jsonl" "$dir/events.jsonl" >/dev/null 2>&1; rc=$?
check eval-bad-labels "$([[ $rc -eq 2 ]] && echo 1)"

# The quick-start sample: spans in the support message (name, card, phone), and the version,
# message id and order number (which look like an IP, a token and a card) stay unlabelled.
sample="$(dirname "$0")/../../examples/quickstart/segment-batch.jsonl"
out=$("$METAGATE" classify --format segment "$sample"); rc=$?
check sample-message "$([[ $rc -eq 0 && "$out" == *'"path":"/batch/0/properties/message","classes":["person_name","credit_card","phone"],"spans":[[12,22,"person_name"],[29,48,"credit_card"],[79,94,"phone"]]'* ]] && echo 1)"
check sample-negatives "$([[ "$out" != *app/version* && "$out" != *messageId* && "$out" != *order_id* && "$out" != *sentAt* ]] && echo 1)"

"$METAGATE" classify --help | grep -q -- "--eval"; rc=$?
check help "$([[ $rc -eq 0 ]] && echo 1)"
finish
