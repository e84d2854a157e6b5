#!/usr/bin/env python3
"""Posts every line of the labelled datasets (../shared/datasets) to `metagate serve`, through
each vendor's ingest API, as SDKs would; used by gateway_datasets_test.sh.

    gateway_datasets_send.py GATEWAY_ADDR DATASETS_DIR OUT_DIR

The gateway config (written by the test script) has one vendor per dataset format, its id the
format's name, and four integrations: `sdk` (the datasets' own Mixpanel tokens and Amplitude and
PostHog api keys, as api_key digests), `pipeline` (BEARER), `web-source` (Segment WRITE_KEY, as
Basic user or `writeKey` in the body) and `mixpanel-import` (the Mixpanel API secret
MIXPANEL_SECRET as Basic user, for /import). The credentials come from the environment
(GW_TEST_BEARER, GW_TEST_WRITE_KEY, GW_TEST_MIXPANEL_SECRET).

In order: (1) every ingest endpoint with a wrong or missing credential must answer 401 in the
vendor's error shape; their bodies carry `e2e-unauthorized-` markers that must never reach the
sink; (2) every dataset line, spread over the endpoints and credential styles; each reply must be
the vendor's success reply; (3) one accepted request per vendor with an `e2e-authorized-` marker
(the positive control for (1)); (4) /metrics must count every request under the integration its
credential names. Writes OUT_DIR/accepted (how many requests were accepted, i.e. the least number
of upstream requests the sink should see) and prints a summary. Exits 1 on any failure.

Changes to dataset bodies, all leaving the labelled values as they are: a third of the Segment
and LLM bodies carry the write key as `writeKey`; a third of the single Segment calls leave out
`type` (the path gives it); PostHog events get a `uuid` (`posthog-LINE-INDEX` as a UUID, the form
gateway_datasets_check expects), as posthog-js sends one; PostHog batches of one event go to
/capture as a single event in half of the cases.
"""

import base64
import collections
import http.client
import json
import os
import queue
import re
import sys
import threading
import urllib.parse

WORKERS = 4


def posthog_uuid(line, index):
    """The uuid given to event `index` of PostHog dataset line `line` (zero-based)."""
    return "00000000-0000-4000-8000-%06d%06d" % (line, index)


def basic(user):
    return "Basic " + base64.b64encode((user + ":").encode()).decode()


def dumps(obj):
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


class Failures:
    def __init__(self):
        self.lock = threading.Lock()
        self.items = []

    def add(self, what):
        with self.lock:
            self.items.append(what)


def json_or_none(data):
    try:
        return json.loads(data)
    except ValueError:
        return None


def success_ok(fmt, path, events, status, body):
    """Whether (status, body) is the vendor's success reply for a request of `events` events."""
    if status != 200:
        return False
    if fmt in ("segment", "llm"):
        return json_or_none(body) == {"success": True}
    if fmt == "mixpanel":
        if path.startswith("/import"):
            j = json_or_none(body)
            return (isinstance(j, dict) and j.get("code") == 200 and j.get("status") == 1 and
                    j.get("num_records_imported") == events)
        return body.strip() == b"1"
    if fmt == "amplitude":
        j = json_or_none(body)
        return (isinstance(j, dict) and j.get("code") == 200 and
                j.get("events_ingested") == events and
                isinstance(j.get("payload_size_bytes"), int) and
                isinstance(j.get("server_upload_time"), int))
    if fmt == "posthog":
        return json_or_none(body) == {"status": 1}
    j = json_or_none(body)  # OTLP: an ExportLogsServiceResponse, nothing rejected
    return isinstance(j, dict) and not (j.get("partialSuccess") or {}).get("rejectedLogRecords")


def unauthorized_ok(fmt, status, body):
    if status != 401:
        return False
    j = json_or_none(body)
    if not isinstance(j, dict):
        return False
    if fmt in ("segment", "llm"):
        return j.get("success") is False and isinstance(j.get("error"), str)
    if fmt == "mixpanel":
        return j.get("status") == 0 and isinstance(j.get("error"), str)
    if fmt == "amplitude":
        return j.get("code") == 401 and isinstance(j.get("error"), str)
    if fmt == "posthog":
        return j.get("type") == "authentication_error"
    return j.get("code") == 16  # google.rpc UNAUTHENTICATED


