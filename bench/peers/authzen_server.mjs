// The peer for scripts/bench_pdp.sh: a minimal AuthZEN 1.0 evaluation server (node:http, no
// framework) whose decisions come from Cedar's own engine (cedar-wasm 4.12). It maps a request as
// `metagate pdp` does: principal `<subject.type>::"<subject.id>"`, action
// `Action::"<action.name>"`, resource `<resource.type>::"<resource.id>"`; each entity's stored
// attributes are overridden by the request's `properties` (only attributes the schema declares for
// that type; the rest are ignored); the Cedar context is the request's `context`.
// Serves POST /access/v1/evaluation and /access/v1/evaluations; answers {"decision": bool}
// (a request Cedar cannot evaluate, e.g. a property of the wrong type, is denied), 400 on a body
// that is not JSON or not an AuthZEN request, and echoes X-Request-ID.
// Usage: node bench/peers/authzen_server.mjs --listen 127.0.0.1:PORT [--example DIR]
//        (DIR holds policies.cedar, schema.cedarschema, entities.json; default
//        examples/authzen-todo). Prints `listening on HOST:PORT` on stderr once it accepts.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const cedar = require('@cedar-policy/cedar-wasm/nodejs');

const kMaxBody = 1 << 20;
const kPolicySetId = 'authzen';
const kSchemaName = 'authzen';

function die(message) {
  process.stderr.write(`authzen_server: ${message}\n`);
  process.exit(2);
}

function parseArgs(argv) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const opts = { listen: '127.0.0.1:0', example: path.join(here, '../../examples/authzen-todo') };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined) die(`${flag} needs a value`);
    if (flag === '--listen') opts.listen = value;
    else if (flag === '--example') opts.example = value;
    else die(`unknown option ${flag}; usage: --listen HOST:PORT [--example DIR]`);
  }
  const m = /^(.+):(\d+)$/.exec(opts.listen);
  if (!m) die('--listen must be HOST:PORT, e.g. 127.0.0.1:8181');
  return { host: m[1], port: Number(m[2]), example: opts.example };
}

function failed(what, answer) {
  const msgs = (answer.errors || []).map((e) => e.message).join('; ');
  die(`${what}: ${msgs}`);
}

// Declared attribute names per entity type ("NS::type" or "type"), from the schema's JSON form.
// Only record shapes written inline are read; a shape given as a common-type name declares none.
function declaredAttributes(schemaText) {
  const ans = cedar.schemaToJson(schemaText);
  if (ans.type !== 'success') failed('schema.cedarschema', ans);
  const out = new Map();
  for (const [ns, def] of Object.entries(ans.json)) {
    for (const [name, type] of Object.entries(def.entityTypes || {})) {
      const attrs = type.shape && type.shape.type === 'Record' ? type.shape.attributes || {} : {};
      out.set(ns ? `${ns}::${name}` : name, new Set(Object.keys(attrs)));
    }
  }
  return out;
}

// Everything that can be prepared once: policies and schema are parsed once into cedar-wasm's
// cache (preparsePolicySet / preparseSchema, used by statefulIsAuthorized); the entity store is
// parsed once into a map. Entities still cross into wasm as JSON on every call (no API keeps them).
function load(dir) {
  const read = (f) => fs.readFileSync(path.join(dir, f), 'utf8');
  const schemaText = read('schema.cedarschema');
  let ans = cedar.preparsePolicySet(kPolicySetId, { staticPolicies: read('policies.cedar') });
  if (ans.type !== 'success') failed('policies.cedar', ans);
  ans = cedar.preparseSchema(kSchemaName, schemaText);
  if (ans.type !== 'success') failed('schema.cedarschema', ans);
  const store = new Map();
  for (const e of JSON.parse(read('entities.json'))) {
    store.set(`${e.uid.type}::${e.uid.id}`, e);
  }
  return { declared: declaredAttributes(schemaText), store };
}

const { host, port, example } = parseArgs(process.argv.slice(2));
const { declared, store } = load(example);

class BadRequest extends Error {}

const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);

function requireString(obj, key, where) {
  if (!isObject(obj)) throw new BadRequest(`${where} must be an object`);
  if (typeof obj[key] !== 'string' || obj[key] === '') {
    throw new BadRequest(`${where}.${key} must be a non-empty string`);
  }
  return obj[key];
}

// The stored entity of `uid` (a new one with no attributes when unknown) with the declared
// attributes from `properties` laid over its own.
function overlay(entities, uid, properties) {
  const k = `${uid.type}::${uid.id}`;
  const base = entities.get(k) || store.get(k) || { uid, attrs: {}, parents: [] };
  if (!isObject(properties)) {
    entities.set(k, base);
    return;
  }
  const allowed = declared.get(uid.type) || new Set();
  const attrs = { ...base.attrs };
  for (const [name, value] of Object.entries(properties)) {
    if (allowed.has(name)) attrs[name] = value;
  }
  entities.set(k, { uid: base.uid, attrs, parents: base.parents });
}

