#!/usr/bin/env python3
"""Runs the OpenID AuthZEN interop test data against a running `metagate pdp`.

    authzen_interop.py --base http://127.0.0.1:PORT --shared DIR/authzen-interop \
        --suite todo|gateway|search|certification

Suites (the PDP must be started with the matching examples/authzen-<suite>/metagate.yaml):
  todo           todo/decisions-authorization-api-1_0-{01,02}.json: evaluation and evaluations
  gateway        api-gateway/decisions.json
  search         search/{subject,resource,action}-search.json against /access/v1/search/<kind>
  certification  every case of certification/cases.json

Stricter than the upstream harnesses: every decision and search answer must be HTTP 200 with
Content-Type application/json; every request carries an X-Request-ID that must come back; a
batch answer must have one item per request item, in order; search results are compared as
exact sets. Prints one line per failing case and ends with `SUITE: N passed, M failed`.
Exit status: 0 all passed, 1 some case failed, 2 usage error or the server is unreachable.
Python 3 standard library only.
"""

import argparse
import http.client
import itertools
import json
import os
import sys
import urllib.parse

TIMEOUT_SECONDS = 10
PAGE_TOKEN_PLACEHOLDER = "<next_token from previous response>"
# Certification cases that test the PDP's behaviour when the request has no X-Request-ID.
CASES_WITHOUT_REQUEST_ID = {"c-2-5-2"}


class Unreachable(Exception):
    """The server could not be reached at all (refused, reset, timed out)."""


class Reply:
    def __init__(self, status, headers, raw):
        self.status = status
        self.headers = headers  # lower-case name -> value
        self.raw = raw
        try:
            self.body = json.loads(raw.decode("utf-8")) if raw else None
        except (UnicodeDecodeError, ValueError):
            self.body = None

    def media_type(self):
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


class Client:
    def __init__(self, base):
        url = urllib.parse.urlsplit(base)
        if url.scheme not in ("http", "https") or not url.hostname:
            raise ValueError("--base must be an http(s) URL, e.g. http://127.0.0.1:8080")
        self.base = base.rstrip("/")
        self.scheme = url.scheme
        self.netloc = url.netloc
        self.prefix = url.path.rstrip("/")
        self.ids = itertools.count(1)

    def next_request_id(self):
        return "authzen-interop-%d-%d" % (os.getpid(), next(self.ids))

    def send(self, method, path, body=None, headers=None):
        """Sends one request; `body` is bytes or None. Raises Unreachable on a network error."""
        conn_class = (
            http.client.HTTPSConnection if self.scheme == "https" else http.client.HTTPConnection
        )
        conn = conn_class(self.netloc, timeout=TIMEOUT_SECONDS)
        try:
            conn.request(method, self.prefix + path, body=body, headers=headers or {})
            resp = conn.getresponse()
            raw = resp.read()
            hdrs = {k.lower(): v for k, v in resp.getheaders()}
            return Reply(resp.status, hdrs, raw)
        except (OSError, http.client.HTTPException) as e:
            raise Unreachable("%s %s: %s" % (method, path, e.__class__.__name__)) from e
        finally:
            conn.close()

    def post_json(self, path, payload):
        """POSTs `payload` as JSON with a fresh X-Request-ID; returns (reply, problems)."""
        rid = self.next_request_id()
        headers = {"Content-Type": "application/json", "X-Request-ID": rid}
        reply = self.send("POST", path, json.dumps(payload).encode("utf-8"), headers)
        return reply, check_json_200(reply, rid)


def check_json_200(reply, request_id):
    """Returns the problems of a decision or search reply that must be a 200 JSON object."""
    problems = []
    if reply.status != 200:
        problems.append("HTTP %d, expected 200" % reply.status)
    if reply.media_type() != "application/json":
        problems.append("Content-Type %r, expected application/json" % reply.media_type())
    problems += check_echo(reply, request_id)
    if not isinstance(reply.body, dict):
        problems.append("body is not a JSON object")
    return problems


def check_echo(reply, request_id):
    got = reply.headers.get("x-request-id")
    if got != request_id:
        return ["X-Request-ID %s, expected the request's %r" % (show(got), request_id)]
    return []


