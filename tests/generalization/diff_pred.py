#!/usr/bin/env python3
"""Show field/span disagreements between truth and a prediction file.
usage: diff_pred.py FORMAT PRED [max]"""
import json, os, sys, collections
D = os.path.dirname(os.path.abspath(__file__))
fmt, pred = sys.argv[1], sys.argv[2]
mx = int(sys.argv[3]) if len(sys.argv) > 3 else 10**9

def get(o, p):
    for t in p.split('/')[1:]:
        t = t.replace('~1', '/').replace('~0', '~')
        o = o[int(t)] if isinstance(o, list) else o[t]
    return o

def items(l):
    f, s = set(), set()
    for fd in l['fields']:
        for c in fd['classes']:
            f.add((fd['path'], c))
        for a, b, c in fd.get('spans', []) or []:
            s.add((fd['path'], a, b, c))
    return f, s

ev = [json.loads(x) for x in open(os.path.join(D, fmt + '.events.jsonl'), encoding='utf-8')]
tr = [json.loads(x) for x in open(os.path.join(D, fmt + '.labels.jsonl'), encoding='utf-8')]
pr = {}
for x in open(pred, encoding='utf-8'):
    x = json.loads(x); pr[x['line']] = x
cnt = collections.Counter(); shown = collections.Counter()
for t in tr:
    i = t['line']; p = pr.get(i, {'fields': []})
    tf, ts = items(t); pf, ps = items(p)
    for kind, a, b in (('FN', tf, pf), ('FP', pf, tf)):
        for (path, c) in sorted(a - b):
            key = (kind, c, path.split('/')[-1] if not path.split('/')[-1].isdigit() else path)
            v = get(ev[i], path)
            other = sorted(cc for (pp, cc) in b if pp == path)
            cnt[(kind, c)] += 1
            if shown[(kind, c)] < mx:
                shown[(kind, c)] += 1
                print(f"{kind} field {c:16s} line {i} {path} value={v!r:.150} other={other}")
    for kind, a, b in (('FN', ts, ps), ('FP', ps, ts)):
        for (path, s, e, c) in sorted(a - b):
            v = get(ev[i], path)
            cnt[(kind + '-span', c)] += 1
            if shown[(kind + '-span', c)] < mx:
                shown[(kind + '-span', c)] += 1
                other = sorted((ss, ee, cc, v[ss:ee]) for (pp, ss, ee, cc) in b if pp == path)
                print(f"{kind} span  {c:16s} line {i} {path} [{s},{e}] {v[s:e]!r} in {v!r:.160} other={other}")
for k, n in sorted(cnt.items()):
    print(k, n)
