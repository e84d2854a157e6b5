// Times Cedar's own engine (cedar-wasm 4.12) on a workload written by
// `METAGATE_BENCH_DUMP=DIR build/release/bench/authorize_bench`, and writes its decisions so
// they can be compared with metagate's. Usage: node cedar_wasm_bench.mjs DIR [seconds]
import { createRequire } from 'node:module';
import fs from 'node:fs';

const require = createRequire(import.meta.url);
const cedar = require('@cedar-policy/cedar-wasm/nodejs');

const dir = process.argv[2];
const seconds = Number(process.argv[3] || 5);
const policies = fs.readFileSync(`${dir}/policies.cedar`, 'utf8');
const entities = JSON.parse(fs.readFileSync(`${dir}/entities.json`, 'utf8'));
const requests = JSON.parse(fs.readFileSync(`${dir}/requests.json`, 'utf8'));

const pre = cedar.preparsePolicySet('bench', { staticPolicies: policies });
if (pre.type !== 'success') throw new Error(JSON.stringify(pre));

// Entity slicing, as Cedar's documentation suggests for large stores: pass only the request's
// principal, action and resource with their ancestors (enough for this workload's policies).
const key = (u) => `${u.type}::${u.id}`;
const byKey = new Map(entities.map((e) => [key(e.uid), e]));
function slice(r) {
  const out = new Map();
  const visit = (u) => {
    const k = key(u);
    if (out.has(k) || !byKey.has(k)) return;
    const e = byKey.get(k);
    out.set(k, e);
    for (const p of e.parents) visit(p);
  };
  visit(r.principal);
  visit(r.action);
  visit(r.resource);
  return [...out.values()];
}
const slices = requests.map(slice);

function decide(r, stateful, sliced) {
  const call = { principal: r.principal, action: r.action, resource: r.resource, context: {},
                 entities: sliced || entities };
  const ans = stateful
    ? cedar.statefulIsAuthorized({ ...call, preparsedPolicySetId: 'bench' })
    : cedar.isAuthorized({ ...call, policies: { staticPolicies: policies } });
  if (ans.type !== 'success') throw new Error(JSON.stringify(ans));
  return ans.response;
}

// Decisions, for the agreement check.
const decisions = requests.map((r) => {
  const resp = decide(r, true, null);
  return `${resp.decision} ${[...resp.diagnostics.reason].sort().join(',')}`;
});
fs.writeFileSync(`${dir}/cedar_wasm_decisions.txt`, decisions.join('\n') + '\n');

const modes = [
  ['statefulIsAuthorized, preparsed policies, sliced entities', true, true],
  ['statefulIsAuthorized, preparsed policies, all 1,005 entities', true, false],
  ['isAuthorized, all 1,005 entities', false, false],
];
for (const [name, stateful, sliced] of modes) {
  // Sliced decisions must agree with the full ones, or the slice is wrong.
  if (sliced) {
    for (let i = 0; i < requests.length; i++) {
      const resp = decide(requests[i], true, slices[i]);
      const got = `${resp.decision} ${[...resp.diagnostics.reason].sort().join(',')}`;
      if (got !== decisions[i]) {
        console.error(`slice changes request ${i}: ${got} vs ${decisions[i]}`);
        process.exit(1);
      }
    }
  }
  let n = 0;
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(Math.round(seconds * 1e9));
  while (process.hrtime.bigint() < deadline) {
    const i = n % requests.length;
    decide(requests[i], stateful, sliced ? slices[i] : null);
    n++;
  }
  const ns = Number(process.hrtime.bigint() - start) / n;
  console.log(`cedar-wasm ${name}: ${n} decisions, ${ns.toFixed(0)} ns/decision`);
}
