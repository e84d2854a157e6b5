#!/usr/bin/env python3
"""Validate the hold-out labels against their events (stdlib only).

Checks, for every FORMAT in the hold-out set:
  * events and labels files have the same number of lines; `line` matches the index;
  * every path is a valid RFC 6901 pointer that resolves to a string or number leaf;
  * no leaf is labelled twice;
  * classes are from the taxonomy, non-empty, without duplicates;
  * spans are in range (code points), non-overlapping, their class is listed in
    `classes`, and every embedded class has at least one span (except whole-value
    classes);
  * validators: credit_card values/spans pass Luhn, iban values/spans pass mod-97,
    national_id matches the US SSN shape, email contains '@' (or '%40'),
    ip_address parses as IPv4/IPv6, geo_coordinates are numbers in range.
Exit status 1 on any error.
"""
import ipaddress
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
FORMATS = ["segment", "mixpanel", "amplitude", "posthog", "otlp-logs", "llm"]
TAXONOMY = {
    "email", "phone", "person_name", "ip_address", "street_address", "city", "region", "country", "postal_code",
    "geo_coordinates", "user_id", "device_id", "session_id", "org_id", "tenant_id", "account_id", "credit_card",
    "iban", "national_id", "secret", "user_agent", "url", "referrer", "prompt_text", "prompt_category", "tool_name",
    "knowledge_base_id", "model_name", "error_code",
}
WHOLE_ONLY = {"url", "referrer", "prompt_text"}


def luhn_ok(s):
    ds = [int(c) for c in s if c.isdigit()]
    if not 12 <= len(ds) <= 19 or re.search(r"[^0-9 \-]", s):
        return False
    tot = 0
    for i, d in enumerate(reversed(ds)):
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        tot += d
    return tot % 10 == 0


def iban_ok(s):
    s = s.replace(" ", "")
    if not re.fullmatch(r"[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}", s):
        return False
    r = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in r)) % 97 == 1


def ssn_ok(s):
    m = re.fullmatch(r"(\d{3})([- ])(\d{2})\2(\d{4})", s)
    return bool(m) and m.group(1) not in ("000", "666") and int(m.group(1)) < 900 and m.group(3) != "00" and m.group(4) != "0000"


def ip_ok(s):
    try:
        ipaddress.ip_address(s)
        return True
    except ValueError:
        return False


VALIDATORS = {
    "credit_card": luhn_ok, "iban": iban_ok, "national_id": ssn_ok, "ip_address": ip_ok,
    "email": lambda s: "@" in s or "%40" in s,
}


def resolve(doc, ptr):
    if ptr == "" or not ptr.startswith("/"):
        raise KeyError("bad pointer")
    cur = doc
    for tok in ptr[1:].split("/"):
        tok = tok.replace("~1", "/").replace("~0", "~")
        if isinstance(cur, list):
            if not re.fullmatch(r"0|[1-9][0-9]*", tok):
                raise KeyError(tok)
            cur = cur[int(tok)]
        elif isinstance(cur, dict):
            cur = cur[tok]
        else:
            raise KeyError(tok)
    return cur


def check(fmt):
    errs = []
    ev_lines = open(os.path.join(HERE, f"{fmt}.events.jsonl"), encoding="utf-8").read().splitlines()
    lb_lines = open(os.path.join(HERE, f"{fmt}.labels.jsonl"), encoding="utf-8").read().splitlines()
    if len(ev_lines) != len(lb_lines):
        errs.append(f"{fmt}: {len(ev_lines)} events vs {len(lb_lines)} labels")
    nfields = nspans = 0
    for i, (e, l) in enumerate(zip(ev_lines, lb_lines)):
        doc, lab = json.loads(e), json.loads(l)
        where = f"{fmt}:{i}"
        if lab.get("line") != i:
            errs.append(f"{where}: line={lab.get('line')}")
        seen = set()
        for f in lab["fields"]:
            nfields += 1
            p, cls = f["path"], f["classes"]
            w = f"{where} {p}"
            if p in seen:
                errs.append(f"{w}: labelled twice")
            seen.add(p)
            try:
                v = resolve(doc, p)
            except (KeyError, IndexError, ValueError) as x:
                errs.append(f"{w}: does not resolve ({x})")
                continue
            if isinstance(v, bool) or not isinstance(v, (str, int, float)):
                errs.append(f"{w}: not a string/number leaf: {type(v).__name__}")
                continue
            if not cls or len(set(cls)) != len(cls) or not set(cls) <= TAXONOMY:
                errs.append(f"{w}: bad classes {cls}")
            spans = f.get("spans", [])
            if "spans" in f and not spans:
                errs.append(f"{w}: empty spans list")
            span_cls = set()
            prev_end = -1
            for s in sorted(spans):
                nspans += 1
                a, b, c = s
                span_cls.add(c)
                if not isinstance(v, str) or not (0 <= a < b <= len(v)):
                    errs.append(f"{w}: span {s} out of range")
                    continue
                if a < prev_end:
                    errs.append(f"{w}: overlapping span {s}")
                prev_end = b
                if c not in cls:
                    errs.append(f"{w}: span class {c} not in classes")
                sub = v[a:b]
                if sub != sub.strip() or not sub:
                    errs.append(f"{w}: span {s} has surrounding whitespace: {sub!r}")
                if c in VALIDATORS and not VALIDATORS[c](sub):
                    errs.append(f"{w}: span {s} {sub!r} fails {c} validator")
            # classes without a span must be whole-value classes: the value itself must validate
            whole = [c for c in cls if c not in span_cls]
            for c in whole:
                if c in VALIDATORS and isinstance(v, str) and not VALIDATORS[c](v):
                    errs.append(f"{w}: whole value {v!r} fails {c} validator")
                if c == "geo_coordinates" and not (isinstance(v, (int, float)) and -180 <= v <= 180):
                    errs.append(f"{w}: bad coordinate {v!r}")
            # whole-value classes come first, embedded ones after
            emb_started = False
            for c in cls:
                if c in span_cls:
                    emb_started = True
                elif emb_started and c not in WHOLE_ONLY:
                    errs.append(f"{w}: whole-value class {c} after embedded classes {cls}")
    return errs, nfields, nspans


def main():
    fmts = sys.argv[1:] or FORMATS
    bad = 0
    for fmt in fmts:
        errs, nf, ns = check(fmt)
        print(f"{fmt:10s} fields={nf:5d} spans={ns:4d} errors={len(errs)}")
        for e in errs[:20]:
            print("   ", e)
        bad += len(errs)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
