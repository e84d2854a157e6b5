#!/usr/bin/env bash
# CTest driver for classification quality: labels every dataset in ../shared/datasets with
# `metagate classify`, scores it with `metagate classify --eval` and fails when a dataset misses
# the targets: fields precision >= 0.99 and recall >= 0.98 overall, every class >= 0.95 on both,
# spans >= 0.95 overall. Prints each report. Skipped without ../shared (exit 77), except in CI.
set -euo pipefail
metagate="$1"
datasets="$2"
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
  if ! awk -v fmt="$format" '
      $1 == "fields" { table = "fields"; next }
      $1 == "spans" { table = "spans"; next }
      NF == 7 && $1 != "" {
        name = $1; p = $5 + 0; r = $6 + 0
        if (table == "fields" && name == "OVERALL" && (p < 0.99 || r < 0.98)) {
          printf "%s: fields overall precision %.4f recall %.4f below 0.99/0.98\n", fmt, p, r; bad = 1
        } else if (table == "fields" && name != "OVERALL" && (p < 0.95 || r < 0.95)) {
          printf "%s: class %s precision %.4f recall %.4f below 0.95\n", fmt, name, p, r; bad = 1
        } else if (table == "spans" && name == "OVERALL" && (p < 0.95 || r < 0.95)) {
          printf "%s: spans overall precision %.4f recall %.4f below 0.95\n", fmt, p, r; bad = 1
        }
      }
      END { exit bad }' "$tmp/$format.report"; then
    failed=1
  fi
done
exit $failed
