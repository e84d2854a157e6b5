#!/usr/bin/env bash
# End-to-end: `metagate format` prints, --check (exit 1 and the file names), --write (in place),
# and exit 2 with line:column for a file that does not parse.
set -uo pipefail
METAGATE="$1"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
failures=0
check() {
  local name="$1" ok="$2"
  if [[ "$ok" == 1 ]]; then echo "ok   $name"; else echo "FAIL $name"; failures=$((failures + 1)); fi
}
printf 'permit(principal,action,resource)when{true};' > "$dir/ugly.cedar"
printf 'permit (principal, action, resource)\nwhen { true };\n' > "$dir/pretty.cedar"
printf 'permit(principal,action,resource)\nwhen { 1 + };' > "$dir/broken.cedar"
want=$'permit (principal, action, resource)\nwhen { true };'

out=$("$METAGATE" format "$dir/ugly.cedar"); rc=$?
check print "$([[ $rc -eq 0 && "$out" == "$want" ]] && echo 1)"
out=$("$METAGATE" format --check "$dir/ugly.cedar" "$dir/pretty.cedar"); rc=$?
check check-lists-changed "$([[ $rc -eq 1 && "$out" == "$dir/ugly.cedar" ]] && echo 1)"
"$METAGATE" format --check "$dir/pretty.cedar" >/dev/null; rc=$?
check check-clean "$([[ $rc -eq 0 ]] && echo 1)"
"$METAGATE" format --write "$dir/ugly.cedar"; rc=$?
check write "$([[ $rc -eq 0 && "$(cat "$dir/ugly.cedar")" == "$want" ]] && echo 1)"
err=$("$METAGATE" format "$dir/broken.cedar" 2>&1 >/dev/null); rc=$?
check parse-error "$([[ $rc -eq 2 && "$err" == "$dir/broken.cedar:2:"* ]] && echo 1)"
out=$(printf 'permit(principal,action,resource)when{true};' | "$METAGATE" format -); rc=$?
check stdin "$([[ $rc -eq 0 && "$out" == "$want" ]] && echo 1)"
"$METAGATE" format --help | grep -q -- "--check"; rc=$?
check help "$([[ $rc -eq 0 ]] && echo 1)"
echo "$((7 - failures)) passed, $failures failed"
[[ $failures -eq 0 ]]
