// Cedar's own engine (cedar-wasm 4.12, Rust compiled to WebAssembly) on a test in Cedar's
// integration-test format, the peer of `metagate bench`.
//   node cedar_wasm.mjs FILE.json [--seconds S] [--root DIR] [--decisions OUT]
//     checks one pass against the file's expectations (exit 1 on a mismatch), then authorizes
//     the requests round-robin for S seconds (default 3) and prints as last line
//     `decisions/s N p50_ns N p99_ns N`. OUT gets one `allow|deny <sorted reasons>` line per
//     request, in file order.
//     The 1,000,000-entity files (up to 250 MB) need `node --max-old-space-size=8000`.
//   node cedar_wasm.mjs --fill FILE.json... [--root DIR] [--full-check N]
//     writes Cedar's decision, reasons and errors into each request (bench/workloads/generate.sh).
// Policies are parsed once (preparsePolicySet) and each call gets only the request's slice of
// the entities, precomputed outside the timed loop: principal, action, resource and the
// entities their attributes name (one hop), each with all its ancestors. The generated
// policies read nothing further; on stores of up to 20,000 entities the first N sliced answers
// (--full-check, default 10; a call with all 1,000 entities takes ~0.2 s) are checked against
// the answers with all entities. --fill also passes the schema (preparsed) and
// validates each request, as Cedar's test harness does; the timed loop does not (cheaper for
// the peer: entities are not type-checked per call).
import { createRequire } from 'node:module';
import fs from 'node:fs';
import { decisionLine, expectedLine, parseArgs, readTest, timeLoop } from './test_file.mjs';

const require = createRequire(import.meta.url);
const cedar = require('@cedar-policy/cedar-wasm/nodejs');

const FULL_CHECK_MAX_ENTITIES = 20000;
const key = (u) => `${u.type}::${u.id}`;

// Entity slices per request, as described above.
class Slicer {
  constructor(entities) {
    this.byKey = new Map();
    for (const e of entities) this.byKey.set(key(e.uid), e);
  }

  // Adds `u` and its ancestors to `out` (a Map by key).
  withAncestors(u, out) {
    const stack = [u];
    while (stack.length) {
      const v = stack.pop();
      const k = key(v);
      if (out.has(k)) continue;
      const e = this.byKey.get(k);
      if (!e) continue;
      out.set(k, e);
      for (const p of e.parents) stack.push(p);
    }
  }

  // Entity uids named anywhere inside an attribute value.
  static refs(value, found) {
    if (Array.isArray(value)) {
      for (const v of value) Slicer.refs(v, found);
    } else if (value && typeof value === 'object') {
      if (value.__entity) found.push(value.__entity);
      else for (const v of Object.values(value)) Slicer.refs(v, found);
    }
  }

  slice(r) {
    const out = new Map();
    const roots = [r.principal, r.action, r.resource];
    Slicer.refs(r.context || {}, roots);
    for (const u of roots) this.withAncestors(u, out);
    const hop = [];
    for (const u of roots) {
      const e = this.byKey.get(key(u));
      if (e) Slicer.refs(e.attrs || {}, hop);
    }
    for (const u of hop) this.withAncestors(u, out);
    return [...out.values()];
  }
}

const uidOf = (u) => (u && u.__entity ? u.__entity : u);

function authorize(r, entities, schemaName) {
  const call = {
    principal: uidOf(r.principal),
    action: uidOf(r.action),
    resource: uidOf(r.resource),
    context: r.context || {},
    entities,
    preparsedPolicySetId: 'policies',
  };
  if (schemaName) {
    call.preparsedSchemaName = schemaName;
    call.validateRequest = r.validateRequest !== false;
  }
  const ans = cedar.statefulIsAuthorized(call);
  if (ans.type !== 'success') {
    throw new Error(`${r.description}: ${JSON.stringify(ans.errors).slice(0, 500)}`);
  }
  return ans.response;
}

