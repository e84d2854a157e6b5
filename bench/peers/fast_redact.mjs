// The egress peer: JSON.parse + fast-redact + JSON.stringify doing, body by body, the redaction
// metagate did. The field transforms come from metagate itself: the decision records that
// `metagate filter --decisions DEC.jsonl` writes (one per input line) list every field's JSON
// pointer and the form it left in (raw, dropped, pseudonymized, replaced, redacted, ...).
//
//   node bench/peers/fast_redact.mjs --events DATASET.jsonl --decisions DEC.jsonl
//        [--seconds S] [--key FILE] [--out OUT.jsonl] [--verify METAGATE_OUT.jsonl]
//
// Per body: `dropped` fields are removed (censor undefined, which JSON.stringify omits);
// `pseudonymized` fields are replaced by `ps_<id>_` + base64url of the first 16 bytes of
// HMAC-SHA256(key, "<class>:<value>") computed with node:crypto (the work metagate does; the
// value's normalization is not repeated, so the strings may differ); any other non-raw form is
// censored with a constant. An OTLP attribute whose value is dropped loses its `key` and `value`
// (metagate removes the whole {key, value} element; fast-redact cannot delete array elements, so
// an empty object stays). fast-redact compiles one redactor per distinct set of paths, before
// timing: the most favourable setting for the peer (a real deployment compiles one set up front).
// Events per body are the decision record's events. Timed: parse, redact, stringify, round-robin
// over the bodies for --seconds (default 3). Last stdout line: `events/s N MB/s X` (input MB,
// 10^6 bytes). --out writes one pass's output; --verify compares the fields each output body
// keeps (non-null leaf paths, OTLP attributes by key) with metagate's output and exits 1 on a
// difference. Dropped array elements: when every element of an array is dropped the array is
// removed; otherwise they become null (fast-redact cannot delete array elements).
import { createHmac } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const fastRedact = require('fast-redact');

function usage(msg) {
  process.stderr.write(`fast_redact.mjs: ${msg}\n` +
    'usage: node fast_redact.mjs --events FILE --decisions FILE [--seconds S] [--key FILE] ' +
    '[--out FILE] [--verify FILE]\n');
  process.exit(2);
}

const opts = { seconds: 3 };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const name = argv[i];
  const value = argv[i + 1];
  if (!name.startsWith('--') || value === undefined) usage(`bad argument ${name}`);
  opts[name.slice(2)] = name === '--seconds' ? Number(value) : value;
  i++;
}
if (!opts.events || !opts.decisions) usage('--events and --decisions are required');
if (!(opts.seconds > 0)) usage('--seconds must be a positive number');

const lines = (path) => readFileSync(path, 'utf8').split('\n').filter((l) => l.length > 0);
const bodies = lines(opts.events);
const decisions = new Map();
for (const l of lines(opts.decisions)) {
  const r = JSON.parse(l);
  decisions.set(r.line, r);
}
const secret = opts.key ? readFileSync(opts.key, 'utf8').trim() : 'fast-redact-peer-demo-key';

// A JSON pointer's keys with array indices generalized: `/batch/3/userId` -> batch, *, userId.
const keysOf = (pointer) => pointer.split('/').slice(1)
  .map((p) => (/^\d+$/.test(p) ? '*' : p.replace(/~1/g, '/').replace(/~0/g, '~')));

