#!/usr/bin/env bash
# CTest driver for the policy round-trip conformance test over ../shared/cedar-tests.
# Without the shared folder (a user's own clone) the test is skipped (exit 77), except in CI.
set -euo pipefail
tests_dir="$1"
if [[ ! -d "$tests_dir/tests" || ! -d "$tests_dir/corpus-tests" ]]; then
  if [[ "${CI:-}" == "true" ]]; then
    echo "policy_roundtrip: $tests_dir not found, and CI=true: failing" >&2
    exit 1
  fi
  echo "policy_roundtrip: $tests_dir not found; skipping (clone shared/ beside the repo)" >&2
  exit 77
fi
exec "$METAGATE_ROUNDTRIP" "$tests_dir"
