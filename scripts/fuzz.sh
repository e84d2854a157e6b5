#!/usr/bin/env bash
# Runs one libFuzzer target for a number of seconds, seeded from ../shared (cedar-tests, datasets).
# Usage: scripts/fuzz.sh TARGET SECONDS   (TARGET: a fuzz/*_fuzz.cc name, e.g. policy_parser_fuzz)
# Seeds: Cedar's policies, schemas and entities for the Cedar targets; the first 300 bodies of each
# dataset in ../shared/datasets, prefixed by a format byte, for classify_fuzz and egress_fuzz;
# Mixpanel form posts, and gzip and zlib streams of dataset bodies, for the gateway's decoders.
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
datasets="../shared/datasets"
if [[ -d "$datasets" && -z "$(ls -A "$corpus")" ]]; then
  case "$target" in
    form_decode_fuzz | gzip_decode_fuzz | ingest_decode_fuzz)
      # 40 bodies of each dataset, written by python3 (zlib, base64, URL encoding). See
      # docs/fuzzing.md for each target's selector bytes.
      python3 - "$target" "$datasets" "$corpus" <<'PY'
import base64, gzip, os, sys, urllib.parse, zlib
target, datasets, corpus = sys.argv[1:]
formats = ["segment", "llm", "mixpanel", "amplitude", "posthog", "otlp-logs", "otlp-traces"]
paths = {"segment": 6, "llm": 6, "mixpanel": 8, "amplitude": 11, "posthog": 12, "otlp-logs": 16}
n = 0
def seed(data):
    global n
    with open(os.path.join(corpus, "seed-%d" % n), "wb") as f:
        f.write(data)
    n += 1
for fmt, path in paths.items():
    with open(os.path.join(datasets, fmt + ".events.jsonl"), "rb") as f:
        bodies = [line.rstrip(b"\n") for _, line in zip(range(40), f)]
    for i, body in enumerate(bodies):
        b64 = base64.b64encode(body)
        if target == "form_decode_fuzz":
            seed(b"data=" + urllib.parse.quote_from_bytes(b64).encode() if i % 2 else
                 b"ip=1&data=" + urllib.parse.quote_plus(body).encode() + b"&verbose=1")
        elif target == "gzip_decode_fuzz":
            # Selector: bit 0 = 0 gzip, 1 deflate; bits 1-7: the cap in 64-byte steps.
            seed(b"\xfe" + gzip.compress(body) if i % 2 else b"\xff" + zlib.compress(body))
            if i < 5:
                seed(b"\x10" + gzip.compress(body))  # a cap of 512 bytes: 413
        else:
            # format, path, content type (1 JSON, 2 form), then the encoding byte: bit 7 set makes
            # the target gzip the body itself; 1: "gzip", 3: " deflate ".
            ctype = 2 if fmt == "mixpanel" else 1
            form = b"data=" + urllib.parse.quote_from_bytes(b64).encode()
            plain = form if fmt == "mixpanel" else body
            head = bytes([formats.index(fmt), path, ctype])
            seed(head + (b"\x81" + plain if i % 3 == 0 else
                         b"\x01" + gzip.compress(plain) if i % 3 == 1 else
                         b"\x03" + zlib.compress(plain)))
PY
      ;;
  esac
fi
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