function load(file, root, withSchema) {
  const { test, at } = readTest(file, root);
  const pre = cedar.preparsePolicySet('policies', {
    staticPolicies: fs.readFileSync(at(test.policies), 'utf8'),
  });
  if (pre.type !== 'success') throw new Error(`${test.policies}: ${JSON.stringify(pre.errors)}`);
  let schemaName = null;
  if (withSchema && test.schema) {
    const s = cedar.preparseSchema('schema', fs.readFileSync(at(test.schema), 'utf8'));
    if (s.type !== 'success') throw new Error(`${test.schema}: ${JSON.stringify(s.errors)}`);
    schemaName = 'schema';
  }
  return { test, at, schemaName };
}

// Entity files are shared by many tests: parse each once per process.
const entityCache = new Map();
function entitiesOf(at, test) {
  const p = at(test.entities);
  if (!entityCache.has(p)) {
    entityCache.clear();
    const all = JSON.parse(fs.readFileSync(p, 'utf8'));
    entityCache.set(p, { all, slicer: new Slicer(all) });
  }
  return entityCache.get(p);
}

// Sliced answers for every request; on small stores, checked against all entities.
function answers(test, at, schemaName, fullCheck) {
  const { all, slicer } = entitiesOf(at, test);
  const slices = test.requests.map((r) => slicer.slice(r));
  const resp = test.requests.map((r, i) => authorize(r, slices[i], schemaName));
  const checked = all.length <= FULL_CHECK_MAX_ENTITIES ? Math.min(fullCheck, slices.length) : 0;
  if (checked) {
    test.requests.slice(0, checked).forEach((r, i) => {
      const full = authorize(r, all, schemaName);
      const a = decisionLine(full.decision, full.diagnostics.reason);
      const b = decisionLine(resp[i].decision, resp[i].diagnostics.reason);
      if (a !== b) throw new Error(`slicing changes "${r.description}": ${b} vs ${a} with all entities`);
    });
  }
  return { resp, slices, all, checked };
}

function fill(files, root, fullCheck) {
  for (const file of files) {
    const { test, at, schemaName } = load(file, root, true);
    const { resp, checked } = answers(test, at, schemaName, fullCheck);
    let allow = 0;
    test.requests.forEach((r, i) => {
      r.decision = resp[i].decision;
      r.reason = [...resp[i].diagnostics.reason].sort();
      r.errors = [...new Set(resp[i].diagnostics.errors.map((e) => e.policyId))].sort();
      if (r.decision === 'allow') allow++;
    });
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(test, null, 1) + '\n');
    fs.renameSync(`${file}.tmp`, file);
    const n = test.requests.length;
    const note = checked ? `, ${checked} checked with all entities` : '';
    console.log(`filled ${file}: ${n} requests, ${allow} allow (${((100 * allow) / n).toFixed(1)}%)${note}`);
  }
}

function bench(file, opts) {
  const { test, at } = load(file, opts.root, false);
  const { resp, slices, all } = answers(test, at, null, Number(opts['full-check'] || 10));
  const lines = resp.map((x) => decisionLine(x.decision, x.diagnostics.reason));
  if (opts.decisions) fs.writeFileSync(opts.decisions, lines.join('\n') + '\n');
  let bad = 0;
  test.requests.forEach((r, i) => {
    const want = expectedLine(r);
    if (want !== null && want !== lines[i]) {
      if (bad++ < 10) console.error(`mismatch "${r.description}": got ${lines[i]}, file says ${want}`);
    }
  });
  if (bad) {
    console.error(`cedar-wasm: ${bad} of ${lines.length} decisions differ from ${file}`);
    process.exit(1);
  }
  const avg = slices.reduce((s, x) => s + x.length, 0) / slices.length;
  console.log(`cedar-wasm 4.12.0 (node ${process.version}): ${test.requests.length} requests, ` +
              `${all.length} entities, ${avg.toFixed(1)} per slice`);
  const reqs = test.requests;
  console.log(timeLoop(reqs.length, Number(opts.seconds || 3), (i) => authorize(reqs[i], slices[i], null)));
}

const { opts, positional } = parseArgs(process.argv.slice(2), ['fill']);
if (positional.length === 0) {
  console.error('usage: cedar_wasm.mjs FILE.json [--seconds S] [--root DIR] [--decisions OUT]\n' +
                '       cedar_wasm.mjs --fill FILE.json... [--root DIR] [--full-check N]');
  process.exit(2);
}
if (opts.fill) fill(positional, opts.root, Number(opts['full-check'] || 10));
else bench(positional[0], opts);
