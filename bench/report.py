#!/usr/bin/env python3
"""Turns bench/run.sh's raw TSV (app, variant, round, metric, value) and its meta file into the markdown report."""
import statistics
import sys
from collections import defaultdict

raw_path, meta_path = sys.argv[1], sys.argv[2]

meta = {}
with open(meta_path) as f:
    for line in f:
        if "=" in line:
            k, v = line.rstrip("\n").split("=", 1)
            meta[k] = v

data = defaultdict(lambda: defaultdict(lambda: defaultdict(list)))  # app -> variant -> metric -> [values]
rounds = defaultdict(lambda: defaultdict(dict))  # (app, variant, round) -> metric -> value
with open(raw_path) as f:
    for line in f:
        parts = line.rstrip("\n").split("\t")
        if len(parts) != 5:
            continue
        app, variant, rnd, metric, value = parts
        try:
            v = float(value)
        except ValueError:
            continue
        data[app][variant][metric].append(v)
        if metric != "startup_ms":
            rounds[(app, variant, int(rnd))][metric] = v

variants = meta.get("variants", "none autoprom otel").split()
APP_TITLES = {
    "workload": "Workload: JDK HttpServer + HikariCP 7.1.0 + H2 2.5.252 (in memory)",
    "spring-boot": "Spring Boot 3.5.7 (spring-boot-starter-web, embedded Tomcat)",
}
ROUTE_TITLES = {"ping": "/ping", "users": "/users/{id}"}


def med(app, variant, metric):
    values = data[app][variant].get(metric)
    return statistics.median(values) if values else None


def fmt_int(v):
    return "—" if v is None else f"{v:,.0f}"


def fmt(v, digits=1):
    return "—" if v is None else f"{v:,.{digits}f}"


def mib(kib):
    return None if kib is None else kib / 1024


def verdict(ok):
    return "ok" if ok else "**MISS**"


def table(app):
    out = []
    head = "| | " + " | ".join(variants) + " | target (autoprom) |"
    out.append(head)
    out.append("|---|" + "---:|" * len(variants) + "---|")
    base = "none" if "none" in variants else None

    def row(label, metric, kind, target=None):
        cells = []
        base_v = med(app, base, metric) if base else None
        auto_check = ""
        for v in variants:
            val = med(app, v, metric)
            if kind == "ratio":
                cell = fmt_int(val)
                if v != base and val is not None and base_v:
                    r = val / base_v
                    cell += f" ({r:.2f}×)"
                    if v == "autoprom" and target is not None:
                        auto_check = f"≥ {target:.2f}×: {verdict(r >= target)}"
            elif kind == "delta_ms":
                cell = fmt_int(val)
                if v != base and val is not None and base_v is not None:
                    d = val - base_v
                    cell += f" ({d:+,.0f})"
                    if v == "autoprom" and target is not None:
                        auto_check = f"≤ +{target} ms: {verdict(d <= target)}"
            elif kind == "delta_mib":
                m, bm = mib(val), mib(base_v)
                cell = fmt(m)
                if v != base and m is not None and bm is not None:
                    d = m - bm
                    cell += f" ({d:+.1f})"
                    if v == "autoprom" and target is not None:
                        auto_check = f"≤ +{target} MiB: {verdict(d <= target)}"
            elif kind == "ms":
                cell = fmt(val, 2)
            elif kind == "kib":
                cell = fmt(None if val is None else val / 1024)
            elif kind == "int":
                cell = fmt_int(val)
            else:
                cell = fmt(val)
            cells.append(cell)
        out.append(f"| {label} | " + " | ".join(cells) + f" | {auto_check} |")

    routes = [r for r in ("ping", "users") if any(f"{r}_rps" in data[app][v] for v in variants)]
    for r in routes:
        row(f"{ROUTE_TITLES[r]} requests/s", f"{r}_rps", "ratio", 0.99)
        row(f"{ROUTE_TITLES[r]} p99 latency, ms", f"{r}_p99_ms", "ms")
    row("startup to first 200, ms", "startup_ms", "delta_ms", 150)
    row("RSS after load, MiB", "rss_kib", "delta_mib", 25)
    row("heap used after full GC, MiB", "heap_kib", "delta_mib", 4)
    row("/metrics scrape time, ms", "scrape_ms", "ms")
    row("/metrics size, KiB", "scrape_bytes", "kib")
    row("/metrics samples (lines)", "scrape_samples", "int")
    errors = {v: sum(sum(data[app][v].get(f"{r}_errors", [])) for r in routes) for v in variants}
    if any(errors.values()):
        out.append("| non-2xx + socket errors (all rounds) | " + " | ".join(f"{errors[v]:,.0f}" for v in variants)
                   + " | |")
    return "\n".join(out)


