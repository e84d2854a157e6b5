#!/usr/bin/env python3
"""Durability of the gateway's spool, end to end over loopback.

100,000 Segment events (5,000 batches of 20, each event with its own messageId) are sent at full
speed by 4 keep-alive senders to `metagate serve`, which forwards to a `metagate sink`. When a
share of the batches has been acknowledged, the gateway is killed with SIGKILL and restarted on
the same port; the senders retry what was not acknowledged, as an SDK does. Then every
acknowledged event must reach the sink at least once (duplicates are allowed: they carry the same
messageId, so the vendor can drop them). Prints sent, acknowledged, delivered and duplicated
counts.

usage: durability_test.py METAGATE [EVENTS]
"""
import http.client
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time

METAGATE = sys.argv[1]
EVENTS = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
BATCH = 20
SENDERS = 4
KILL_AFTER = 0.4  # share of batches acknowledged before the SIGKILL
TOKEN = "durability-token"


def start(cmd, log_path):
    log = open(log_path, "ab")
    proc = subprocess.Popen(cmd, stderr=log, stdout=subprocess.DEVNULL)
    deadline = time.time() + 15
    while time.time() < deadline:
        with open(log_path, "rb") as f:
            text = f.read().decode("utf-8", "replace")
        found = re.findall(r"listening on ([0-9.]+:[0-9]+)", text)
        if len(found) > start.seen.get(log_path, 0):
            start.seen[log_path] = len(found)
            return proc, found[-1]
        if proc.poll() is not None:
            break
        time.sleep(0.05)
    raise SystemExit(f"FAIL {cmd[1]} did not start; see {log_path}")


start.seen = {}


