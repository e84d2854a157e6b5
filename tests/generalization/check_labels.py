#!/usr/bin/env python3
"""Sanity checks for the generated set: every label path resolves to a string/number
leaf, spans lie inside the value, span classes appear in `classes`, cards in spans or
credit_card leaves pass Luhn, IBANs pass mod-97."""
import json, os, re, sys
D = os.path.dirname(os.path.abspath(__file__))

def get(o, p):
    for t in p.split('/')[1:]:
        t = t.replace('~1', '/').replace('~0', '~')
        o = o[int(t)] if isinstance(o, list) else o[t]
    return o

def luhn(s):
    d = [int(c) for c in s if c.isdigit()]
    t = 0
    for i, n in enumerate(reversed(d)):
        if i % 2: n = n * 2 - 9 if n * 2 > 9 else n * 2
        t += n
    return t % 10 == 0

def iban_ok(s):
    s = s.replace(' ', '')
    r = s[4:] + s[:4]
    return int(''.join(str(int(c, 36)) for c in r)) % 97 == 1

bad = 0
for f in ['segment', 'mixpanel', 'amplitude', 'posthog', 'otlp-logs', 'llm']:
    n = 0
    for ev, lb in zip(open(os.path.join(D, f + '.events.jsonl'), encoding='utf-8'), open(os.path.join(D, f + '.labels.jsonl'), encoding='utf-8')):
        e, l = json.loads(ev), json.loads(lb)
        for fd in l['fields']:
            n += 1
            v = get(e, fd['path'])
            assert isinstance(v, (str, int, float)) and not isinstance(v, bool), fd
            for a, b, c in fd.get('spans', []):
                assert 0 <= a < b <= len(v) and c in fd['classes'], (fd, v)
                sub = v[a:b]
                if c == 'credit_card' and not luhn(sub): print('luhn', sub); bad += 1
                if c == 'iban' and not iban_ok(sub): print('iban', sub); bad += 1
            if 'spans' not in fd and fd['classes'] == ['credit_card'] and not luhn(v): print('luhn', v); bad += 1
            if 'spans' not in fd and fd['classes'] == ['iban'] and not iban_ok(v): print('iban', v); bad += 1
    print(f, 'label records', n)
sys.exit(1 if bad else 0)