def per_round(app):
    keys = sorted(k for k in rounds if k[0] == app)
    metrics = [m for m in ("ping_rps", "ping_p99_ms", "users_rps", "users_p99_ms", "rss_kib", "heap_kib",
                           "scrape_ms", "scrape_bytes") if any(m in rounds[k] for k in keys)]
    lines = ["| round | variant | " + " | ".join(metrics) + " |", "|---:|---|" + "---:|" * len(metrics)] if keys else []
    for k in sorted(keys, key=lambda k: (k[2], variants.index(k[1]) if k[1] in variants else 99)):
        vals = []
        for m in metrics:
            v = rounds[k].get(m)
            vals.append("—" if v is None else (f"{v:,.0f}" if abs(v) >= 100 else f"{v:.2f}"))
        lines.append(f"| {k[2]} | {k[1]} | " + " | ".join(vals) + " |")
    starts = {v: data[app][v].get("startup_ms", []) for v in variants}
    lines.append("")
    lines.append("Startup launches, ms: " + "; ".join(
        f"{v} " + ", ".join(f"{x:.0f}" for x in starts[v]) for v in variants if starts[v]))
    return "\n".join(lines)


agent_bytes = int(meta.get("agent_jar_bytes", "0"))
otel_bytes = int(meta.get("otel_jar_bytes", "0"))
quick = meta.get("quick") == "1"

print("# autoprom overhead benchmark")
print()
if quick:
    print(f"> **QUICK=1 smoke test**: {meta.get('measure')} s runs, {meta.get('rounds')} round(s). These numbers "
          "only show that the")
    print("> harness works; they are not a measurement.")
    print()
print(f"Run {meta.get('stamp')} · commit `{meta.get('commit')}` · {meta.get('cpu')}, {meta.get('cpus')} CPUs, "
      f"{meta.get('mem_total')} · {meta.get('kernel')} · {meta.get('java')} · {meta.get('wrk')}")
print()
print(f"JVM under test pinned to CPU {meta.get('jvm_cpu')}, wrk/curl/jcmd to CPU {meta.get('load_cpu')}; "
      f"heap `{meta.get('heap')}` for every variant; `wrk -t1 -c{meta.get('wrk_connections')}`, "
      f"{meta.get('warmup')} s warm-up, {meta.get('measure')} s per route; {meta.get('rounds')} interleaved "
      f"round(s), medians shown; startup is the median of {meta.get('starts')} interleaved launches. "
      f"Load average before / after: {meta.get('load_before')} / {meta.get('load_after')}.")
print()
print(f"Agent jars: autoprom-agent.jar {agent_bytes:,} bytes ({agent_bytes / 1e6:.2f} MB, "
      f"{agent_bytes / 1048576:.2f} MiB; target < 6 MB: {verdict(agent_bytes < 6_000_000)}); "
      f"opentelemetry-javaagent {meta.get('otel_version')} {otel_bytes:,} bytes ({otel_bytes / 1e6:.2f} MB).")
print()
print("Variants: **none** = no agent; **autoprom** = `-javaagent:autoprom-agent.jar=port=<free>,host=127.0.0.1`; "
      "**otel** = OpenTelemetry Java agent with `-Dotel.traces.exporter=none -Dotel.logs.exporter=none "
      "-Dotel.metrics.exporter=prometheus`. Ratios and deltas are against none.")
for app in [a for a in meta.get("apps", "").split() if a in data]:
    print()
    print(f"## {APP_TITLES.get(app, app)}")
    print()
    print(table(app))
    print()
    print("<details><summary>per round</summary>")
    print()
    print(per_round(app))
    print()
    print("</details>")