def main():
    tmp = tempfile.mkdtemp(prefix="metagate_durability_")
    sink_out = os.path.join(tmp, "sink.jsonl")
    sink, sink_addr = start([METAGATE, "sink", "--listen", "127.0.0.1:0", "--out", sink_out],
                            os.path.join(tmp, "sink.err"))
    with open(os.path.join(tmp, "policies.cedar"), "w") as f:
        f.write('permit (principal, action == Action::"send_event", resource);\n'
                'permit (principal, action == Action::"send_field", resource);\n')
    import hashlib
    digest = hashlib.sha256(TOKEN.encode()).hexdigest()
    with open(os.path.join(tmp, "metagate.yaml"), "w") as f:
        f.write(f"""mode: enforce
policies: [policies.cedar]
integrations:
  - {{ id: app, kind: service, environment: production, credentials: [ {{ bearer_sha256: {digest} }} ] }}
vendors:
  - {{ id: seg, category: analytics, residency: eu, format: segment, upstream: "http://{sink_addr}/seg" }}
catalog:
  - {{ source: "*", event: "*", fields: {{ userId: [], properties.n: [] }} }}
unknown_fields: drop
unknown_events: allow
data_dir: {tmp}/data
spool: {{ initial_backoff_ms: 100, max_backoff_ms: 1000 }}
""")
    serve_cmd = [METAGATE, "serve", "--config", os.path.join(tmp, "metagate.yaml"), "--listen"]
    gw_log = os.path.join(tmp, "serve.err")
    gw, gw_addr = start(serve_cmd + ["127.0.0.1:0"], gw_log)
    host, port = gw_addr.split(":")

    batches = EVENTS // BATCH
    next_batch = [0]
    lock = threading.Lock()
    acked = set()  # messageIds acknowledged with 200
    counts = {"requests": 0, "events_sent": 0, "errors": 0, "acked_batches": 0}
    killed = threading.Event()

    def body(b):
        msgs = [{"type": "track", "event": "Tick", "messageId": f"e-{b * BATCH + i}",
                 "userId": f"u{(b * BATCH + i) % 997}", "properties": {"n": b * BATCH + i}}
                for i in range(BATCH)]
        return json.dumps({"batch": msgs})

    def sender():
        conn = None
        while True:
            with lock:
                b = next_batch[0]
                if b >= batches:
                    return
                next_batch[0] += 1
            data = body(b)
            deadline = time.time() + 90
            while True:  # an SDK retries until acknowledged
                try:
                    if conn is None:
                        conn = http.client.HTTPConnection(host, int(port), timeout=10)
                    with lock:
                        counts["events_sent"] += BATCH
                    conn.request("POST", "/v/seg/v1/batch", data,
                                 {"Authorization": f"Bearer {TOKEN}",
                                  "Content-Type": "application/json"})
                    resp = conn.getresponse()
                    resp.read()
                    with lock:
                        counts["requests"] += 1
                    if resp.status == 200:
                        with lock:
                            acked.update(f"e-{b * BATCH + i}" for i in range(BATCH))
                            counts["acked_batches"] += 1
                        break
                except (OSError, http.client.HTTPException):
                    with lock:
                        counts["errors"] += 1
                    if conn is not None:
                        conn.close()
                    conn = None
                if time.time() > deadline:
                    raise SystemExit(f"FAIL batch {b} was never acknowledged")
                time.sleep(0.05)

    threads = [threading.Thread(target=sender) for _ in range(SENDERS)]
    t0 = time.time()
    for t in threads:
        t.start()
    # SIGKILL mid-stream, then restart on the same port.
    while True:
        with lock:
            done = counts["acked_batches"]
        if done >= batches * KILL_AFTER:
            break
        if not any(t.is_alive() for t in threads):
            break
        time.sleep(0.01)
    with lock:
        acked_at_kill = len(acked)
    gw.send_signal(signal.SIGKILL)
    gw.wait()
    time.sleep(0.3)
    gw, _ = start(serve_cmd + [gw_addr], gw_log)
    for t in threads:
        t.join()
    send_seconds = time.time() - t0

    # Wait until the sink holds every acknowledged event (the spool delivers after a restart).
    def delivered():
        ids, total = set(), 0
        if os.path.exists(sink_out):
            with open(sink_out, "rb") as f:
                for line in f:
                    try:
                        rec = json.loads(line)
                    except ValueError:
                        continue  # a line being written
                    for m in json.loads(rec["body"])["batch"]:
                        ids.add(m["messageId"])
                        total += 1
        return ids, total

    deadline = time.time() + 120
    ids, total = delivered()
    while not acked <= ids and time.time() < deadline:
        time.sleep(0.5)
        ids, total = delivered()
    time.sleep(1)  # anything still in flight
    ids, total = delivered()
    gw.send_signal(signal.SIGTERM)
    gw_rc = gw.wait(timeout=30)
    sink.send_signal(signal.SIGTERM)
    sink.wait(timeout=10)

    missing = acked - ids
    print(f"events: {EVENTS} in {batches} batches of {BATCH}, {SENDERS} senders, "
          f"{send_seconds:.1f} s")
    print(f"sent (events, retries included): {counts['events_sent']}; "
          f"answered requests {counts['requests']}, failed attempts {counts['errors']}")
    print(f"acknowledged: {len(acked)} ({acked_at_kill} before the SIGKILL)")
    print(f"delivered: {len(ids)} unique, {total} in all; duplicated: {total - len(ids)}")
    print(f"acknowledged but not delivered: {len(missing)}")
    ok = True
    if missing:
        print("FAIL acknowledged events were lost, e.g. " + ", ".join(sorted(missing)[:5]))
        ok = False
    if len(acked) != EVENTS:
        print("FAIL not every event was acknowledged in the end")
        ok = False
    if acked_at_kill >= EVENTS:
        print("FAIL the gateway was killed only after everything was sent")
        ok = False
    if gw_rc != 0:
        print(f"FAIL the restarted gateway exited with {gw_rc}")
        ok = False
    with open(gw_log, "rb") as f:
        if f.read().count(b"listening on") != 2:
            print("FAIL the gateway did not restart")
            ok = False
    if ok:
        subprocess.run(["rm", "-rf", tmp])
        print("ok   durability")
    else:
        print(f"kept {tmp} for inspection")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
