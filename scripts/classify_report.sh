#!/usr/bin/env bash
# Classification quality as Markdown (the tables of docs/classification.md): labels each
# dataset of DIR with `metagate classify`, scores it with `--eval`, and prints per-format
# overall rows and per-class rows summed over the formats.
# Usage: scripts/classify_report.sh [DIR]   (default ../shared/datasets; e.g. tests/generalization)
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:-../shared/datasets}"
metagate=build/release/src/cli/metagate
[[ -x "$metagate" ]] || { echo "build first: cmake --build --preset release" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for f in segment mixpanel amplitude posthog otlp-logs llm; do
  "$metagate" classify --format "$f" "$dir/$f.events.jsonl" >"$tmp/$f.pred"
  "$metagate" classify --eval --truth "$dir/$f.labels.jsonl" "$tmp/$f.pred" |
    awk -v fmt="$f" '$1 == "fields" || $1 == "spans" { t = $1; next } NF == 7 { print fmt, t, $1, $3, $4, $2 - $3 }'
done >"$tmp/rows"
# rows: format table class tp fp fn
awk '
  function p(tp, fp) { return tp + fp == 0 ? 1 : tp / (tp + fp) }
  function r(tp, fn) { return tp + fn == 0 ? 1 : tp / (tp + fn) }
  $3 == "OVERALL" { key = $1; o[key, $2, "tp"] += $4; o[key, $2, "fp"] += $5; o[key, $2, "fn"] += $6; fm[key] = 1; next }
  { c[$3, $2, "tp"] += $4; c[$3, $2, "fp"] += $5; c[$3, $2, "fn"] += $6; cl[$3] = 1 }
  END {
    print "| format | field P | field R | span P | span R |"
    print "|---|---:|---:|---:|---:|"
    n = split("segment mixpanel amplitude posthog otlp-logs llm", order, " ")
    for (i = 1; i <= n; i++) { k = order[i]; if (!(k in fm)) continue
      printf "| %s | %.4f | %.4f | %.4f | %.4f |\n", k, p(o[k,"fields","tp"], o[k,"fields","fp"]), r(o[k,"fields","tp"], o[k,"fields","fn"]), p(o[k,"spans","tp"], o[k,"spans","fp"]), r(o[k,"spans","tp"], o[k,"spans","fn"]) }
    print ""
    print "| class | fields | field P | field R | spans | span P | span R |"
    print "|---|---:|---:|---:|---:|---:|---:|"
    cmd = "sort"
    for (k in cl) {
      ft = c[k,"fields","tp"]; ff = c[k,"fields","fp"]; fn = c[k,"fields","fn"]
      st = c[k,"spans","tp"]; sf = c[k,"spans","fp"]; sn = c[k,"spans","fn"]
      if (st + sf + sn == 0) span = "| 0 | – | –"; else span = sprintf("| %d | %.4f | %.4f", st + sn, p(st, sf), r(st, sn))
      printf "| `%s` | %d | %.4f | %.4f %s |\n", k, ft + fn, p(ft, ff), r(ft, fn), span | cmd
    }
    close(cmd)
  }' "$tmp/rows"
