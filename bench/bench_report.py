#!/usr/bin/env python3
"""Writes bench/run.sh's results into docs/benchmarks.md and docs/bench-policies.png.

Reads RESULTS/authz.tsv (one row per app, policy count, entity count and engine),
RESULTS/egress.tsv (the fast-redact peer), RESULTS/egress_bench.json (Google Benchmark: the
egress filter, simdjson, HMAC) and replaces the section of the document between the generated
section's marker comments (inserted before the first `## ` heading the first time); the
hand-written sections stay. Each target of issue 9 gets PASS or MISS. python3 stdlib only.
"""
import argparse
import csv
import datetime
import json
import os
import platform
import subprocess
import sys

BEGIN = "<!-- bench/run.sh: generated section begins; edits here are overwritten -->"
END = "<!-- bench/run.sh: generated section ends -->"


def num(v):
    try:
        return float(v)
    except (TypeError, ValueError):
        return None


def fmt(v, digits=0):
    if v is None:
        return "n/a"
    return f"{v:,.{digits}f}"


def ratio(a, b, digits=1):
    if a is None or b is None or b == 0:
        return "n/a"
    return f"{a / b:,.{digits}f}×"


def verdict(ok):
    return "n/a" if ok is None else ("PASS" if ok else "MISS")


def machine():
    model, cores = platform.processor() or "unknown", os.cpu_count()
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True, check=True).stdout
        for line in out.splitlines():
            if line.startswith("Model name:"):
                model = line.split(":", 1)[1].strip()
    except (OSError, subprocess.CalledProcessError):
        pass
    try:
        load = os.getloadavg()[0]
    except OSError:
        load = None
    return model, cores, load


def read_authz(path):
    rows = {}
    with open(path) as f:
        for r in csv.DictReader(f, delimiter="\t"):
            key = (r["app"], int(r["policies"]), int(r["entities"]), r["engine"])
            rows[key] = {k: num(v) for k, v in r.items() if k not in ("app", "engine")}
    return rows


def read_egress(results):
    out = {}  # (dataset, engine) -> {"events": x, "mbs": y}
    path = os.path.join(results, "egress.tsv")
    if os.path.exists(path):
        with open(path) as f:
            for r in csv.DictReader(f, delimiter="\t"):
                out[(r["dataset"], r["engine"])] = {
                    "events": num(r["events_per_s"]), "mbs": num(r["mb_per_s"])}
    hmac = None
    path = os.path.join(results, "egress_bench.json")
    if os.path.exists(path):
        benches = json.load(open(path))["benchmarks"]
        medians = [b for b in benches if b.get("aggregate_name") == "median"]
        for b in medians or [b for b in benches if b.get("run_type") != "aggregate"]:
            name = b["run_name"]
            if name.startswith("BM_Filter/") and name.endswith("/drop"):
                out[(name.split("/")[1], "metagate")] = {
                    "events": b.get("events/s"), "mbs": b["bytes_per_second"] / 1e6}
            elif name.startswith("BM_SimdjsonParse/"):
                out[(name.split("/")[1], "simdjson")] = {
                    "events": None, "mbs": b["bytes_per_second"] / 1e6}
            elif name == "BM_Pseudonymize":
                unit = {"ns": 1, "us": 1e3, "ms": 1e6}.get(b.get("time_unit", "ns"), 1)
                hmac = b["cpu_time"] * unit
    return out, hmac


