#!/usr/bin/env bash
# CTest driver for classification quality: labels every dataset in ../shared/datasets with
# `metagate classify`, scores it with `metagate classify --eval` and fails when a dataset misses
# the targets: fields precision >= 0.99 and recall >= 0.98 overall, every class >= 0.95 on both,
# spans >= 0.95 overall. Prints each report. Skipped without ../shared (exit 77), except in CI.
# The targets can be set for other sets: MIN_FIELD_P, MIN_FIELD_R, MIN_CLASS, MIN_SPAN.
set -euo pipefail
metagate="$1"
datasets="$2"
min_field_p="${MIN_FIELD_P:-0.99}"
min_field_r="${MIN_FIELD_R:-0.98}"
min_class="${MIN_CLASS:-0.95}"
min_span="${MIN_SPAN:-0.95}"
if [[ ! -f "$datasets/segment.events.jsonl" ]]; then
  if [[ "${CI:-}" == "true" ]]; then
    echo "classify_datasets: $datasets not found, and CI=true: failing" >&2
    exit 1
  fi
  echo "classify_datasets: $datasets not found; skipping (clone shared/ beside the repo)" >&2
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
for format in segment mixpanel amplitude posthog otlp-logs llm; do
  "$metagate" classify --format "$format" "$datasets/$format.events.jsonl" >"$tmp/$format.labels"
  "$metagate" classify --eval --truth "$datasets/$format.labels.jsonl" "$tmp/$format.labels" \
    >"$tmp/$format.report"
  echo "== $format"
  cat "$tmp/$format.report"
  # Rows: class support tp fp precision recall f1; a "spans" header starts the span table.
  if ! awk -v fmt="$format" -v fp="$min_field_p" -v fr="$min_field_r" -v mc="$min_class" \
      -v ms="$min_span" '
      $1 == "fields" { table = "fields"; next }
      $1 == "spans" { table = "spans"; next }
      NF == 7 && $1 != "" {
        name = $1; p = $5 + 0; r = $6 + 0
        if (table == "fields" && name == "OVERALL" && (p < fp || r < fr)) {
          printf "%s: fields overall precision %.4f recall %.4f below %s/%s\n", fmt, p, r, fp, fr; bad = 1
        } else if (table == "fields" && name != "OVERALL" && (p < mc || r < mc)) {
          printf "%s: class %s precision %.4f recall %.4f below %s\n", fmt, name, p, r, mc; bad = 1
        } else if (table == "spans" && name == "OVERALL" && (p < ms || r < ms)) {
          printf "%s: spans overall precision %.4f recall %.4f below %s\n", fmt, p, r, ms; bad = 1
        }
      }
      END { exit bad }' "$tmp/$format.report"; then
    failed=1
  fi
done
exit $failed
