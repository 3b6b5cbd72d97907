#!/usr/bin/env bash
# Overhead of autoprom against no agent and the OpenTelemetry Java agent (metrics only).
#
#   bench/run.sh                 full run (3 interleaved rounds, 20 s warm-up + 30 s per route)
#   QUICK=1 bench/run.sh         smoke test (3 s runs, 1 round, 3 launches for startup)
#
# Prints a markdown table and saves it to bench/results/latest.md; raw numbers go to
# bench/target/results/. See bench/README.md for what each number means.
#
# Settings (environment):
#   ROUNDS=3            interleaved load rounds per app (none, autoprom, otel, none, ...)
#   WARMUP=20 MEASURE=30  seconds of wrk per warm-up (split over the routes) and per measured route
#   STARTS=5            launches per variant for the startup median
#   APPS="workload spring-boot"      which apps
#   VARIANTS="none autoprom otel"    which variants
#   SPRING_ROUTES="ping"             routes loaded on the Spring Boot app ("ping users" for both)
#   WRK_CONNECTIONS=8   wrk connections (one wrk thread)
#   JVM_CPU=0 LOAD_CPU=1  CPUs for the JVM under test and for wrk/curl/jcmd
#   HEAP="-Xms256m -Xmx256m"         heap settings, the same for every variant
#   AGENT_JAR=path      use this autoprom jar instead of building agent/target/autoprom-agent.jar
#   SKIP_BUILD=1        do not run Maven for the agent and the apps (jars must exist)
#   OUT=path            where to save the table (default bench/results/latest.md)
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
source "$BENCH_DIR/lib.sh"

QUICK=${QUICK:-0}
if [[ "$QUICK" == 1 ]]; then
  ROUNDS=${ROUNDS:-1}; WARMUP=${WARMUP:-3}; MEASURE=${MEASURE:-3}; STARTS=${STARTS:-3}
else
  ROUNDS=${ROUNDS:-3}; WARMUP=${WARMUP:-20}; MEASURE=${MEASURE:-30}; STARTS=${STARTS:-5}
fi
APPS=${APPS:-"workload spring-boot"}
VARIANTS=${VARIANTS:-"none autoprom otel"}
WORKLOAD_ROUTES=${WORKLOAD_ROUTES:-"ping users"}
SPRING_ROUTES=${SPRING_ROUTES:-"ping"}
OUT=${OUT:-"$BENCH_DIR/results/latest.md"}

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RESULTS_DIR="$BENCH_DIR/target/results"
mkdir -p "$RESULTS_DIR" "$(dirname "$OUT")"
RAW="$RESULTS_DIR/raw-$STAMP.tsv"
META="$RESULTS_DIR/meta-$STAMP.env"
LOG_DIR="$RESULTS_DIR/logs-$STAMP"
mkdir -p "$LOG_DIR"
: > "$RAW"

check_tools
build_all
trap cleanup EXIT

{
  echo "stamp=$STAMP"
  echo "quick=$QUICK"
  echo "rounds=$ROUNDS"
  echo "warmup=$WARMUP"
  echo "measure=$MEASURE"
  echo "starts=$STARTS"
  echo "wrk_connections=$WRK_CONNECTIONS"
  echo "jvm_cpu=$JVM_CPU"
  echo "load_cpu=$LOAD_CPU"
  echo "heap=$HEAP"
  echo "apps=$APPS"
  echo "variants=$VARIANTS"
  echo "workload_routes=$WORKLOAD_ROUTES"
  echo "spring_routes=$SPRING_ROUTES"
  echo "agent_jar_bytes=$(stat -c %s "$AGENT_JAR")"
  echo "otel_jar_bytes=$(stat -c %s "$OTEL_JAR")"
  echo "otel_version=$OTEL_VERSION"
  echo "commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$ROOT" diff --quiet HEAD -- agent instrumentations 2>/dev/null || echo -dirty)"
  echo "cpu=$(lscpu 2>/dev/null | sed -n 's/^Model name:[[:space:]]*//p' | head -1)"
  echo "cpus=$(nproc)"
  echo "mem_total=$(awk '/MemTotal/{printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
  echo "kernel=$(uname -sr)"
  echo "java=$(java -version 2>&1 | head -2 | tail -1)"
  echo "wrk=$(wrk -v 2>&1 | head -1 | awk '{print $1, $2}')"
  echo "load_before=$(cut -d' ' -f1-3 /proc/loadavg)"
} > "$META"

for app in $APPS; do
  routes=$WORKLOAD_ROUTES
  [[ "$app" == spring-boot ]] && routes=$SPRING_ROUTES

  log "== $app: startup, $STARTS launches per variant (interleaved)"
  for ((i = 1; i <= STARTS; i++)); do
    for v in $VARIANTS; do
      ms=$(measure_startup "$app" "$v" "$LOG_DIR/$app-$v-start$i.log")
      record "$app" "$v" "$i" startup_ms "$ms"
      log "   $app $v launch $i: ${ms} ms to first 200"
    done
  done

  log "== $app: load, $ROUNDS rounds (interleaved), routes: $routes"
  for ((r = 1; r <= ROUNDS; r++)); do
    for v in $VARIANTS; do
      measure_round "$app" "$v" "$r" "$routes" "$LOG_DIR/$app-$v-round$r"
    done
  done
done

echo "load_after=$(cut -d' ' -f1-3 /proc/loadavg)" >> "$META"

python3 "$BENCH_DIR/report.py" "$RAW" "$META" > "$RESULTS_DIR/report-$STAMP.md"
cp "$RESULTS_DIR/report-$STAMP.md" "$OUT"
cat "$OUT"
log "saved $OUT (raw: $RAW)"