def authz_tables(rows, args, lines, targets):
    apps = sorted({k[0] for k in rows})
    policies = sorted({k[1] for k in rows if k[2] == args.policy_sweep_entities})
    entities = sorted({k[2] for k in rows if k[1] == args.entity_sweep_policies})
    get = lambda app, p, e, eng, f: rows.get((app, p, e, eng), {}).get(f)

    lines.append(f"### Authorization: policy sweep at {args.policy_sweep_entities:,} entities")
    lines.append("")
    lines.append("Decisions per second on one core and the median (p50) and 99th-percentile time of "
                 "one decision in ns; ratio = metagate's decisions/s over the peer's.")
    lines.append("")
    lines.append("| app | policies | metagate dec/s | p50 ns | p99 ns | cedar-wasm dec/s | p50 ns | "
                 "ratio | casbin dec/s | ratio |")
    lines.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    e = args.policy_sweep_entities
    for app in apps:
        for p in policies:
            m = lambda f: get(app, p, e, "metagate", f)
            c = lambda f: get(app, p, e, "cedar-wasm", f)
            k = lambda f: get(app, p, e, "casbin", f)
            has_casbin = (app, p, e, "casbin") in rows
            lines.append(
                f"| {app} | {p:,} | {fmt(m('decisions_per_s'))} | {fmt(m('p50_ns'))} | "
                f"{fmt(m('p99_ns'))} | {fmt(c('decisions_per_s'))} | {fmt(c('p50_ns'))} | "
                f"{ratio(m('decisions_per_s'), c('decisions_per_s'))} | "
                f"{fmt(k('decisions_per_s')) if has_casbin else '—'} | "
                f"{ratio(m('decisions_per_s'), k('decisions_per_s')) if has_casbin else '—'} |")
    lines.append("")

    lines.append(f"### Authorization and memory: entity sweep at {args.entity_sweep_policies} "
                 "policies")
    lines.append("")
    lines.append("RSS: `metagate bench`'s VmRSS after loading (its `loaded` line); JSON: the policy "
                 "and entity files' bytes; trimmed: VmRSS once `malloc_trim` returned the heap freed "
                 "after loading (file text, JSON trees) to the system; max RSS: `/usr/bin/time -v` "
                 "over the whole run. The target is judged both ways: untrimmed, and trimmed (what "
                 "`metagate pdp` holds after its own load, which returns that heap the same way). The "
                 f"process's floor (a 2-policy, 1-entity file) is {fmt(args.baseline_rss / 1e6, 1)} "
                 "MB of RSS.")
    lines.append("")
    lines.append("| app | entities | metagate dec/s | p50 ns | cedar-wasm dec/s | ratio | casbin "
                 "dec/s | ratio | JSON MB | RSS MB | RSS / JSON | trimmed MB | trimmed / JSON | max RSS MB | "
                 "load ms |")
    lines.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    p = args.entity_sweep_policies
    for app in apps:
        for e in entities:
            m = lambda f: get(app, p, e, "metagate", f)
            c = lambda f: get(app, p, e, "cedar-wasm", f)
            k = lambda f: get(app, p, e, "casbin", f)
            has_casbin = (app, p, e, "casbin") in rows
            js, rss, maxrss = m("json_bytes"), m("rss_bytes"), m("max_rss_kb")
            trim = m("rss_trim_bytes")
            lines.append(
                f"| {app} | {e:,} | {fmt(m('decisions_per_s'))} | {fmt(m('p50_ns'))} | "
                f"{fmt(c('decisions_per_s'))} | {ratio(m('decisions_per_s'), c('decisions_per_s'))} | "
                f"{fmt(k('decisions_per_s')) if has_casbin else '—'} | "
                f"{ratio(m('decisions_per_s'), k('decisions_per_s')) if has_casbin else '—'} | "
                f"{fmt(js / 1e6 if js else None, 1)} | {fmt(rss / 1e6 if rss else None, 1)} | "
                f"{ratio(rss, js)} | {fmt(trim / 1e6 if trim else None, 1)} | {ratio(trim, js)} | "
                f"{fmt(maxrss / 1e3 if maxrss else None, 1)} | "
                f"{fmt(m('load_ms'))} |")
    lines.append("")

    # Targets.
    t100 = 100 if 100 in policies else None
    for app in apps:
        e_p = args.policy_sweep_entities
        mp50 = get(app, t100, e_p, "metagate", "p50_ns") if t100 else None
        targets.append((f"{app}: p50 at 100 policies ≤ 1 µs", f"{fmt(mp50)} ns",
                        verdict(None if mp50 is None else mp50 <= 1000)))
        md = get(app, t100, e_p, "metagate", "decisions_per_s") if t100 else None
        cd = get(app, t100, e_p, "cedar-wasm", "decisions_per_s") if t100 else None
        targets.append((f"{app}: decisions/s at 100 policies ≥ 80× cedar-wasm", ratio(md, cd),
                        verdict(None if md is None or not cd else md / cd >= 80)))
        if (app, t100, e_p, "casbin") in rows:
            kd = get(app, t100, e_p, "casbin", "decisions_per_s")
            targets.append((f"{app}: decisions/s at 100 policies ≥ 10× casbin", ratio(md, kd),
                            verdict(None if md is None or not kd else md / kd >= 10)))
        if len(policies) >= 2:
            lo = get(app, policies[0], e_p, "metagate", "p50_ns")
            hi = get(app, policies[-1], e_p, "metagate", "p50_ns")
            targets.append((f"{app}: p50 from {policies[0]:,} to {policies[-1]:,} policies grows "
                            "≤ 2×", ratio(hi, lo, 2),
                            verdict(None if lo is None or hi is None or not lo else hi / lo <= 2)))
        for e in entities:
            if e == e_p:
                continue  # judged above
            m50 = get(app, args.entity_sweep_policies, e, "metagate", "p50_ns")
            if args.entity_sweep_policies == 100 and m50 is not None:
                targets.append((f"{app}: p50 at 100 policies ≤ 1 µs ({e:,} entities)",
                                f"{fmt(m50)} ns", verdict(m50 <= 1000)))
        if entities:
            big = entities[-1]
            trim = get(app, p, big, "metagate", "rss_trim_bytes")
            js_big = get(app, p, big, "metagate", "json_bytes")
            if trim is not None and js_big:
                targets.append((f"{app}: RSS once the load's garbage is returned ≤ 5× the JSON "
                                f"({big:,} entities)", ratio(trim, js_big),
                                verdict(trim / js_big <= 5)))
            rss, js = get(app, p, big, "metagate", "rss_bytes"), get(app, p, big, "metagate",
                                                                      "json_bytes")
            targets.append((f"{app}: RSS ≤ 5× the JSON loaded ({big:,} entities)", ratio(rss, js),
                            verdict(None if rss is None or not js else rss / js <= 5)))


