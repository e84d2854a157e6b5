#!/usr/bin/env bash
# End-to-end: `metagate audit verify|tail|search` on a decision log written by the library
# (tests/tools/audit_log_gen): a clean log verifies with exit 0; an edited byte, a removed,
# inserted or swapped record, a cut file and a missing head file give exit 1 and name the line;
# a wrong key fails the MACs; bad usage gives exit 2; tail and search print the right records.
set -uo pipefail
METAGATE="$1"
GEN="$2"
source "$(dirname "$0")/check_lib.sh"
use_tmp

data="$tmp/data"
log="$data/audit/decisions.jsonl"
"$GEN" "$log" "$data/audit/audit.key" 30 10  # 30 records and a checkpoint after every 10: 33 lines
check generated "$([[ $(wc -l <"$log") == 33 ]] && echo 1)"
printf 'data_dir: data\n' >"$tmp/metagate.yaml"
clean=$(cp "$log" "$tmp/clean.jsonl" && cat "$tmp/clean.jsonl")

out=$("$METAGATE" audit verify --config "$tmp/metagate.yaml")
check clean-exit-0 "$([[ $? == 0 ]] && echo 1)"
check clean-ok "$(grep -q '^OK: ' <<<"$out" && grep -q 'MACs checked with the key' <<<"$out" && echo 1)"
check key-not-printed "$(! grep -qF "$(cat "$data/audit/audit.key")" <<<"$out" && echo 1)"

# Without a key beside the log: chain and head checks only, and it says so.
mkdir -p "$tmp/nokey" && cp "$log" "$data/audit/decisions.head" "$tmp/nokey/"
out=$("$METAGATE" audit verify --log "$tmp/nokey/decisions.jsonl")
check nokey-exit-0 "$([[ $? == 0 ]] && echo 1)"
check nokey-says-unchecked "$(grep -q 'MACs NOT checked' <<<"$out" && echo 1)"

# Runs verify on the tampered log; sets OUT and RC; restores the clean log afterwards.
verify_tampered() {
  OUT=$("$METAGATE" audit verify --log "$log" "$@")
  RC=$?
  printf '%s\n' "$clean" >"$log"
}

# One byte changed in line 7.
sed -i '7s/"kind":"/"kind":"x/' "$log"
verify_tampered
check edit-exit-1 "$([[ $RC == 1 ]] && echo 1)"
check edit-names-line "$(grep -q 'decisions.jsonl:7: seq 7: line 7 was edited' <<<"$OUT" && echo 1)"
check edit-tampered "$(grep -q '^TAMPERED: 1 problem$' <<<"$OUT" && echo 1)"

# Line 12 removed.
sed -i '12d' "$log"
verify_tampered
check delete-exit-1 "$([[ $RC == 1 ]] && echo 1)"
check delete-names-line "$(grep -q 'decisions.jsonl:12: .*record seq 12 is missing between line 11 and line 12' <<<"$OUT" && echo 1)"

# A copy of line 3 inserted as line 20.
sed -i "19r /dev/stdin" "$log" <<<"$(sed -n 3p "$tmp/clean.jsonl")"
verify_tampered
check insert-exit-1 "$([[ $RC == 1 ]] && echo 1)"
check insert-names-line "$(grep -q 'decisions.jsonl:20: .*line 20 is a copy of line 3' <<<"$OUT" && echo 1)"

# Lines 5 and 6 swapped.
sed -i '5{h;d};6G' "$log"
verify_tampered
check swap-exit-1 "$([[ $RC == 1 ]] && echo 1)"
check swap-names-lines "$(grep -q 'decisions.jsonl:5: .*lines 5 and 6 are out of order' <<<"$OUT" && echo 1)"

# The file cut inside its last line.
truncate -s -10 "$log"
verify_tampered
check cut-exit-1 "$([[ $RC == 1 ]] && echo 1)"
check cut-names-line "$(grep -q 'decisions.jsonl:33: .*no newline' <<<"$OUT" && echo 1)"

# The last checkpoint removed: only the head file can tell.
sed -i '$d' "$log"
verify_tampered
check tail-removed "$([[ $RC == 1 ]] && grep -q 'decisions.jsonl:33: .*missing at the end' <<<"$OUT" && echo 1)"

# The wrong key: every checkpoint MAC and the head file fail.
export WRONG_AUDIT_KEY=not-the-key
verify_tampered --key env:WRONG_AUDIT_KEY
check wrong-key-exit-1 "$([[ $RC == 1 ]] && grep -q 'does not authenticate the chain' <<<"$OUT" && echo 1)"

# The head file removed.
mv "$data/audit/decisions.head" "$tmp/head.bak"
verify_tampered
check head-missing "$([[ $RC == 1 ]] && grep -q 'decisions.head: the head file .* is missing' <<<"$OUT" && echo 1)"
mv "$tmp/head.bak" "$data/audit/decisions.head"

# Usage errors: exit 2.
"$METAGATE" audit >/dev/null 2>&1
check no-subcommand-2 "$([[ $? == 2 ]] && echo 1)"
"$METAGATE" audit verify --log "$log" --key "$data/audit/audit.key" >/dev/null 2>&1
check key-without-scheme-2 "$([[ $? == 2 ]] && echo 1)"
"$METAGATE" audit verify --log "$tmp/absent.jsonl" >/dev/null 2>&1
check missing-log-2 "$([[ $? == 2 ]] && echo 1)"
"$METAGATE" audit search --log "$log" --since yesterday >/dev/null 2>&1
check bad-date-2 "$([[ $? == 2 ]] && echo 1)"
"$METAGATE" audit verify --help | grep -q 'file:PATH or env:NAME'
check help "$([[ $? == 0 ]] && echo 1)"

# tail: the last 3 lines, oldest first; the last is the checkpoint Close() wrote.
out=$("$METAGATE" audit tail --config "$tmp/metagate.yaml" -n 3)
check tail-3 "$([[ $(wc -l <<<"$out") == 3 ]] && [[ $(jq -s -c 'map(.seq)' <<<"$out") == '[31,32,33]' ]] && echo 1)"
check tail-checkpoint "$([[ $(tail -1 <<<"$out" | jq -r .kind) == checkpoint ]] && echo 1)"

# search: records i = 3, 9, 15, 21, 27 are blocks to vendor v1; i = 2, 6, ..., 26 name p2.
out=$("$METAGATE" audit search --log "$log" --kind block --vendor v1)
check search-kind-vendor "$([[ $(jq -s -c 'map(.event)' <<<"$out") == '["E3","E9","E15","E21","E27"]' ]] && echo 1)"
out=$("$METAGATE" audit search --log "$log" --policy p2 --format table)
check search-policy-table "$([[ $(head -1 <<<"$out" | awk '{print $1}') == SEQ ]] && [[ $(tail -n +2 <<<"$out" | grep -c ' p2$') == 7 ]] && echo 1)"
out=$("$METAGATE" audit search --log "$log" --since 2100-01-01)
check search-since-future "$([[ -z "$out" ]] && echo 1)"

finish
