#!/usr/bin/env python3
"""Turns bench/run.sh's raw TSV (app, variant, sample, metric, value) and its meta file into the markdown report.

Every agent sample is paired with the none sample of the same launch index (start-up) or the same round and
pair (load): the report gives, per variant, the median of its own values and the median of the per-pair ratios
or deltas with their interquartile range (IQR). A verdict is "ok" or "MISS" only when the whole IQR is on one
side of the target; when it straddles the target the run cannot support either claim and says so ("noisy").
"""
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
samples = defaultdict(dict)  # (app, variant, metric) -> sample -> value
with open(raw_path) as f:
    for line in f:
        parts = line.rstrip("\n").split("\t")
        if len(parts) != 5:
            continue
        app, variant, sample, metric, value = parts
        try:
            v = float(value)
        except ValueError:
            continue
        data[app][variant][metric].append(v)
        samples[(app, variant, metric)][sample] = v

variants = meta.get("variants", "none autoprom").split()
start_variants = meta.get("start_variants", meta.get("variants", "none autoprom")).split()
APP_TITLES = {
    "workload": "Workload: JDK HttpServer + HikariCP 7.1.0 + H2 2.5.252 (in memory)",
    "spring-boot": "Spring Boot 3.5.7 (spring-boot-starter-web, embedded Tomcat)",
    "spring-boot-large": "Large Spring Boot 3.5.7 application (MVC, Data JPA/Hibernate, Data REST, Security, "
    "validation, cache, actuator; ~19,000 classes)",
}
ROUTE_TITLES = {"ping": "/ping", "users": "/users/{id}"}
CDS_NAME = "AOT cache" if int(meta.get("java_major", "17")) >= 25 else "AppCDS"


def base_of(variant):
    return "none-cds" if variant.endswith("-cds") else "none"


def quartiles(values):
    values = sorted(values)
    if len(values) == 1:
        return values[0], values[0], values[0]
    q = statistics.quantiles(values, n=4, method="inclusive")
    return q[0], statistics.median(values), q[2]


def pairs(app, variant, metric, kind):
    """Per-pair ratios (kind 'ratio') or deltas ('delta') of variant against its none."""
    mine = samples.get((app, variant, metric), {})
    base = samples.get((app, base_of(variant), metric), {})
    out = []
    for key, v in mine.items():
        b = base.get(key)
        if b is None:
            continue
        if kind == "ratio":
            if b > 0:
                out.append(v / b)
        else:
            out.append(v - b)
    return out


def med(app, variant, metric):
    values = data[app][variant].get(metric)
    return statistics.median(values) if values else None


def fmt_int(v):
    return "—" if v is None else f"{v:,.0f}"


def fmt(v, digits=1):
    return "—" if v is None else f"{v:,.{digits}f}"


def verdict(p25, p75, target, higher_is_better, fmt_target):
    if higher_is_better:
        if p25 >= target:
            return "ok"
        if p75 < target:
            return "**MISS**"
    else:
        if p75 <= target:
            return "ok"
        if p25 > target:
            return "**MISS**"
    return f"noisy: IQR straddles {fmt_target}"


def table(app):
    out = []
    cols = [v for v in start_variants if data[app][v]]
    out.append("| | " + " | ".join(cols) + " | target (autoprom) |")
    out.append("|---|" + "---:|" * len(cols) + "---|")

    def row(label, metric, kind, target=None, higher_is_better=True):
        cells = []
        check = ""
        for v in cols:
            val = med(app, v, metric)
            if val is None:
                cells.append("—")
                continue
            if kind == "ratio":
                cell = fmt_int(val) if val >= 100 else fmt(val)
                ratios = pairs(app, v, metric, "ratio") if not v.startswith("none") else []
                if ratios:
                    p25, m, p75 = quartiles(ratios)
                    cell += f" ({m:.3f}× [{p25:.3f}–{p75:.3f}], n={len(ratios)})"
                    if v == "autoprom" and target is not None:
                        check = ("≥" if higher_is_better else "≤") + f" {target:.2f}×: " + verdict(
                            p25, p75, target, higher_is_better, f"{target:.2f}×")
            elif kind == "delta_ms":
                cell = fmt_int(val)
                deltas = pairs(app, v, metric, "delta") if not v.startswith("none") else []
                if deltas:
                    p25, m, p75 = quartiles(deltas)
                    cell += f" ({m:+,.0f} [{p25:+,.0f}…{p75:+,.0f}], n={len(deltas)})"
                    if v.startswith("autoprom") and target is not None:
                        check += ("; " if check else "") + f"{v} ≤ +{target}: " + verdict(
                            p25, p75, target, False, f"+{target} ms")
            elif kind == "delta_mib":
                cell = fmt(val / 1024)
                base = med(app, base_of(v), metric)
                if not v.startswith("none") and base is not None:
                    d = (val - base) / 1024
                    cell += f" ({d:+.1f})"
                    if v == "autoprom" and target is not None:
                        check = f"≤ +{target} MiB: " + ("ok" if d <= target else "**MISS**")
            elif kind == "ms":
                cell = fmt(val, 2)
            elif kind == "kib":
                cell = fmt(val / 1024)
            else:
                cell = fmt_int(val)
            cells.append(cell)
        if any(c != "—" for c in cells):
            out.append(f"| {label} | " + " | ".join(cells) + f" | {check} |")

    if app == "spring-boot-large":
        # the target for an application of this size is relative: at most +3%
        row("start-up CPU to first /users/1, ms", "startup_cpu_ms", "ratio", 1.03, False)
    else:
        row("start-up CPU to first /users/1, ms", "startup_cpu_ms", "delta_ms", 150)
    row("start-up wall time to first /users/1, ms", "startup_ms", "delta_ms")
    for r in ("ping", "users"):
        row(f"{ROUTE_TITLES[r]} requests/s", f"{r}_rps", "ratio", 0.99)
        row(f"{ROUTE_TITLES[r]} JVM CPU per request, µs", f"{r}_cpu_us", "ratio", 1.01, False)
        row(f"{ROUTE_TITLES[r]} p99 latency, ms", f"{r}_p99_ms", "ms")
    row("RSS after load, MiB", "rss_kib", "delta_mib", 25)
    row("heap used after full GC, MiB", "heap_kib", "delta_mib", 4)
    row("/metrics scrape time, ms", "scrape_ms", "ms")
    row("/metrics size, KiB", "scrape_bytes", "kib")
    row("/metrics samples (lines)", "scrape_samples", "int")
    errors = {v: sum(sum(data[app][v].get(f"{r}_errors", [])) for r in ("ping", "users")) for v in cols}
    if any(errors.values()):
        out.append("| non-2xx + socket errors | " + " | ".join(f"{errors[v]:,.0f}" for v in cols) + " | |")
    return "\n".join(out)


