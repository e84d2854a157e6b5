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

function decide(r, stateful) {
  const call = { principal: r.principal, action: r.action, resource: r.resource, context: {},
                 entities };
  const ans = stateful
    ? cedar.statefulIsAuthorized({ ...call, preparsedPolicySetId: 'bench' })
    : cedar.isAuthorized({ ...call, policies: { staticPolicies: policies } });
  if (ans.type !== 'success') throw new Error(JSON.stringify(ans));
  return ans.response;
}

// Decisions, for the agreement check.
const decisions = requests.map((r) => {
  const resp = decide(r, true);
  return `${resp.decision} ${[...resp.diagnostics.reason].sort().join(',')}`;
});
fs.writeFileSync(`${dir}/cedar_wasm_decisions.txt`, decisions.join('\n') + '\n');

for (const stateful of [true, false]) {
  let n = 0;
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(Math.round(seconds * 1e9));
  while (process.hrtime.bigint() < deadline) {
    decide(requests[n % requests.length], stateful);
    n++;
  }
  const ns = Number(process.hrtime.bigint() - start) / n;
  console.log(`cedar-wasm ${stateful ? 'statefulIsAuthorized (preparsed policies)' : 'isAuthorized'}: ` +
              `${n} decisions, ${ns.toFixed(0)} ns/decision`);
}