// Adds the stored ancestors of every entity already in `entities`.
function addAncestors(entities) {
  const stack = [...entities.values()];
  while (stack.length > 0) {
    for (const p of stack.pop().parents || []) {
      const k = `${p.type}::${p.id}`;
      const e = store.get(k);
      if (e && !entities.has(k)) {
        entities.set(k, e);
        stack.push(e);
      }
    }
  }
}

// Returns true or false for one AuthZEN evaluation request; throws BadRequest on a malformed one.
function decide(req) {
  const subject = { type: requireString(req.subject, 'type', 'subject'),
                    id: requireString(req.subject, 'id', 'subject') };
  const action = { type: 'Action', id: requireString(req.action, 'name', 'action') };
  const resource = { type: requireString(req.resource, 'type', 'resource'),
                     id: requireString(req.resource, 'id', 'resource') };
  if (req.context !== undefined && !isObject(req.context)) {
    throw new BadRequest('context must be an object');
  }
  const entities = new Map();
  overlay(entities, subject, req.subject.properties);
  overlay(entities, resource, req.resource.properties);
  addAncestors(entities);
  // validateRequest is off: the schema declares no context, and AuthZEN callers (gateways) may
  // send any; an unknown action simply matches no policy.
  const ans = cedar.statefulIsAuthorized({
    principal: subject, action, resource, context: req.context || {},
    entities: [...entities.values()], preparsedPolicySetId: kPolicySetId,
    preparsedSchemaName: kSchemaName, validateRequest: false,
  });
  return ans.type === 'success' && ans.response.decision === 'allow';
}

// The merged item i of an Access Evaluations request: the item's keys over the top-level defaults.
function mergeItem(body, item) {
  if (!isObject(item)) throw new BadRequest('each evaluations item must be an object');
  const merged = {};
  for (const key of ['subject', 'action', 'resource', 'context']) {
    merged[key] = item[key] !== undefined ? item[key] : body[key];
  }
  return merged;
}

function evaluations(body) {
  const items = body.evaluations;
  if (items === undefined || (Array.isArray(items) && items.length === 0)) {
    return { decision: decide(body) };
  }
  if (!Array.isArray(items)) throw new BadRequest('evaluations must be an array');
  const semantic = (isObject(body.options) && body.options.evaluations_semantic) || 'execute_all';
  const out = [];
  for (const item of items) {
    let decision;
    try {
      decision = decide(mergeItem(body, item));
    } catch (e) {
      if (!(e instanceof BadRequest)) throw e;
      out.push({ decision: false, context: { error: { status: 400, message: e.message } } });
      if (semantic === 'deny_on_first_deny') break;
      continue;
    }
    out.push({ decision });
    if (semantic === 'deny_on_first_deny' && !decision) break;
    if (semantic === 'permit_on_first_permit' && decision) break;
  }
  return { evaluations: out };
}

const routes = {
  '/access/v1/evaluation': (body) => ({ decision: decide(body) }),
  '/access/v1/evaluations': evaluations,
};

function reply(req, res, status, obj) {
  const headers = { 'Content-Type': 'application/json' };
  const rid = req.headers['x-request-id'];
  if (typeof rid === 'string') headers['X-Request-ID'] = rid;
  res.writeHead(status, headers);
  res.end(JSON.stringify(obj));
}

const server = http.createServer((req, res) => {
  const route = routes[req.url.split('?')[0]];
  if (!route) return reply(req, res, 404, { error: 'no such endpoint' });
  if (req.method !== 'POST') return reply(req, res, 405, { error: 'use POST' });
  const chunks = [];
  let size = 0;
  req.on('data', (c) => {
    size += c.length;
    if (size <= kMaxBody) chunks.push(c);
  });
  req.on('end', () => {
    if (size > kMaxBody) return reply(req, res, 413, { error: 'body larger than 1 MiB' });
    let body;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return reply(req, res, 400, { error: 'request body is not valid JSON' });
    }
    if (!isObject(body)) return reply(req, res, 400, { error: 'request body must be an object' });
    try {
      return reply(req, res, 200, route(body));
    } catch (e) {
      if (e instanceof BadRequest) return reply(req, res, 400, { error: e.message });
      process.stderr.write(`authzen_server: ${e.name} while evaluating\n`);
      return reply(req, res, 500, { error: 'internal error' });
    }
  });
});
server.keepAliveTimeout = 60_000;
server.on('error', (e) => die(`cannot listen on ${host}:${port}: ${e.code || e.message}`));
server.listen(port, host, () => {
  const a = server.address();
  process.stderr.write(`listening on ${a.address}:${a.port}\n`);
});
for (const sig of ['SIGTERM', 'SIGINT']) process.on(sig, () => process.exit(0));