def egress_tables(egress, hmac, lines, targets):
    datasets = sorted({k[0] for k in egress})
    if not datasets and hmac is None:
        return
    lines.append("### Egress filter")
    lines.append("")
    lines.append("metagate: `BM_Filter/<dataset>/drop` (egress_bench, the seed's policies, unknown "
                 "fields dropped); simdjson: DOM parse of the same bodies; fast-redact: "
                 "`bench/peers/fast_redact.mjs` (JSON.parse + fast-redact + JSON.stringify, the "
                 "paths and forms from `metagate filter --decisions`, its output checked against "
                 "metagate's). MB/s of input.")
    lines.append("")
    lines.append("| dataset | metagate events/s | MB/s | simdjson MB/s | × simdjson | fast-redact "
                 "events/s | × fast-redact |")
    lines.append("|---|---:|---:|---:|---:|---:|---:|")
    for d in datasets:
        m = egress.get((d, "metagate"), {})
        s = egress.get((d, "simdjson"), {})
        f = egress.get((d, "fast-redact"), {})
        lines.append(f"| {d} | {fmt(m.get('events'))} | {fmt(m.get('mbs'), 1)} | "
                     f"{fmt(s.get('mbs'), 1)} | {ratio(m.get('mbs'), s.get('mbs'), 2)} | "
                     f"{fmt(f.get('events'))} | {ratio(m.get('events'), f.get('events'))} |")
        me, sm, fe = m.get("events"), s.get("mbs"), f.get("events")
        targets.append((f"egress {d}: ≥ 1M events/s", f"{fmt(me)} events/s",
                        verdict(None if me is None else me >= 1e6)))
        targets.append((f"egress {d}: ≥ 0.3× simdjson", ratio(m.get("mbs"), sm, 2),
                        verdict(None if m.get("mbs") is None or not sm else m["mbs"] / sm >= 0.3)))
        targets.append((f"egress {d}: ≥ 5× fast-redact", ratio(me, fe),
                        verdict(None if me is None or not fe else me / fe >= 5)))
    lines.append("")
    targets.append(("HMAC pseudonymization ≤ 150 ns per field (BM_Pseudonymize)",
                    f"{fmt(hmac)} ns", verdict(None if hmac is None else hmac <= 150)))