class Sender:
    """A pool of keep-alive connections; `submit` queues a request, `join` waits for all."""

    def __init__(self, addr, failures):
        self.addr = addr
        self.failures = failures
        self.jobs = queue.Queue(maxsize=256)
        self.lock = threading.Lock()
        self.counts = collections.Counter()  # (vendor, integration) -> accepted requests
        self.sent = collections.Counter()  # vendor -> requests
        self.reconnects = 0
        self.threads = [threading.Thread(target=self._run, daemon=True) for _ in range(WORKERS)]
        for t in self.threads:
            t.start()

    def submit(self, job):
        self.jobs.put(job)

    def join(self):
        self.jobs.join()

    def _post(self, conn, path, headers, body):
        """POSTs on `conn`; reconnects once if the server closed the idle connection."""
        for attempt in (0, 1):
            try:
                conn.request("POST", path, body=body, headers=headers)
                resp = conn.getresponse()
                return conn, resp.status, resp.read()
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                conn.close()
                conn = http.client.HTTPConnection(self.addr, timeout=60)
                if attempt == 1:
                    raise
                with self.lock:
                    self.reconnects += 1
        raise AssertionError("unreachable")

    def _run(self):
        conn = http.client.HTTPConnection(self.addr, timeout=60)
        while True:
            job = self.jobs.get()
            try:
                fmt, path, headers, body, expect, events, integration, what = job
                headers = dict(headers)
                headers.setdefault("Content-Type", "application/json")
                try:
                    conn, status, reply = self._post(conn, "/v/" + fmt + path, headers, body)
                except (OSError, http.client.HTTPException) as e:
                    self.failures.add("%s %s (%s): no reply (%s)" %
                                      (fmt, path, what, type(e).__name__))
                    continue
                with self.lock:
                    self.sent[fmt] += 1
                    if status == 200:
                        self.counts[(fmt, integration)] += 1
                    elif status == 401:
                        self.counts[(fmt, "_none")] += 1
                ok = (success_ok(fmt, path, events, status, reply) if expect == "ok" else
                      unauthorized_ok(fmt, status, reply))
                if not ok:
                    self.failures.add("%s %s (%s): expected the %s reply, got %d %s" %
                                      (fmt, path, what, "success" if expect == "ok" else "401",
                                       status, reply[:120]))
            finally:
                self.jobs.task_done()


# --- (1) wrong or missing credentials, and (3) the positive control -----------------------------

def probe_bodies(fmt, marker, key):
    """{endpoint: body} for one small request per ingest endpoint of `fmt`; `key` is the body
    credential (None: none in the body)."""
    if fmt in ("segment", "llm"):
        def msg(kind, n):
            m = {"type": kind, "userId": "probe-user", "messageId": "%s-%s-%d" % (marker, fmt, n)}
            if kind == "track":
                m["event"] = "Probe Sent"
            return m
        out = {}
        for n, kind in enumerate(["track", "identify", "page", "screen", "group", "alias"]):
            body = msg(kind, n)
            if key:
                body["writeKey"] = key
            out["/v1/" + kind] = dumps(body)
        for n, path in ((10, "/v1/batch"), (11, "/v1/import")):
            body = {"batch": [msg("track", n)]}
            if key:
                body["writeKey"] = key
            out[path] = dumps(body)
        return out
    if fmt == "mixpanel":
        def arr(n):
            props = {"distinct_id": "probe-user", "time": 1731661801,
                     "$insert_id": "%s-%s-%d" % (marker, fmt, n)}
            if key:
                props["token"] = key
            return dumps([{"event": "Probe Sent", "properties": props}])
        return {"/track": arr(0), "/engage": arr(1), "/import": arr(2)}
    if fmt == "amplitude":
        def body(n):
            b = {"events": [{"event_type": "Probe Sent", "device_id": "probe-device",
                             "insert_id": "%s-%s-%d" % (marker, fmt, n)}]}
            if key:
                b["api_key"] = key
            return dumps(b)
        return {"/2/httpapi": body(0), "/batch": body(1)}
    if fmt == "posthog":
        def event(n):
            e = {"event": "Probe Sent", "distinct_id": "probe-user",
                 "uuid": "%s-%s-%d" % (marker, fmt, n)}
            if key:
                e["api_key"] = key
            return e
        batch = {"batch": [event(0)]}
        if key:
            batch["api_key"] = key
            del batch["batch"][0]["api_key"]
        return {"/batch": dumps(batch), "/capture": dumps(event(1)), "/e": dumps(event(2)),
                "/i/v0/e": dumps(event(3))}
    record = {"timeUnixNano": "1731709614412697085", "severityText": "INFO",
              "body": {"stringValue": "%s-%s" % (marker, fmt)}}
    return {"/v1/logs": dumps({"resourceLogs": [{"resource": {"attributes": []},
                                                 "scopeLogs": [{"logRecords": [record]}]}]})}


def mixpanel_form(body):
    return "data=" + urllib.parse.quote(base64.b64encode(body.encode()).decode(), safe="")


