# Shared by the e2e scripts: `check NAME OK` records one result (OK is 1 for a pass),
# `finish` prints the totals and returns non-zero when something failed.
failures=0
total=0
check() {
  total=$((total + 1))
  if [[ "$2" == 1 ]]; then echo "ok   $1"; else echo "FAIL $1"; failures=$((failures + 1)); fi
}
finish() {
  echo "$((total - failures)) passed, $failures failed"
  [[ $failures -eq 0 ]]
}