def plot(rows, args):
    e = args.policy_sweep_entities
    apps = sorted({k[0] for k in rows})
    series = []
    data_path = os.path.join(args.results, "policies-p50.dat")
    with open(data_path, "w") as f:
        for app in apps:
            for engine in ("metagate", "cedar-wasm"):
                pts = sorted((k[1], v["p50_ns"]) for k, v in rows.items()
                             if k[0] == app and k[2] == e and k[3] == engine and v.get("p50_ns"))
                if not pts:
                    continue
                f.write(f"# {app} {engine}\n")
                for p, v in pts:
                    f.write(f"{p} {v}\n")
                f.write("\n\n")
                series.append(f"{app} {engine}")
    if not series:
        return False
    plots = ", ".join(
        f"'{data_path}' index {i} with linespoints lw 2"
        f"{' dt 2' if name.endswith('cedar-wasm') else ''} title '{name}'"
        for i, name in enumerate(series))
    script = f"""set terminal png size 900,560
set output '{args.plot}'
set title 'Median decision time vs policy count ({e:,} entities)'
set logscale x
set logscale y
set xlabel 'policies'
set ylabel 'p50 ns per decision (log)'
set key outside right
set grid
plot {plots}
"""
    with open(os.path.join(args.results, "policies-p50.gnuplot"), "w") as f:
        f.write(script)
    subprocess.run(["gnuplot"], input=script, text=True, check=True)
    return True


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--results", required=True)
    ap.add_argument("--doc", required=True)
    ap.add_argument("--plot", default="", help="PNG to write with gnuplot (empty: no plot)")
    ap.add_argument("--command", required=True)
    ap.add_argument("--commit", required=True)
    ap.add_argument("--quick", type=int, default=0)
    ap.add_argument("--policy-sweep-entities", type=int, required=True)
    ap.add_argument("--entity-sweep-policies", type=int, required=True)
    ap.add_argument("--baseline-rss", type=float, default=0)
    args = ap.parse_args()

    rows = read_authz(os.path.join(args.results, "authz.tsv"))
    egress, hmac = read_egress(args.results)
    model, cores, load = machine()
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines = [BEGIN, "## Side by side with the peers (generated by bench/run.sh)", ""]
    lines.append(f"Machine: {model}, {cores} cores; load average {fmt(load, 1)} at the end of the "
                 f"run. Date: {now}. Commit: {args.commit}. Command: `{args.command}`"
                 + (" (quick: small sizes, a check of the pipeline, not of the targets)."
                    if args.quick else "."))
    lines.append("")
    lines.append("Raw results: `build/bench-results/` (authz.tsv, egress.tsv, egress_bench.json, "
                 "raw/ with every driver's output). Every engine ran on the same test files "
                 "(`bench/workloads/generate.sh`, expectations from cedar-wasm), and `metagate "
                 "bench` refuses to time a file whose decisions disagree.")
    lines.append("")
    targets = []
    authz_tables(rows, args, lines, targets)
    egress_tables(egress, hmac, lines, targets)
    if args.plot and plot(rows, args):
        lines.append(f"![p50 decision time vs policy count]({os.path.basename(args.plot)})")
        lines.append("")
    lines.append("### Targets")
    lines.append("")
    lines.append("| target | reached | verdict |")
    lines.append("|---|---:|---|")
    for name, got, v in targets:
        lines.append(f"| {name} | {got} | {v} |")
    lines.append("")
    lines.append(END)
    section = "\n".join(lines) + "\n"

    doc = open(args.doc).read() if os.path.exists(args.doc) else "# Benchmarks\n"
    if BEGIN in doc and END in doc:
        head, rest = doc.split(BEGIN, 1)
        tail = rest.split(END, 1)[1].lstrip("\n")
        doc = head + section + ("\n" + tail if tail else "")
    else:
        at = doc.find("\n## ")
        doc = doc + "\n" + section if at < 0 else doc[:at + 1] + section + "\n" + doc[at + 1:]
    with open(args.doc, "w") as f:
        f.write(doc)
    misses = sum(1 for t in targets if t[2] == "MISS")
    print(f"bench_report: {len(targets)} targets, {misses} missed", file=sys.stderr)


if __name__ == "__main__":
    main()