def probes(sender, creds, dataset_keys):
    """Every endpoint with each wrong or missing credential style: 401."""
    n = 0
    for fmt in ("segment", "llm", "mixpanel", "amplitude", "posthog", "otlp-logs"):
        styles = [("missing", {}, None),
                  ("wrong bearer", {"Authorization": "Bearer wrong-bearer-x"}, None)]
        if fmt in ("segment", "llm"):
            styles += [("wrong basic", {"Authorization": basic("wrong-write-key-x")}, None),
                       ("wrong writeKey", {}, "wrong-write-key-x"),
                       # A valid credential of another kind is no credential.
                       ("bearer as basic", {"Authorization": basic(creds["bearer"])}, None)]
        if fmt == "mixpanel":
            styles += [("wrong token", {}, "wrong-mixpanel-token-x"),
                       ("wrong basic", {"Authorization": basic("wrong-secret-x")},
                        "wrong-mixpanel-token-x")]
        if fmt in ("amplitude", "posthog"):
            styles += [("wrong api_key", {}, "wrong-api-key-x"),
                       ("dataset key as bearer",
                        {"Authorization": "Bearer " + dataset_keys[fmt]}, None)]
        for style, headers, key in styles:
            for path, body in probe_bodies(fmt, "e2e-unauthorized", key).items():
                sender.submit((fmt, path, headers, body.encode(), "401", 0, "_none", style))
                n += 1
                if fmt == "mixpanel" and path == "/track":
                    form = {"Content-Type": "application/x-www-form-urlencoded", **headers}
                    sender.submit((fmt, path, form, mixpanel_form(body).encode(), "401", 0,
                                   "_none", style + " (form)"))
                    n += 1
    return n


def positive_controls(sender, creds, dataset_keys):
    bearer = {"Authorization": "Bearer " + creds["bearer"]}
    for fmt in ("segment", "llm", "mixpanel", "amplitude", "posthog", "otlp-logs"):
        key = dataset_keys.get(fmt)
        bodies = probe_bodies(fmt, "e2e-authorized", key)
        path = {"segment": "/v1/batch", "llm": "/v1/track", "mixpanel": "/track",
                "amplitude": "/2/httpapi", "posthog": "/capture", "otlp-logs": "/v1/logs"}[fmt]
        headers, integration = ({}, "sdk") if key else (bearer, "pipeline")
        sender.submit((fmt, path, headers, bodies[path].encode(), "ok", 1, integration,
                       "positive control"))


# --- (2) the datasets ----------------------------------------------------------------------------

def dataset_requests(fmt, lines, creds):
    """Yields (path, headers, body bytes, events, integration, what) for every dataset line."""
    bearer = {"Authorization": "Bearer " + creds["bearer"]}
    singles = 0
    posthog_singles = 0
    for i, line in enumerate(lines):
        what = "line %d" % i
        if fmt in ("segment", "llm"):
            body = json.loads(line)
            events = len(body["batch"]) if "batch" in body else 1
            path = "/v1/batch" if "batch" in body else "/v1/" + body["type"]
            text = line
            if "batch" not in body:
                singles += 1
                if singles % 3 == 0:  # no `type`: the path says it
                    del body["type"]
                    text = dumps(body)
            if i % 3 == 0:
                yield path, {"Authorization": basic(creds["write_key"])}, text.encode(), events, \
                    "web-source", what
            elif i % 3 == 1:
                yield path, bearer, text.encode(), events, "pipeline", what
            else:
                text = '{"writeKey":' + json.dumps(creds["write_key"]) + "," + text.lstrip()[1:]
                yield path, {}, text.encode(), events, "web-source", what
        elif fmt == "mixpanel":
            events = len(json.loads(line))
            style = i % 4
            if style == 0:  # the JS SDK: form-encoded, data= base64 of the JSON array
                yield "/track", {"Content-Type": "application/x-www-form-urlencoded"}, \
                    mixpanel_form(line).encode(), events, "sdk", what
            elif style == 1:
                yield "/track", {}, line.encode(), events, "sdk", what
            elif style == 2:
                yield "/import", {"Authorization": basic(creds["mixpanel_secret"])}, \
                    line.encode(), events, "mixpanel-import", what
            else:
                yield "/track", bearer, line.encode(), events, "pipeline", what
        elif fmt == "amplitude":
            events = len(json.loads(line)["events"])
            path = "/2/httpapi" if i % 2 == 0 else "/batch"
            if i % 4 < 2:
                yield path, {}, line.encode(), events, "sdk", what
            else:
                yield path, bearer, line.encode(), events, "pipeline", what
        elif fmt == "posthog":
            body = json.loads(line)
            for k, e in enumerate(body["batch"]):
                e["uuid"] = posthog_uuid(i, k)
            events = len(body["batch"])
            headers, integration = ({}, "sdk") if i % 3 != 1 else (bearer, "pipeline")
            if events == 1 and posthog_singles % 2 == 0:
                single = {"api_key": body["api_key"], **body["batch"][0]}
                posthog_singles += 1
                yield "/capture", headers, dumps(single).encode(), 1, integration, what
                continue
            if events == 1:
                posthog_singles += 1
            yield "/batch", headers, dumps(body).encode(), events, integration, what
        else:
            body = json.loads(line)
            events = sum(len(s.get("logRecords", [])) for r in body["resourceLogs"]
                         for s in r.get("scopeLogs", []))
            yield "/v1/logs", bearer, line.encode(), events, "pipeline", what