def show(value):
    return "missing" if value is None else json.dumps(value, sort_keys=True)


class Report:
    def __init__(self, suite):
        self.suite = suite
        self.passed = 0
        self.failed = 0

    def record(self, where, problems):
        if problems:
            self.failed += 1
            print("FAIL %s %s: %s" % (self.suite, where, "; ".join(problems)))
        else:
            self.passed += 1

    def summary(self):
        print("%s: %d passed, %d failed" % (self.suite.upper(), self.passed, self.failed))
        return 1 if self.failed else 0


def load(shared, relpath):
    with open(os.path.join(shared, relpath), encoding="utf-8") as f:
        return json.load(f)


# --- todo and gateway: decision files ----------------------------------------------------------


def run_decisions(client, shared, files, report):
    for relpath in files:
        data = load(shared, relpath)
        name = os.path.basename(relpath)
        for i, case in enumerate(data.get("evaluation", [])):
            reply, problems = client.post_json("/access/v1/evaluation", case["request"])
            if not problems:
                got = reply.body.get("decision")
                if not isinstance(got, bool):
                    problems.append("decision is %s, expected a boolean" % show(got))
                elif got != case["expected"]:
                    want = show(case["expected"])
                    problems.append("decision %s, expected %s" % (show(got), want))
            report.record("%s evaluation[%d]" % (name, i), problems)
        for i, case in enumerate(data.get("evaluations", [])):
            reply, problems = client.post_json("/access/v1/evaluations", case["request"])
            if not problems:
                problems = check_batch(reply.body, case["request"], case["expected"])
            report.record("%s evaluations[%d]" % (name, i), problems)


def check_batch(body, request, expected):
    """Upstream compares the `evaluations` array as exact JSON; also checks length and order."""
    got = body.get("evaluations")
    if not isinstance(got, list):
        return ["evaluations is %s, expected an array" % show(got)]
    if len(got) != len(request.get("evaluations", [])):
        return ["%d evaluations for %d request items" % (len(got), len(request["evaluations"]))]
    problems = []
    for j, (g, e) in enumerate(zip(got, expected)):
        if g != e:
            problems.append("item %d is %s, expected %s" % (j, show(g), show(e)))
    return problems


# --- search ------------------------------------------------------------------------------------


def result_key(kind):
    if kind == "action":
        return lambda r: (str(r.get("name")),) if isinstance(r, dict) else ("",)
    return lambda r: (str(r.get("type")), str(r.get("id"))) if isinstance(r, dict) else ("", "")


def run_search(client, shared, report):
    for kind in ("subject", "resource", "action"):
        relpath = "search/%s-search.json" % kind
        key = result_key(kind)
        for i, case in enumerate(load(shared, relpath)["evaluation"]):
            reply, problems = client.post_json("/access/v1/search/" + kind, case["request"])
            if not problems:
                problems = check_exact_results(reply.body, case["expected"]["results"], key)
                problems += check_page(reply.body)
            report.record("%s evaluation[%d]" % (os.path.basename(relpath), i), problems)


def check_exact_results(body, expected, key):
    got = body.get("results")
    if not isinstance(got, list):
        return ["results is %s, expected an array" % show(got)]
    got_sorted = sorted(got, key=key)
    want_sorted = sorted(expected, key=key)
    if got_sorted == want_sorted:
        return []
    missing = [r for r in want_sorted if r not in got]
    extra = [r for r in got_sorted if r not in expected]
    problems = []
    if missing:
        problems.append("missing %s" % show(missing))
    if extra:
        problems.append("unexpected %s" % show(extra))
    if not problems:
        problems.append("results %s, expected %s" % (show(got_sorted), show(want_sorted)))
    return problems


def check_page(body):
    """If a search reply has `page`, it is an object whose next_token (if any) is a string."""
    if "page" not in body:
        return []
    page = body["page"]
    if not isinstance(page, dict):
        return ["page is %s, expected an object" % show(page)]
    if "next_token" in page and not isinstance(page["next_token"], str):
        return ["page.next_token is %s, expected a string" % show(page["next_token"])]
    return []


