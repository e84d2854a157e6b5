#!/usr/bin/env bash
# Runs one libFuzzer target for a number of seconds, seeded from ../shared (cedar-tests, datasets).
# Usage: scripts/fuzz.sh TARGET SECONDS   (TARGET: a fuzz/*_fuzz.cc name, e.g. policy_parser_fuzz)
# Seeds: Cedar's policies, schemas and entities for the Cedar targets; the first 300 bodies of each
# dataset in ../shared/datasets, prefixed by a format byte, for classify_fuzz and egress_fuzz.
# Builds the `fuzz` preset (clang-14) first. Crashes are written to build/fuzz/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
target="$1"
seconds="${2:-600}"
bash scripts/deps.sh
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target "$target" >/dev/null
shared="../shared/cedar-tests"
corpus="build/fuzz/corpus/$target"
mkdir -p "$corpus" build/fuzz/artifacts
if [[ -d "$shared" && -z "$(ls -A "$corpus")" ]]; then
  case "$target" in
    policy_parser_fuzz | policy_format_fuzz | policy_json_fuzz)
      find "$shared" -name '*.cedar' | head -3000 | xargs -I{} cp {} "$corpus/" ;;
    schema_parser_fuzz)
      find "$shared" -name '*.cedarschema' | head -3000 | xargs -I{} cp {} "$corpus/" ;;
    classify_fuzz)
      # One body per seed, prefixed by the byte that selects its format (Classifier::Formats order).
      i=0
      for f in segment mixpanel amplitude posthog otlp-logs llm; do
        if [[ -f ../shared/datasets/$f.events.jsonl ]]; then
          n=0
          head -300 "../shared/datasets/$f.events.jsonl" | while IFS= read -r line; do
            printf '%b%s' "\\x0$i" "$line" >"$corpus/$f-$n"
            n=$((n + 1))
          done
        fi
        i=$((i + 1))
      done ;;
    egress_fuzz)
      # One body per seed, prefixed by the byte that selects its vendor (kFormats order in
      # fuzz/egress_fuzz.cc): segment 0, mixpanel 1, amplitude 2, posthog 3, otlp-logs 4,
      # otlp-traces 5, json 6, llm 7. No dataset is OTLP traces; the json vendor gets the PostHog
      # bodies (any JSON object is a `json` event).
      for pair in segment:0 mixpanel:1 amplitude:2 posthog:3 otlp-logs:4 posthog:6 llm:7; do
        f="${pair%%:*}" i="${pair##*:}"
        if [[ -f ../shared/datasets/$f.events.jsonl ]]; then
          n=0
          head -300 "../shared/datasets/$f.events.jsonl" | while IFS= read -r line; do
            printf '%b%s' "\\x0$i" "$line" >"$corpus/$f-$i-$n"
            n=$((n + 1))
          done
        fi
      done ;;
    entities_json_fuzz) find "$shared" -name '*.entities.json' -size -20k | head -2000 | xargs -I{} cp {} "$corpus/"
                        cp "$shared"/sample-data/*/entities.json "$corpus/" 2>/dev/null || true ;;
  esac
fi
exec "build/fuzz/fuzz/$target" "$corpus" -max_total_time="$seconds" -max_len=8192 -timeout=10 \
  -rss_limit_mb=4096 -artifact_prefix=build/fuzz/artifacts/ -print_final_stats=1
