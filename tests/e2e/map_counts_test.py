#!/usr/bin/env python3
"""The data map's counts against what the vendor received, after N events (default 1,000,000)
through `metagate serve`.

A counting vendor (a real HTTP server in this script, on 127.0.0.1) parses every request it
receives and counts the events by name. Four senders post Segment batches of 100 events over
keep-alive connections: 70 known `Report Exported` events (allowed; the email pseudonymized, an
unknown field dropped) and 30 `Mystery Event`s the catalog does not know (blocked; governance
holds nothing here: `hold: false`). Once the vendor has every allowed event, the gateway stops
(flushing the map) and `metagate map --format json` must count exactly what the vendor received
as allowed, the rest as blocked, and each field as often as its events.

usage: map_counts_test.py METAGATE SEED_DIR [EVENTS]
"""
import http.client
import http.server
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time

METAGATE, SEED = sys.argv[1], os.path.abspath(sys.argv[2])
EVENTS = int(sys.argv[3]) if len(sys.argv) > 3 else 1_000_000
BATCH, KNOWN_PER_BATCH, SENDERS = 100, 70, 4
TOKEN = "map-counts-token"

results = {"passed": 0, "failed": 0}


def check(name, ok, why=""):
    results["passed" if ok else "failed"] += 1
    print(("ok   " if ok else "FAIL ") + name + ("" if ok else ": " + why), flush=True)
    return ok


