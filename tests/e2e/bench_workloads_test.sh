#!/usr/bin/env bash
# The benchmark workloads at small sizes: bench/workloads/generate.sh writes the three apps
# (10 and 100 policies, 1,000 entities, 200 requests) with expectations from Cedar's own engine
# (cedar-wasm), `metagate cedar-test` must agree with every one, and on the github (RBAC) files
# casbin must decide exactly as cedar-wasm does. The peers are installed into
# BUILD_DIR/bench-peers from the committed package-lock.json (bench/peers/install.sh).
# Usage: bench_workloads_test.sh METAGATE SOURCE_DIR BUILD_DIR
set -euo pipefail
metagate="$1"
src="$2"
build_dir="$3"
source "$src/tests/e2e/check_lib.sh"
use_tmp

peers="$build_dir/bench-peers"
bash "$src/bench/peers/install.sh" "$peers"
PEERS="$peers" bash "$src/bench/workloads/generate.sh" "$tmp/w" --policies 10,100 \
  --entities 1000 --requests 200

allow_pct() {
  python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["requests"]; print(100*sum(x["decision"]=="allow" for x in r)//len(r))' "$1"
}
for t in "$tmp"/w/*/p*-e*.json; do
  name="${t#"$tmp"/w/}"
  if out=$("$metagate" cedar-test --root "$tmp/w" "$t" 2>&1); then
    check "metagate agrees with Cedar on $name ($(allow_pct "$t")% allow)" 1
  else
    echo "metagate disagrees with Cedar's engine (cedar-wasm 4.12) on $name:"
    printf '%s\n' "$out" | grep -v '^ok' | head -20 | sed 's/^/    /'
    check "metagate agrees with Cedar on $name" 0
  fi
  pct=$(allow_pct "$t")
  check "$name mixes allows and denies (${pct}% allow)" "$((pct >= 5 && pct <= 80 ? 1 : 0))"
done

# The check can fail: one flipped expectation is reported.
python3 -c 'import json,sys; t=json.load(open(sys.argv[1])); r=t["requests"][0]; r["decision"]="deny" if r["decision"]=="allow" else "allow"; json.dump(t,open(sys.argv[2],"w"))' \
  "$tmp/w/todo/p100-e1000.json" "$tmp/w/todo/flipped.json"
out=$("$metagate" cedar-test --root "$tmp/w" "$tmp/w/todo/flipped.json" 2>&1 || true)
check "a flipped expectation is reported" "$([[ "$out" == *"199 passed, 1 failed"* ]] && echo 1 || echo 0)"

for p in 10 100; do
  t="$tmp/w/github/p$p-e1000.json"
  node "$peers/cedar_wasm.mjs" "$t" --seconds 0.1 --full-check 0 --decisions "$tmp/wasm-$p.txt" >/dev/null
  # casbin.mjs exits 1 (listing them) when its decisions differ from the file's.
  if ! node "$peers/casbin.mjs" "$t" --seconds 0.1 --decisions "$tmp/casbin-$p.txt" >/dev/null; then
    check "casbin decides as Cedar on github p$p-e1000" 0
    continue
  fi
  same=$(paste -d'|' "$tmp/wasm-$p.txt" "$tmp/casbin-$p.txt" | awk -F'|' '$1 == $2' | wc -l)
  lines=$(wc -l <"$tmp/wasm-$p.txt")
  check "casbin decides as cedar-wasm on github p$p-e1000 ($same of $lines, with reasons)" \
    "$([[ "$same" == "$lines" && "$lines" == 200 ]] && echo 1 || echo 0)"
done
finish
