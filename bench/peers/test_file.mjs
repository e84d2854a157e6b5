// Reading a test in Cedar's integration-test format (bench/workloads/gen.py writes them) the way
// `metagate cedar-test` does, and the shared output of the peer drivers.
import fs from 'node:fs';
import path from 'node:path';

// `--name value` options and positional arguments; `flags` lists options without a value.
export function parseArgs(argv, flags = []) {
  const opts = {};
  const positional = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) {
      positional.push(a);
    } else if (flags.includes(a.slice(2))) {
      opts[a.slice(2)] = true;
    } else {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      opts[a.slice(2)] = argv[++i];
    }
  }
  return { opts, positional };
}

// The folder paths inside a test resolve from: ROOT when given, else the nearest ancestor of
// the test's folder under which its policy file exists (as `metagate cedar-test` does).
export function resolveRoot(file, test, root) {
  if (root) return root;
  let dir = path.dirname(path.resolve(file));
  for (;;) {
    if (fs.existsSync(path.join(dir, test.policies))) return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`${file}: cannot find ${test.policies} above its folder`);
    dir = up;
  }
}

export function readTest(file, root) {
  const test = JSON.parse(fs.readFileSync(file, 'utf8'));
  const base = resolveRoot(file, test, root);
  return { test, base, at: (p) => path.join(base, p) };
}

// One decision as the drivers' `--decisions` files write it: `allow|deny <sorted reasons>`.
export function decisionLine(decision, reasons) {
  return `${decision} ${[...reasons].sort().join(',')}`;
}

// The same for a request's expectation in the test file, or null when it has none.
export function expectedLine(r) {
  if (typeof r.decision !== 'string') return null;
  return decisionLine(r.decision.toLowerCase(), r.reason || []);
}

// Runs `call(i)` round-robin over `n` requests for `seconds` (at least one call), timing each
// call, and returns the line every driver prints last: `decisions/s N p50_ns N p99_ns N`.
export function timeLoop(n, seconds, call) {
  const samples = [];
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(Math.round(seconds * 1e9));
  let now = start;
  let i = 0;
  while (now < deadline || samples.length === 0) {
    const t0 = process.hrtime.bigint();
    call(i);
    now = process.hrtime.bigint();
    samples.push(Number(now - t0));
    i = i + 1 === n ? 0 : i + 1;
  }
  const elapsed = Number(now - start) / 1e9;
  samples.sort((a, b) => a - b);
  const at = (q) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
  return `decisions/s ${Math.round(samples.length / elapsed)} p50_ns ${at(0.5)} p99_ns ${at(0.99)}`;
}
