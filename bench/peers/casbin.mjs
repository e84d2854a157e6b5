// casbin (node-casbin 5.51) on the github RBAC workload, the peer of `metagate bench` there.
//   node casbin.mjs DIR/github/p<P>-e<E>.json [--seconds S] [--root DIR] [--decisions OUT]
// Builds one enforcer from casbin-model.conf and casbin-p<P>-e<E>.csv beside the test file
// (bench/workloads/gen.py writes them: the same policies and memberships as the Cedar files),
// checks one pass of decisions against the test file's expectations (exit 1 on a mismatch),
// then times enforceSync per request round-robin for S seconds (default 3) and prints as last
// line `decisions/s N p50_ns N p99_ns N`. At 10,000 policies (~29,000 rules) one enforce takes
// ~0.1-0.4 s, so the checking pass alone takes minutes; at 1,000,000 entities loading takes ~1 min.
// OUT gets one `allow|deny <sorted reasons>` line per request in file order, with Cedar's
// meaning of reasons (every matching permit on allow, every matching forbid on deny): casbin's
// enforce gives only the decision, so the matching rules are found with the enforcer's own role
// managers (outside the timed loop) and must agree with enforce's decision.
import fs from 'node:fs';
import path from 'node:path';
import { newEnforcer } from 'casbin';
import { decisionLine, expectedLine, parseArgs, readTest, timeLoop } from './test_file.mjs';

const { opts, positional } = parseArgs(process.argv.slice(2));
const file = positional[0];
if (!file) {
  console.error('usage: casbin.mjs DIR/github/p<P>-e<E>.json [--seconds S] [--root DIR] [--decisions OUT]');
  process.exit(2);
}
const m = path.basename(file).match(/^p(\d+)-e(\d+)\.json$/);
if (!m) throw new Error(`${file}: expected a name p<P>-e<E>.json (its casbin files are named after it)`);
const dir = path.dirname(file);
const model = path.join(dir, 'casbin-model.conf');
const csv = path.join(dir, `casbin-p${m[1]}-e${m[2]}.csv`);

const { test } = readTest(file, opts.root);
const uid = (u) => {
  const v = u && u.__entity ? u.__entity : u;
  return `${v.type}::${v.id}`;
};
const reqs = test.requests.map((r) => [uid(r.principal), uid(r.resource), uid(r.action).replace(/^Action::/, '')]);

const enforcer = await newEnforcer(model, csv);
const g = enforcer.getRoleManager();
const g2 = enforcer.getNamedRoleManager('g2');
const rules = await enforcer.getPolicy();  // [sub, obj, act, eft, id]

// Everything `name` is linked to through role manager `rm` (itself included).
async function closure(rm, name) {
  const seen = new Set([name]);
  const stack = [name];
  while (stack.length) {
    for (const r of await rm.getRoles(stack.pop())) {
      if (!seen.has(r)) {
        seen.add(r);
        stack.push(r);
      }
    }
  }
  return seen;
}

// The rules matching a request, by their Cedar policy ids.
async function matching(sub, obj, act, eft) {
  const subs = await closure(g, sub);
  const objs = await closure(g2, obj);
  const ids = new Set();
  for (const [psub, pobj, pact, peft, id] of rules) {
    if (peft === eft && pact === act && subs.has(psub) && objs.has(pobj)) ids.add(id);
  }
  return ids;
}

const lines = [];
let bad = 0;
for (let i = 0; i < reqs.length; i++) {
  const [sub, obj, act] = reqs[i];
  const allow = enforcer.enforceSync(sub, obj, act);
  const denies = await matching(sub, obj, act, 'deny');
  const permits = await matching(sub, obj, act, 'allow');
  if (allow !== (denies.size === 0 && permits.size > 0)) {
    throw new Error(`request ${i}: enforce says ${allow} but the matching rules say otherwise`);
  }
  lines.push(allow ? decisionLine('allow', permits) : decisionLine('deny', denies));
  const want = expectedLine(test.requests[i]);
  if (want !== null && want !== lines[i] && bad++ < 10) {
    console.error(`mismatch "${test.requests[i].description}": got ${lines[i]}, file says ${want}`);
  }
}
if (opts.decisions) fs.writeFileSync(opts.decisions, lines.join('\n') + '\n');
if (bad) {
  console.error(`casbin: ${bad} of ${lines.length} decisions differ from ${file}`);
  process.exit(1);
}
console.log(`casbin 5.51.1 (node ${process.version}): ${reqs.length} requests, ${rules.length} rules`);
console.log(timeLoop(reqs.length, Number(opts.seconds || 3), (i) => enforcer.enforceSync(...reqs[i])));