class Vendor(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    counts = {}
    requests = 0
    lock = threading.Lock()

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        names = [e.get("event") for e in json.loads(body).get("batch", [])]
        with Vendor.lock:
            Vendor.requests += 1
            for n in names:
                Vendor.counts[n] = Vendor.counts.get(n, 0) + 1
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


def sha(text):
    import hashlib
    return hashlib.sha256(text.encode()).hexdigest()


def batch_body(b):
    events = []
    for i in range(BATCH):
        n = b * BATCH + i
        if i < KNOWN_PER_BATCH:
            events.append({"type": "track", "event": "Report Exported", "userId": f"u_{n}",
                           "messageId": f"m-{n}",
                           "context": {"traits": {"email": f"user{n}@example.org"}},
                           "properties": {"plan": "pro", "build": f"b{n % 7}"}})
        else:
            events.append({"type": "track", "event": "Mystery Event", "userId": f"u_{n}",
                           "messageId": f"m-{n}", "properties": {"plan": "pro"}})
    return json.dumps({"batch": events}).encode()


def main():
    tmp = tempfile.mkdtemp()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Vendor)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    vendor_addr = "127.0.0.1:%d" % server.server_address[1]
    schema = os.path.join(os.path.dirname(os.path.dirname(SEED)), "schema", "egress.cedarschema")
    config = os.path.join(tmp, "metagate.yaml")
    with open(config, "w") as f:
        f.write(f"""mode: enforce
policies: [{SEED}/policies/]
schema: {schema}
keys: {{ pseudonym: {{ current: k1, keys: {{ k1: "file:{SEED}/keys/demo-k1.key" }} }} }}
integrations:
  - {{ id: analytics-pipeline, kind: service, environment: production,
      roles: [analytics-pipeline], credentials: [ {{ bearer_sha256: {sha(TOKEN)} }} ] }}
vendors:
  - {{ id: vendor-x, category: analytics, residency: eu, format: segment,
      upstream: "http://{vendor_addr}" }}
catalog:
  - source: "*"
    event: "Report Exported"
    fields: {{ userId: user_id, "context.traits.email": email, "properties.plan": [] }}
unknown_fields: drop
unknown_events: block
data_dir: {tmp}/data
governance: {{ hold: false, flush_interval_ms: 1000 }}
""")
    err = open(os.path.join(tmp, "serve.err"), "w+")
    gw = subprocess.Popen([METAGATE, "serve", "--config", config, "--listen", "127.0.0.1:0",
                           "--reload-interval-ms", "0"], stderr=err)
    addr = None
    for _ in range(200):
        err.seek(0)
        for line in err.read().splitlines():
            if "listening on " in line:
                addr = line.split("listening on ")[1].split(";")[0].split(" ")[0]
        if addr or gw.poll() is not None:
            break
        time.sleep(0.05)
    if not check("gateway-started", addr is not None):
        return 1

    batches = EVENTS // BATCH
    bodies = [batch_body(b) for b in range(min(batches, 50))]  # rotated
    failures = []
    started = time.time()

    def sender(k):
        conn = http.client.HTTPConnection(addr)
        for b in range(k, batches, SENDERS):
            conn.request("POST", "/v/vendor-x/v1/batch", bodies[b % len(bodies)],
                         {"Authorization": "Bearer " + TOKEN,
                          "Content-Type": "application/json"})
            r = conn.getresponse()
            r.read()
            if r.status != 200:
                failures.append(r.status)

    threads = [threading.Thread(target=sender, args=(k,)) for k in range(SENDERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    sent_s = time.time() - started
    check("all-accepted", not failures, f"{len(failures)} refused: {failures[:5]}")
    allowed_sent = batches * KNOWN_PER_BATCH
    blocked_sent = batches * (BATCH - KNOWN_PER_BATCH)
    for _ in range(1200):  # the spool drains to the vendor
        with Vendor.lock:
            got = sum(Vendor.counts.values())
        if got >= allowed_sent:
            break
        time.sleep(0.1)
    print(f"sent {batches * BATCH} events in {batches} requests in {sent_s:.1f} s "
          f"({batches * BATCH / sent_s:,.0f} events/s through the gateway)", flush=True)
    gw.terminate()
    gw.wait(timeout=60)
    with Vendor.lock:
        received = dict(Vendor.counts)
    check("vendor-received-allowed", received == {"Report Exported": allowed_sent},
          f"{received}")

    out = subprocess.run([METAGATE, "map", "--config", config, "--format", "json"],
                         capture_output=True, text=True)
    if not check("map-ran", out.returncode == 0, out.stderr):
        return 1
    flows = json.loads(out.stdout)["flows"]

    def count(event, field, decision, form=None):
        return sum(f["count"] for f in flows if f["event"] == event and f["field"] == field and
                   f["decision"] == decision and (form is None or f["form"] == form))

    check("map-allowed-equals-received",
          count("Report Exported", "", "allowed") == received.get("Report Exported", -1),
          f'{count("Report Exported", "", "allowed")} != {received}')
    check("map-blocked-equals-not-received",
          count("Mystery Event", "", "blocked:unknown_event") == blocked_sent ==
          batches * BATCH - sum(received.values()),
          f'{count("Mystery Event", "", "blocked:unknown_event")} != {blocked_sent}')
    check("map-no-other-event-rows",
          sum(f["count"] for f in flows if f["field"] == "") == batches * BATCH)
    check("map-email-pseudonymized",
          count("Report Exported", "context.traits.email", "allowed", "pseudonymized") ==
          allowed_sent)
    check("map-plan-raw", count("Report Exported", "properties.plan", "allowed", "raw") ==
          allowed_sent)
    check("map-unknown-field-dropped",
          count("Report Exported", "properties.build", "allowed", "dropped") == allowed_sent)
    # A raw user id as a whole token: base64url pseudonyms and ids may hold "u_1" by chance.
    raw = re.findall(r"@example\.org|(?<![A-Za-z0-9_-])u_[0-9]+(?![A-Za-z0-9_-])", out.stdout)
    check("map-no-values", not raw, f"{raw[:3]}")
    approvals = subprocess.run([METAGATE, "approvals", "list", "--config", config, "--format",
                                "json", "--status", "all"], capture_output=True, text=True)
    queue = json.loads(approvals.stdout or "[]")
    check("approvals-counted",
          any(a["kind"] == "event" and a["event"] == "Mystery Event" and
              a["count"] == blocked_sent for a in queue) and
          any(a["kind"] == "field" and a["field"] == "properties.build" and
              a["count"] == allowed_sent for a in queue),
          json.dumps([(a["kind"], a.get("field"), a["count"]) for a in queue]))
    server.shutdown()
    print(f"{results['passed']} passed, {results['failed']} failed")
    return 0 if results["failed"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