// Keys as a fast-redact path: `batch[*].context["odd key"]`.
function redactPath(keys) {
  let out = '';
  keys.forEach((k, i) => {
    if (k === '*') out += i === 0 ? '*' : '[*]';
    else if (/^\d+$/.test(k)) out += `[${k}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(k)) out += (i === 0 ? '' : '.') + k;
    else out += `[${JSON.stringify(k)}]`;
  });
  return out;
}

function pseudonym(cls) {
  return (value) => 'ps_k1_' +
    createHmac('sha256', secret).update(`${cls}:${value}`).digest().subarray(0, 16)
      .toString('base64url');
}

// One redaction plan for the whole dataset from every field metagate decided, array indices
// generalized (a path that left in two different forms is an error: one plan cannot express it).
// A dropped field is removed at its highest ancestor under which nothing stays, as metagate
// removes emptied objects, arrays and OTLP {key, value} attributes.
function compilePlan(records) {
  const form = new Map();  // generalized path -> form
  const classOf = new Map();
  const kept = new Set();  // generalized prefixes with something that stays under them
  const maxIndex = new Map();  // generalized prefix ending in * -> the largest index seen there
  for (const r of records) {
    for (const f of r.fields) {
      const keys = keysOf(f.path);
      f.path.split('/').slice(1).forEach((p, i) => {
        if (keys[i] !== '*') return;
        const at = JSON.stringify(keys.slice(0, i + 1));
        maxIndex.set(at, Math.max(maxIndex.get(at) ?? 0, Number(p)));
      });
      const path = JSON.stringify(keys);
      const prev = form.get(path);
      if (prev !== undefined && prev !== f.form) {
        process.stderr.write(`fast_redact.mjs: ${redactPath(keys)} left as ${prev} and as ${f.form}; ` +
          'one fast-redact plan cannot express that\n');
        process.exit(2);
      }
      form.set(path, f.form);
      if (f.form === 'pseudonymized') classOf.set(path, f.classes[0] ?? '');
      if (f.form !== 'dropped') {
        for (let i = 1; i <= keys.length; i++) kept.add(JSON.stringify(keys.slice(0, i)));
      }
    }
  }
  // fast-redact handles at most two wildcards in a path (OTLP's resourceLogs[*].scopeLogs[*].
  // logRecords[*] has three): the leading ones become every index seen there.
  const expand = (keys) => {
    const stars = keys.filter((k) => k === '*').length;
    if (stars <= 2) return [keys];
    const i = keys.indexOf('*');
    const out = [];
    for (let n = 0; n <= maxIndex.get(JSON.stringify(keys.slice(0, i + 1))); n++) {
      out.push(...expand([...keys.slice(0, i), String(n), ...keys.slice(i + 1)]));
    }
    return out;
  };
  const remove = new Set();
  const pseudo = new Map();  // class -> paths
  const replace = new Set();
  const add = (set, keys) => { for (const k of expand(keys)) set.add(redactPath(k)); };
  for (const [path, f] of form) {
    const keys = JSON.parse(path);
    if (f === 'raw') continue;
    if (f === 'dropped') {
      let n = 1;
      while (n < keys.length && kept.has(JSON.stringify(keys.slice(0, n)))) n++;
      add(remove, keys.slice(0, n));
    } else if (f === 'pseudonymized') {
      const cls = classOf.get(path);
      if (!pseudo.has(cls)) pseudo.set(cls, new Set());
      add(pseudo.get(cls), keys);
    } else {
      add(replace, keys);
    }
  }
  const redactors = [];
  if (remove.size) redactors.push(fastRedact({ paths: [...remove], censor: undefined, serialize: false }));
  for (const [cls, paths] of pseudo) {
    redactors.push(fastRedact({ paths: [...paths], censor: pseudonym(cls), serialize: false }));
  }
  if (replace.size) redactors.push(fastRedact({ paths: [...replace], censor: 'x', serialize: false }));
  return { redactors, paths: remove.size + replace.size + [...pseudo.values()].reduce((n, p) => n + p.size, 0) };
}

const plan = compilePlan(decisions.values());
const work = [];
let totalEvents = 0;
let totalBytes = 0;
bodies.forEach((body, i) => {
  const record = decisions.get(i + 1);
  if (!record) {
    process.stderr.write(`fast_redact.mjs: no decision record for line ${i + 1}\n`);
    process.exit(2);
  }
  if (!record.forwarded) return;  // metagate sent nothing: nothing to redact
  const bytes = Buffer.byteLength(body);
  work.push({ body, bytes, events: record.events.length });
  totalEvents += record.events.length;
  totalBytes += bytes;
});
if (work.length === 0) usage('no bodies to run');

function filter(w) {
  let o = JSON.parse(w.body);
  for (const r of plan.redactors) o = r(o);
  return JSON.stringify(o);
}

if (opts.out || opts.verify) {
  const outs = work.map(filter);
  if (opts.out) writeFileSync(opts.out, outs.join('\n') + '\n');
  if (opts.verify) {
    // The fields a body keeps: leaf paths (no indices for OTLP attributes: by their key).
    const leaves = (v, prefix, out) => {
      if (Array.isArray(v)) {
        if (v.every((e) => e && typeof e === 'object' && 'key' in e && 'value' in e)) {
          for (const e of v) leaves(e.value, `${prefix}{${e.key}}`, out);
        } else {
          v.forEach((e, i) => leaves(e, `${prefix}[${i}]`, out));
        }
      } else if (v && typeof v === 'object') {
        for (const [k, e] of Object.entries(v)) leaves(e, `${prefix}.${k}`, out);
      } else if (v !== null) {
        out.add(prefix);  // nulls carry nothing (fast-redact leaves them; metagate drops them)
      }
      return out;
    };
    const nullLeaves = (v, prefix, out) => {
      if (v === null) out.add(prefix);
      else if (Array.isArray(v)) v.forEach((e, i) => nullLeaves(e, `${prefix}[${i}]`, out));
      else if (typeof v === 'object') for (const [k, e] of Object.entries(v)) nullLeaves(e, `${prefix}.${k}`, out);
      return out;
    };
    // Empty objects left in arrays (removed OTLP attributes) are not fields.
    const strip = (v) => Array.isArray(v)
      ? v.filter((e) => !(e && typeof e === 'object' && !Array.isArray(e) && Object.keys(e).length === 0)).map(strip)
      : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, e]) => [k, strip(e)])) : v;
    const theirs = lines(opts.verify);
    let differ = 0;
    if (theirs.length !== outs.length) {
      process.stderr.write(`verify: ${outs.length} bodies here, ${theirs.length} from metagate\n`);
      differ++;
    }
    for (let i = 0; i < Math.min(outs.length, theirs.length); i++) {
      // Fields null in the input: fast-redact leaves nulls alone, metagate may transform them.
      const nulls = nullLeaves(JSON.parse(work[i].body), '', new Set());
      const a = [...leaves(strip(JSON.parse(outs[i])), '', new Set())].filter((p) => !nulls.has(p)).sort();
      const b = [...leaves(JSON.parse(theirs[i]), '', new Set())].filter((p) => !nulls.has(p)).sort();
      if (JSON.stringify(a) !== JSON.stringify(b)) {
        if (differ < 5) {
          const only = (x, y) => x.filter((p) => !y.includes(p)).join(' ');
          process.stderr.write(`verify: body ${i + 1}: only here: ${only(a, b)}; only metagate: ${only(b, a)}\n`);
        }
        differ++;
      }
    }
    console.log(`verify bodies ${Math.min(outs.length, theirs.length)} differ ${differ}`);
    if (differ > 0) process.exit(1);
  }
}

// Warm up (JIT), then time.
const warmUntil = performance.now() + Math.min(1000, opts.seconds * 100);
let sink = 0;
for (let i = 0; performance.now() < warmUntil; i = (i + 1) % work.length) sink += filter(work[i]).length;

let events = 0;
let bytes = 0;
let n = 0;
const start = performance.now();
const budget = opts.seconds * 1000;
let elapsed = 0;
for (let i = 0; ; i = (i + 1) % work.length) {
  sink += filter(work[i]).length;
  events += work[i].events;
  bytes += work[i].bytes;
  if ((++n & 63) === 0 && (elapsed = performance.now() - start) >= budget) break;
}
const seconds = elapsed / 1000;
console.log(`bodies ${work.length} events ${totalEvents} bytes ${totalBytes} paths ${plan.paths} redactors ${plan.redactors.length} out_chars ${sink}`);
console.log(`timed bodies ${n} events ${events} seconds ${seconds.toFixed(3)}`);
console.log(`events/s ${Math.round(events / seconds)} MB/s ${(bytes / 1e6 / seconds).toFixed(1)}`);