# --- certification -----------------------------------------------------------------------------


def substitute(value, old, new):
    if isinstance(value, str):
        return new if value == old else value
    if isinstance(value, list):
        return [substitute(v, old, new) for v in value]
    if isinstance(value, dict):
        return {k: substitute(v, old, new) for k, v in value.items()}
    return value


def certification_request(client, case, request):
    """Returns (method, path, body bytes or None, headers, the X-Request-ID sent or None)."""
    headers = {}
    body = None
    if "raw_body" in case:
        body = case["raw_body"].encode("utf-8")
    elif request is not None:
        body = json.dumps(request).encode("utf-8")
    if body is not None:
        headers["Content-Type"] = "application/json"
    request_id = None
    if case["id"] not in CASES_WITHOUT_REQUEST_ID:
        request_id = client.next_request_id()
        headers["X-Request-ID"] = request_id
    for name, value in case.get("headers", {}).items():
        headers = {k: v for k, v in headers.items() if k.lower() != name.lower()}
        headers[name] = value
        if name.lower() == "x-request-id":
            request_id = value
    return case["method"], case["path"], body, headers, request_id


def check_certification(client, case, reply, request_id):
    expect = case["expect"]
    problems = []
    status = expect.get("status")
    if status is not None and reply.status != status:
        problems.append("HTTP %d, expected %d" % (reply.status, status))
    if request_id is not None:
        problems += check_echo(reply, request_id)
    if problems:
        return problems
    body = reply.body
    if reply.status == 200:
        if reply.media_type() != "application/json":
            problems.append("Content-Type %r, expected application/json" % reply.media_type())
        if not isinstance(body, dict):
            return problems + ["body is not a JSON object"]
    if "content_type" in expect and reply.media_type() != expect["content_type"]:
        want = expect["content_type"]
        problems.append("Content-Type %r, expected %r" % (reply.media_type(), want))
    for name, value in expect.get("response_headers", {}).items():
        got = reply.headers.get(name.lower())
        if got != value:
            problems.append("header %s is %s, expected %s" % (name, show(got), show(value)))
    if "decision" in expect and body.get("decision") != expect["decision"]:
        got, want = show(body.get("decision")), show(expect["decision"])
        problems.append("decision %s, expected %s" % (got, want))
    if "evaluations" in expect or "evaluations_count" in expect:
        problems += check_certification_batch(case, body)
    if case["path"].startswith("/access/v1/search/") and reply.status == 200:
        problems += check_certification_search(case, body)
    if "required_fields" in expect:
        problems += check_discovery(client, body, expect["required_fields"])
    return problems


def check_certification_batch(case, body):
    expect = case["expect"]
    got = body.get("evaluations")
    if not isinstance(got, list):
        return ["evaluations is %s, expected an array" % show(got)]
    items = case["request"].get("evaluations", [])
    if len(got) != len(items):
        return ["%d evaluations for %d request items" % (len(got), len(items))]
    if "evaluations_count" in expect and len(got) != expect["evaluations_count"]:
        return ["%d evaluations, expected %d" % (len(got), expect["evaluations_count"])]
    problems = []
    decisions = [g.get("decision") if isinstance(g, dict) else None for g in got]
    for j, d in enumerate(decisions):
        if not isinstance(d, bool):
            problems.append("item %d decision is %s, expected a boolean" % (j, show(d)))
    if "evaluations" in expect and decisions != expect["evaluations"]:
        want = show(expect["evaluations"])
        problems.append("decisions %s, expected %s" % (show(decisions), want))
    return problems


def check_certification_search(case, body):
    expect = case["expect"]
    results = body.get("results")
    if not isinstance(results, list):
        return ["results is %s, expected an array" % show(results)]
    problems = check_page(body)
    for r in expect.get("results_include", []):
        if r not in results:
            problems.append("results lack %s" % show(r))
    if "results_exact" in expect:
        key = result_key(case["path"].rsplit("/", 1)[1])
        problems += check_exact_results(body, expect["results_exact"], key)
    if expect.get("page_next_token_is_string"):
        page = body.get("page")
        token = page.get("next_token") if isinstance(page, dict) else None
        if not isinstance(token, str):
            problems.append("page.next_token is %s, expected a string" % show(token))
    return problems


