#!/usr/bin/env bash
# End-to-end: `metagate filter` on a stream that mixes the seed's good Segment events with bad
# lines (malformed JSON, bodies of the wrong format, 10,000-deep nesting, a 10 MB string,
# invalid UTF-8, a duplicate key, an empty line). Asserted: exit 1 without a signal or a hang;
# every good line still gives its output line, byte for byte the output it gives alone
# (pseudonymized); one `line N:` error per bad line with the right N; no error quotes the body.
# The big lines are generated here into a temporary folder.
# Usage: filter_bad_input_test.sh METAGATE SEED_DIR
set -uo pipefail
METAGATE="$1"
SEED="$2"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
source "$(dirname "$0")/check_lib.sh"
export VENDOR_X_WRITE_KEY=demo-vendor-x-write-key
# Pipeline::Create loads every vendor's ingest key, not only the one used here.
export PRODUCT_ANALYTICS_WRITE_KEY=demo-product-analytics-write-key

GOOD1=$(sed -n 1p "$SEED/events/usage.jsonl")
GOOD2=$(sed -n 2p "$SEED/events/usage.jsonl")
SECRET="mia.jensen@example.org"

python3 - "$dir" "$GOOD1" "$GOOD2" "$SECRET" <<'EOF'
import sys
d, good1, good2, secret = sys.argv[1], sys.argv[2].encode(), sys.argv[3].encode(), sys.argv[4].encode()
big = (b"SECRETBLOB-" + secret + b"-") * (10 * 1024 * 1024 // (len(secret) + 12))
lines = [  # (bytes, good?)
    (good1, True),                                                            # 1
    (b'{"type":"track","event":"Report Exported","userId":"' + secret, False),  # 2 malformed
    (good2, True),                                                            # 3
    (b'"' + secret + b'"', False),                                            # 4 a JSON string
    (b"42", False),                                                           # 5 a number
    (b"[]", False),                                                           # 6 an empty array
    (b'{"resourceLogs":[{"resource":{"attributes":[{"key":"user.email","value":{"stringValue":"'
     + secret + b'"}}]},"scopeLogs":[{"logRecords":[{"body":{"stringValue":"login by '
     + secret + b'"}}]}]}]}', False),                                         # 7 OTLP to Segment
    (good1, True),                                                            # 8
    (b"[" * 10000 + b"]" * 10000, False),                                     # 9 deep arrays
    (b'{"a":' * 10000 + b"1" + b"}" * 10000, False),                          # 10 deep objects
    (b'{"type":"track","event":"x","userId":"' + big + b'"', False),          # 11 10 MB, unclosed
    (b'{"type":"track","event":"x","userId":"' + big + b'","userId":"b"}', False),  # 12 10 MB, dup
    (b'{"type":"track","event":"x","userId":"' + big + b'"}', True),          # 13 10 MB, valid
    (b'{"type":"track","event":"x","userId":"' + secret + b'\xff\xfe"}', False),  # 14 bad UTF-8
    (b'{"type":"track","event":"x","userId":"a","userId":"b"}', False),        # 15 duplicate key
    (b"", False),                                                             # 16 empty line
    (b'{"batch":[' + good2 + b'],"sentAt":"2025-03-04T10:17:00Z"}', True),   # 17 a batch
    (b'{"batch":[' + good2 + b',{"type":"track","event":"x","userId":"' + secret
     + b'","userId":"' + secret + b'"}]}', False),                            # 18 dup in a batch
    (good2, True),                                                            # 19
]
with open(d + "/mixed.jsonl", "wb") as f:
    f.write(b"".join(l + b"\n" for l, _ in lines))
with open(d + "/good.jsonl", "wb") as f:
    f.write(b"".join(l + b"\n" for l, ok in lines if ok))
with open(d + "/bad-lines", "w") as f:
    f.write("".join("%d\n" % (i + 1) for i, (_, ok) in enumerate(lines) if not ok))
EOF
check generated-input "$([[ -s "$dir/mixed.jsonl" && -s "$dir/good.jsonl" ]] && echo 1)"

filter() {  # filter INPUT NAME: stdout to NAME.out, stderr to NAME.err, returns the exit status
  timeout 300 "$METAGATE" filter --config "$SEED/metagate.yaml" --integration analytics-pipeline \
    --vendor vendor-x --decisions "$dir/$2.dec" "$1" >"$dir/$2.out" 2>"$dir/$2.err"
}

echo "== the good lines alone"
filter "$dir/good.jsonl" good; rc=$?
sed 's/^/    /' "$dir/good.err" | head -c 2000
check good-alone-exit-0 "$([[ $rc -eq 0 ]] && echo 1)"
check good-alone-one-output-per-line \
  "$([[ $(wc -l <"$dir/good.out") -eq $(wc -l <"$dir/good.jsonl") ]] && echo 1)"

echo "== good and bad lines mixed"
filter "$dir/mixed.jsonl" mixed; rc=$?
cut -c1-300 "$dir/mixed.err" | sed 's/^/    /'
check mixed-exit-1 "$([[ $rc -eq 1 ]] && echo 1)"
check mixed-no-signal-or-timeout "$([[ $rc -lt 124 ]] && echo 1)"
check mixed-good-lines-all-out "$([[ -s "$dir/good.out" ]] && cmp -s "$dir/good.out" "$dir/mixed.out" && echo 1)"
check mixed-decision-record-per-line \
  "$([[ $(wc -l <"$dir/mixed.dec") -eq $(wc -l <"$dir/mixed.jsonl") ]] && echo 1)"
# Pseudonymized: user ids and emails leave as ps_k1_..., never as sent; the 10 MB id is one.
check out-pseudonymized "$([[ $(grep -c '"userId":"ps_k1_' "$dir/mixed.out") -eq 6 ]] && echo 1)"
check out-no-raw-identifiers \
  "$(! grep -q -e 'u_1842' -e 'example\.org' -e 'SECRETBLOB' "$dir/mixed.out" && echo 1)"
check out-small "$([[ $(wc -c <"$dir/mixed.out") -lt 10000 ]] && echo 1)"

# One error per bad line, numbered as in the input, each on a `line N:` line.
grep -o '^metagate filter: line [0-9]*:' "$dir/mixed.err" | grep -o '[0-9]*' >"$dir/err-lines"
check errors-one-per-bad-line "$(cmp -s "$dir/bad-lines" "$dir/err-lines" && echo 1)"
check errors-nothing-else "$([[ $(wc -l <"$dir/mixed.err") -eq $(wc -l <"$dir/bad-lines") ]] && echo 1)"
check errors-quote-no-value \
  "$(! grep -a -q -e 'example\.org' -e 'mia\.jensen' -e 'SECRETBLOB' -e $'\xff' "$dir/mixed.err" && echo 1)"
check decisions-quote-no-value \
  "$(! grep -a -q -e 'example\.org' -e 'mia\.jensen' -e 'SECRETBLOB' "$dir/mixed.dec" && echo 1)"
check errors-short "$([[ $(wc -c <"$dir/mixed.err") -lt 4000 ]] && echo 1)"
errline() { grep "^metagate filter: line $1:" "$dir/mixed.err"; }
check error-deep-arrays-says-depth "$([[ "$(errline 9)" == *"nests deeper"* ]] && echo 1)"
check error-deep-objects-says-depth "$([[ "$(errline 10)" == *"nests deeper"* ]] && echo 1)"
check error-duplicate-key "$([[ "$(errline 15)" == *"duplicate key"* ]] && echo 1)"
check error-duplicate-key-10mb "$([[ "$(errline 12)" == *"duplicate key"* ]] && echo 1)"
check error-duplicate-key-in-batch "$([[ "$(errline 18)" == *"duplicate key"* ]] && echo 1)"
check error-utf8 "$([[ "$(errline 14)" == *"UTF-8"* ]] && echo 1)"
check error-empty-line "$([[ "$(errline 16)" == *"empty"* ]] && echo 1)"
check error-otlp-to-segment "$([[ "$(errline 7)" == *"no event of format 'segment'"* ]] && echo 1)"

echo "== from standard input, the same"
timeout 300 "$METAGATE" filter --config "$SEED/metagate.yaml" --integration analytics-pipeline \
  --vendor vendor-x <"$dir/mixed.jsonl" >"$dir/stdin.out" 2>"$dir/stdin.err"; rc=$?
check stdin-exit-1 "$([[ $rc -eq 1 ]] && echo 1)"
check stdin-same-output "$([[ -s "$dir/stdin.out" ]] && cmp -s "$dir/mixed.out" "$dir/stdin.out" && echo 1)"
check stdin-same-errors "$(cmp -s "$dir/mixed.err" "$dir/stdin.err" && echo 1)"
finish
