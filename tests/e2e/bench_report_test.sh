#!/usr/bin/env bash
# End-to-end: bench/bench_report.py turns bench/run.sh's raw results (a hand-made fixture) into
# docs/benchmarks.md's generated section: ratios and PASS/MISS per target, the section inserted
# before the first hand-written section and replaced, not duplicated, on the next run.
set -uo pipefail
REPORT="$1"  # bench/bench_report.py
FX="$2"      # tests/fixtures/bench/report
source "$(dirname "$0")/check_lib.sh"
use_tmp
cp "$FX/doc.md" "$tmp/doc.md"
run() {
  python3 "$REPORT" --results "$FX" --doc "$tmp/doc.md" --command "bench/run.sh --quick" \
    --commit abc1234 --quick 1 --policy-sweep-entities 1000 --entity-sweep-policies 100 \
    --baseline-rss 12000000 2>"$tmp/err"
}
run
check "first-run" "$([[ $? -eq 0 ]] && echo 1)"
check "summary" "$(grep -q 'bench_report: 11 targets, 4 missed' "$tmp/err" && echo 1)"
run
check "second-run" "$([[ $? -eq 0 ]] && echo 1)"
doc="$tmp/doc.md"
check "one-section" "$([[ $(grep -c 'generated section begins' "$doc") -eq 1 && $(grep -c 'generated section ends' "$doc") -eq 1 ]] && echo 1)"
check "hand-written-kept" "$([[ $(grep -c '^Keep me.$' "$doc") -eq 1 && $(grep -c '^Intro stays.$' "$doc") -eq 1 ]] && echo 1)"
check "section-before-hand-written" "$([[ $(grep -n 'generated section ends' "$doc" | cut -d: -f1) -lt $(grep -n '^## Hand-written' "$doc" | cut -d: -f1) ]] && echo 1)"
check "command-and-commit" "$(grep -q 'Commit: abc1234. Command: `bench/run.sh --quick`' "$doc" && echo 1)"
# The fixture's figures: 1,000,000 vs 10,000 decisions/s at 100 policies; casbin 200,000;
# p50 400 -> 1,100 ns from 10 to 1,000 policies; RSS 40 MB for 10 MB of JSON; 400 vs 2,000
# MB/s; 1.2M vs 20,000 events/s; 180.5 ns per pseudonym.
want() { check "$1" "$(grep -qF "$2" "$doc" && echo 1)"; }
want "p50-pass" "| github: p50 at 100 policies ≤ 1 µs | 900 ns | PASS |"
want "cedar-ratio-pass" "| github: decisions/s at 100 policies ≥ 80× cedar-wasm | 100.0× | PASS |"
want "casbin-ratio-miss" "| github: decisions/s at 100 policies ≥ 10× casbin | 5.0× | MISS |"
want "growth-miss" "| github: p50 from 10 to 1,000 policies grows ≤ 2× | 2.75× | MISS |"
want "p50-entity-sweep" "| github: p50 at 100 policies ≤ 1 µs (10,000 entities) | 950 ns | PASS |"
want "memory-trimmed-pass" "| github: RSS once the load's garbage is returned ≤ 5× the JSON (10,000 entities) | 2.5× | PASS |"
want "memory-pass" "| github: RSS ≤ 5× the JSON loaded (10,000 entities) | 4.0× | PASS |"
want "events-pass" "| egress segment: ≥ 1M events/s | 1,200,000 events/s | PASS |"
want "simdjson-miss" "| egress segment: ≥ 0.3× simdjson | 0.20× | MISS |"
want "fast-redact-pass" "| egress segment: ≥ 5× fast-redact | 60.0× | PASS |"
want "hmac-miss" "| HMAC pseudonymization ≤ 150 ns per field (BM_Pseudonymize) | 180 ns | MISS |"
want "missing-peer-na" "| github | 1,000 | 500,000 | 1,100 | 2,500 | 5,000 | 190,000 | 100.0× | n/a | n/a |"
want "memory-row" "| github | 10,000 | 900,000 | 950 | 9,000 | 100.0× | 190,000 | 4.7× | 10.0 | 40.0 | 4.0× | 25.0 | 2.5× | 50.0 | 20 |"
finish