def check_discovery(client, body, required):
    problems = []
    for field in required:
        if field not in body:
            problems.append("discovery lacks %s" % field)
    pdp = body.get("policy_decision_point")
    if isinstance(pdp, str) and pdp.rstrip("/") != client.base:
        problems.append(
            "policy_decision_point %s, expected the base URL %s" % (show(pdp), client.base)
        )
    # The scenario wants https endpoint URLs; a test server on plain http cannot offer them,
    # so this checks that each endpoint is a string under the base URL instead.
    for field, value in body.items():
        if field == "policy_decision_point" or field.endswith("_endpoint"):
            if not isinstance(value, str):
                problems.append("%s is %s, expected a string" % (field, show(value)))
            elif field != "policy_decision_point" and not value.startswith(client.base + "/"):
                problems.append("%s %s is not under the base URL" % (field, show(value)))
    caps = body.get("capabilities")
    if caps is not None and not (isinstance(caps, list) and all(isinstance(c, str) for c in caps)):
        problems.append("capabilities is %s, expected an array of strings" % show(caps))
    return problems


def run_certification(client, shared, report):
    data = load(shared, "certification/cases.json")
    replies = {}
    for case in data["cases"]:
        request = case.get("request")
        if "only_if" in case:
            # The only conditional case: a page token taken from the previous case's reply.
            previous = replies.get(previous_case_id(data["cases"], case))
            page = None
            if previous is not None and isinstance(previous.body, dict):
                page = previous.body.get("page")
            token = page.get("next_token") if isinstance(page, dict) else None
            if not isinstance(token, str) or not token:
                note = "the previous reply has no page.next_token"
                print("skip %s %s: %s" % (report.suite, case["id"], note))
                continue
            request = substitute(request, PAGE_TOKEN_PLACEHOLDER, token)
        problems = []
        for attempt in range(case.get("repeat", 1)):
            method, path, body, headers, request_id = certification_request(client, case, request)
            reply = client.send(method, path, body, headers)
            replies[case["id"]] = reply
            problems = check_certification(client, case, reply, request_id)
            if problems:
                if attempt:
                    problems = ["attempt %d: %s" % (attempt + 1, p) for p in problems]
                break
        report.record(case["id"], problems)


def previous_case_id(cases, case):
    index = cases.index(case)
    return cases[index - 1]["id"] if index else None


SUITES = {
    "todo": lambda c, s, r: run_decisions(
        c,
        s,
        [
            "todo/decisions-authorization-api-1_0-01.json",
            "todo/decisions-authorization-api-1_0-02.json",
        ],
        r,
    ),
    "gateway": lambda c, s, r: run_decisions(c, s, ["api-gateway/decisions.json"], r),
    "search": run_search,
    "certification": run_certification,
}


def main():
    parser = argparse.ArgumentParser(description="Run the AuthZEN interop data against a PDP.")
    parser.add_argument("--base", required=True, help="the PDP's URL, e.g. http://127.0.0.1:8080")
    parser.add_argument("--shared", required=True, help="the authzen-interop data folder")
    parser.add_argument("--suite", required=True, choices=sorted(SUITES))
    args = parser.parse_args()  # exits 2 on a usage error
    if not os.path.isdir(args.shared):
        print("authzen_interop: --shared %s is not a folder" % args.shared, file=sys.stderr)
        return 2
    try:
        client = Client(args.base)
    except ValueError as e:
        print("authzen_interop: %s" % e, file=sys.stderr)
        return 2
    report = Report(args.suite)
    try:
        SUITES[args.suite](client, args.shared, report)
    except Unreachable as e:
        message = "cannot reach the PDP at %s (%s)" % (client.base, e)
        print("authzen_interop: " + message, file=sys.stderr)
        return 2
    except (OSError, ValueError, KeyError) as e:
        message = "cannot read the %s test data: %s" % (args.suite, e)
        print("authzen_interop: " + message, file=sys.stderr)
        return 2
    return report.summary()


if __name__ == "__main__":
    sys.exit(main())