def check_metrics(addr, expected, failures):
    conn = http.client.HTTPConnection(addr, timeout=30)
    conn.request("GET", "/metrics")
    text = conn.getresponse().read().decode()
    got = collections.Counter()
    for m in re.finditer(r'^metagate_requests_total\{vendor="([^"]+)",integration="([^"]+)",'
                         r'status="(\d+)"\} (\d+)$', text, re.M):
        vendor, integration, status, n = m.groups()
        if status in ("200", "401"):
            got[(vendor, integration)] += int(n)
    for key in sorted(set(expected) | set(got)):
        if expected[key] != got[key]:
            failures.add("metrics: %s requests of vendor %s under integration %s, expected %s" %
                         (got[key], key[0], key[1], expected[key]))


def main():
    if len(sys.argv) != 4:
        sys.exit("usage: gateway_datasets_send.py GATEWAY_ADDR DATASETS_DIR OUT_DIR")
    addr, datasets, out_dir = sys.argv[1:]
    creds = {"bearer": os.environ["GW_TEST_BEARER"], "write_key": os.environ["GW_TEST_WRITE_KEY"],
             "mixpanel_secret": os.environ["GW_TEST_MIXPANEL_SECRET"]}
    formats = ("segment", "mixpanel", "amplitude", "posthog", "otlp-logs", "llm")
    lines = {}
    for fmt in formats:
        with open(os.path.join(datasets, fmt + ".events.jsonl"), encoding="utf-8") as f:
            lines[fmt] = [l for l in f.read().split("\n") if l]
    dataset_keys = {"mixpanel": json.loads(lines["mixpanel"][0])[0]["properties"]["token"],
                    "amplitude": json.loads(lines["amplitude"][0])["api_key"],
                    "posthog": json.loads(lines["posthog"][0])["api_key"]}

    failures = Failures()
    sender = Sender(addr, failures)
    n401 = probes(sender, creds, dataset_keys)
    sender.join()
    unauthorized = sum(v for (f, i), v in sender.counts.items() if i == "_none")

    summary = {}
    for fmt in formats:
        before = sum(v for (f, i), v in sender.counts.items() if f == fmt and i != "_none")
        events = 0
        by_path = collections.Counter()
        for path, headers, body, n, integration, what in dataset_requests(fmt, lines[fmt], creds):
            events += n
            by_path[path] += 1
            sender.submit((fmt, path, headers, body, "ok", n, integration, what))
        sender.join()
        accepted = sum(v for (f, i), v in sender.counts.items() if f == fmt and i != "_none")
        summary[fmt] = (len(lines[fmt]), accepted - before, events, by_path)
    positive_controls(sender, creds, dataset_keys)
    sender.join()
    check_metrics(addr, sender.counts, failures)

    accepted = sum(v for (f, i), v in sender.counts.items() if i != "_none")
    with open(os.path.join(out_dir, "accepted"), "w") as f:
        f.write("%d\n" % accepted)
    print("sent: %d wrong-credential requests (%d answered 401)" % (n401, unauthorized))
    for fmt in formats:
        total, ok, events, by_path = summary[fmt]
        paths = ", ".join("%s %d" % kv for kv in sorted(by_path.items()))
        print("sent: %-9s %d bodies (%d events), %d accepted; %s" % (fmt, total, events, ok, paths))
    styles = ", ".join("%s/%s %d" % (f, i, v) for (f, i), v in sorted(sender.counts.items()))
    print("accepted by vendor/integration: " + styles)
    if sender.reconnects:
        print("reconnects after the gateway closed a keep-alive connection: %d" % sender.reconnects)
    for what in failures.items[:20]:
        print("FAIL " + what)
    if failures.items:
        print("%d requests failed" % len(failures.items))
        sys.exit(1)


if __name__ == "__main__":
    main()
