#!/usr/bin/env bash
# JMH micro-benchmarks with the GC profiler: the 10,000-series scrape and the recording paths.
#
#   bench/jmh.sh                  all benchmarks (JMH settings from the annotations: 1 fork, 3x2 s warm-up, 5x2 s)
#   bench/jmh.sh Recording        only benchmarks whose name matches the regex
#   QUICK=1 bench/jmh.sh          smoke test: 1 warm-up and 1 measured iteration of 1 s
#   JMH_ARGS="-f 3" bench/jmh.sh  extra JMH options (appended last, so they win)
#   SKIP_BUILD=1                  do not run Maven
#
# Prints a markdown table (ns/op, B/op) and saves it with the JSON in bench/target/jmh/.
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
JAR="$BENCH_DIR/jmh/target/benchmarks.jar"
OUT_DIR="$BENCH_DIR/target/jmh"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$OUT_DIR"

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  echo "[jmh] building: mvn -f bench/pom.xml package -pl jmh -am" >&2
  (cd "$ROOT" && mvn -B -q -f bench/pom.xml package -DskipTests -pl jmh -am) >&2
fi
[[ -f "$JAR" ]] || { echo "no $JAR" >&2; exit 1; }

args=(-prof gc -rf json -rff "$OUT_DIR/jmh-$STAMP.json")
if [[ "${QUICK:-0}" == 1 ]]; then
  args+=(-f 1 -wi 1 -w 1s -i 1 -r 1s)
fi
# shellcheck disable=SC2206
args+=(${JMH_ARGS:-})
java -jar "$JAR" "${args[@]}" "$@" | tee "$OUT_DIR/jmh-$STAMP.log" >&2

python3 - "$OUT_DIR/jmh-$STAMP.json" "${QUICK:-0}" > "$OUT_DIR/jmh-$STAMP.md" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))
quick = sys.argv[2] == "1"
print("# autoprom JMH benchmarks")
print()
if quick:
    print("> **QUICK=1 smoke test**: 1 s iterations; not a measurement.")
    print()
if results:
    r0 = results[0]
    print(f"JMH {r0.get('jmhVersion')} · {r0.get('vmName')} {r0.get('vmVersion')} · threads {r0.get('threads')} · "
          f"forks {r0.get('forks')} · warm-up {r0.get('warmupIterations')}×{r0.get('warmupTime')} · "
          f"measurement {r0.get('measurementIterations')}×{r0.get('measurementTime')}")
    print()
print("| benchmark | params | ns/op | ± (99.9%) | B/op | target |")
print("|---|---|---:|---:|---:|---|")
for r in results:
    name = r["benchmark"].replace("dev.autoprom.bench.jmh.", "")
    params = ", ".join(f"{k}={v}" for k, v in (r.get("params") or {}).items())
    pm = r["primaryMetric"]
    def num(x):
        try:
            return float(x)
        except (TypeError, ValueError):
            return None
    score, err = num(pm["score"]), num(pm.get("scoreError"))
    unit = pm["scoreUnit"]
    if unit != "ns/op":
        name += f" ({unit})"
    alloc = num(r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score"))
    err_s = "—" if err is None or err != err else f"{err:,.1f}"
    if name.startswith("scrape."):
        target = f"{score / 1e6:,.1f} ms"
        if "collectAndWriteText" in name:
            target += "; < 50 ms: " + ("ok" if score < 50e6 else "**MISS**")
    elif name.startswith("recording."):
        ok = score <= 100 and (alloc is None or alloc < 1)
        target = "≤ 100 ns, 0 B: " + ("ok" if ok else "**MISS**")
    else:
        target = ""
    alloc_s = "—" if alloc is None else f"{alloc:,.1f}"
    print(f"| {name} | {params} | {score:,.1f} | {err_s} | {alloc_s} | {target} |")
PY
cat "$OUT_DIR/jmh-$STAMP.md"
echo "[jmh] saved $OUT_DIR/jmh-$STAMP.md" >&2