def noise(app):
    """How noisy the run was: the spread of none's own samples (which should all be equal)."""
    lines = []
    for metric, label in (("startup_cpu_ms", "start-up CPU"), ("users_rps", "/users/{id} requests/s"),
                          ("ping_rps", "/ping requests/s")):
        values = data[app]["none"].get(metric)
        if values and len(values) > 1:
            p25, m, p75 = quartiles(values)
            lines.append(f"none's own {label}: median {m:,.0f}, IQR {p25:,.0f}–{p75:,.0f} "
                         f"({(p75 - p25) / m * 100:.0f}% of the median), min–max {min(values):,.0f}–{max(values):,.0f}")
    return lines


def raw_lines(app):
    lines = []
    for v in start_variants:
        for metric in ("startup_cpu_ms", "startup_ms"):
            s = samples.get((app, v, metric))
            if s:
                lines.append(f"- {v} {metric}: " + ", ".join(f"{s[k]:.0f}" for k in sorted(s, key=float)))
    for v in variants:
        for metric in ("users_rps", "ping_rps"):
            s = samples.get((app, v, metric))
            if s:
                lines.append(f"- {v} {metric}: " + ", ".join(
                    f"{s[k]:.0f}" for k in sorted(s, key=lambda k: tuple(int(x) for x in k.split(".")))))
    return "\n".join(lines)


agent_bytes = int(meta.get("agent_jar_bytes", "0"))
otel_bytes = int(meta.get("otel_jar_bytes", "0"))
quick = meta.get("quick") == "1"

print("# autoprom overhead benchmark")
print()
if quick:
    print("> **QUICK=1 smoke test**: few and short runs; these numbers only show that the harness works.")
    print()
print(f"Run {meta.get('stamp')} · commit `{meta.get('commit')}` · {meta.get('cpu')}, {meta.get('cpus')} CPUs, "
      f"{meta.get('mem_total')} · {meta.get('kernel')} · {meta.get('java')} · {meta.get('wrk')}")
print()
print(f"JVM under test pinned to CPU {meta.get('jvm_cpu')}, wrk/curl/jcmd to CPU {meta.get('load_cpu')}; heap "
      f"`{meta.get('heap')}` for every variant. Start-up: {meta.get('starts')} launches per variant, interleaved; "
      f"CPU = user + system time of the JVM (/proc/PID/stat) when its first `GET /users/1` answered. Load: "
      f"{meta.get('rounds')} round(s), each with every variant alive at once, {meta.get('warmup')} s warm-up, then "
      f"{meta.get('pairs')} alternating pairs of {meta.get('short')} s `wrk -t1 -c{meta.get('wrk_connections')}` "
      f"runs per route. Load average before / after: {meta.get('load_before')} / {meta.get('load_after')}.")
print()
print("Cells: the variant's median; in brackets the median of the per-pair ratios (or deltas) to none with "
      "their interquartile range [p25–p75] and the number of pairs. A `-cds` variant runs with the application's "
      f"{CDS_NAME} archive and is paired with none-cds (none's made without an agent; each autoprom variant's "
      "trained with its agent attached, in the two steps the README gives: a class list then `-Xshare:dump` on "
      "JDK 17, an AOT configuration then `-XX:AOTMode=create` on JDK 25; otel maps none's on JDK 17 and trains "
      "its own AOT cache on JDK 25). A verdict is given only when the whole IQR is on one side of the target.")
print()
print(f"Agent jars: autoprom-agent.jar {agent_bytes:,} bytes ({agent_bytes / 1e6:.2f} MB; target < 6 MB: "
      f"{'ok' if agent_bytes < 6_000_000 else '**MISS**'})"
      + (f"; opentelemetry-javaagent {meta.get('otel_version')} {otel_bytes:,} bytes." if otel_bytes else "."))
for app in [a for a in meta.get("apps", "").split() if a in data]:
    print()
    print(f"## {APP_TITLES.get(app, app)}")
    print()
    print(table(app))
    print()
    for line in noise(app):
        print(f"- {line}")
    print()
    print("<details><summary>every sample</summary>")
    print()
    print(raw_lines(app))
    print()
    print("</details>")
