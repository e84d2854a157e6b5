#!/bin/sh
# Score a metagate build on the hold-out set. Usage: tests/holdout/score.sh [path/to/metagate]
set -e
MG=${1:-build/release/src/cli/metagate}
D=$(dirname "$0")
for F in segment mixpanel amplitude posthog otlp-logs llm; do
  "$MG" classify --format "$F" "$D/$F.events.jsonl" > "/tmp/h-$F.pred"
  echo "=== $F"
  "$MG" classify --eval --truth "$D/$F.labels.jsonl" "/tmp/h-$F.pred"
done
