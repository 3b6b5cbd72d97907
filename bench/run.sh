#!/usr/bin/env bash
# Overhead of autoprom against no agent (and the OpenTelemetry Java agent, metrics only, when its jar is there).
#
#   bench/run.sh                 full run (~15 min per app)
#   QUICK=1 bench/run.sh         smoke test (~3 min per app)
#   APPS=workload LOAD=0 STARTS=15 bench/run.sh    start-up only
#
# Built to survive a shared, noisy machine: the JVM is pinned to one CPU and start-up is measured as that JVM's
# CPU time (beside wall time); variants alternate launch by launch, and load runs alternate in many short runs
# between JVMs that are alive at once. Each agent launch or run is paired with the none next to it; the report
# gives the median of the per-pair ratios (or deltas) with their interquartile range, and calls a verdict
# "noisy" when that range straddles the target. See bench/README.md.
#
# Prints a markdown table and saves it to bench/results/latest.md; raw numbers go to bench/target/results/.
#
# Settings (environment):
#   STARTS=10           launches per variant for start-up (interleaved: none, autoprom, none-cds, ...)
#   LOAD=1              0 skips the load rounds (start-up only)
#   ROUNDS=2            load rounds: each launches every load variant once, all alive at once
#   WARMUP=20           seconds of wrk per variant before a round's pairs (split over the routes)
#   PAIRS=8 SHORT=5     short alternating runs per round and route, seconds each
#   APPS="workload spring-boot"      which apps (spring-boot-large: the large Spring Boot application, JPA and
#                       more, ~19,000 classes; start-up only is what it is for: LOAD=0)
#   VARIANTS="none autoprom otel"    load variants (otel only if its jar is in bench/target/otel; OTEL_DOWNLOAD=1);
#                       autoprom-cache = autoprom with autoprom.class.cache.dir (one training launch fills it first)
#   CDS=1               start-up also with the application's CDS archive (variants none-cds, autoprom-cds, ...):
#                       AppCDS on JDK 17-24, the AOT cache on 25+; each archive made by one training run with that
#                       variant's agent attached (see cds_archive in lib.sh)
#   JAVA=path           the java to run (default: $JAVA_HOME/bin/java, else java on PATH)
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
  ROUNDS=${ROUNDS:-1}; WARMUP=${WARMUP:-3}; PAIRS=${PAIRS:-3}; SHORT=${SHORT:-2}; STARTS=${STARTS:-3}
else
  ROUNDS=${ROUNDS:-2}; WARMUP=${WARMUP:-20}; PAIRS=${PAIRS:-8}; SHORT=${SHORT:-5}; STARTS=${STARTS:-10}
fi
LOAD=${LOAD:-1}
CDS=${CDS:-1}
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
  echo "pairs=$PAIRS"
  echo "short=$SHORT"
  echo "load=$LOAD"
  echo "cds=$CDS"
  echo "java_major=$(java_major)"
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
  echo "otel_jar_bytes=$(stat -c %s "$OTEL_JAR" 2>/dev/null || echo 0)"
  echo "otel_version=$OTEL_VERSION"
  echo "commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$ROOT" diff --quiet HEAD -- agent instrumentations 2>/dev/null || echo -dirty)"
  echo "cpu=$(lscpu 2>/dev/null | sed -n 's/^Model name:[[:space:]]*//p' | head -1)"
  echo "cpus=$(nproc)"
  echo "mem_total=$(awk '/MemTotal/{printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
  echo "kernel=$(uname -sr)"
  echo "java=$("$JAVA" -version 2>&1 | head -2 | tail -1)"
  echo "wrk=$(wrk -v 2>&1 | head -1 | awk '{print $1, $2}')"
  echo "load_before=$(cut -d' ' -f1-3 /proc/loadavg)"
} > "$META"

START_VARIANTS=$VARIANTS
if [[ "$CDS" == 1 ]]; then
  START_VARIANTS=$(for v in $VARIANTS; do printf '%s %s-cds ' "$v" "$v"; done)
fi
echo "start_variants=$START_VARIANTS" >> "$META"

for app in $APPS; do
  routes=$WORKLOAD_ROUTES
  [[ "$app" == spring-boot* ]] && routes=$SPRING_ROUTES

  if [[ "$CDS" == 1 ]]; then
    log "== $app: CDS training runs (one per variant)"
    for v in $VARIANTS; do train_cds "$app" "$v"; done
  fi

  if [[ " $START_VARIANTS " == *"-cache "* || " $START_VARIANTS " == *"-cache-cds "* ]]; then
    train_class_cache "$app"
  fi

  log "== $app: startup, $STARTS launches per variant (interleaved: $START_VARIANTS)"
  for ((i = 1; i <= STARTS; i++)); do
    for v in $START_VARIANTS; do
      read -r ms cpu < <(measure_startup "$app" "$v" "$LOG_DIR/$app-$v-start$i.log")
      record "$app" "$v" "$i" startup_ms "$ms"
      record "$app" "$v" "$i" startup_cpu_ms "$cpu"
      log "   $app $v launch $i: ${cpu} ms CPU, ${ms} ms wall to the first GET /users/1"
    done
  done

  if [[ "$LOAD" == 1 ]]; then
    log "== $app: load, $ROUNDS rounds of $PAIRS alternating ${SHORT}-s pairs, routes: $routes"
    for ((r = 1; r <= ROUNDS; r++)); do
      measure_load_round "$app" "$r" "$routes" "$VARIANTS" "$LOG_DIR/$app-round$r"
    done
  fi
done

echo "load_after=$(cut -d' ' -f1-3 /proc/loadavg)" >> "$META"

python3 "$BENCH_DIR/report.py" "$RAW" "$META" > "$RESULTS_DIR/report-$STAMP.md"
cp "$RESULTS_DIR/report-$STAMP.md" "$OUT"
cat "$OUT"
log "saved $OUT (raw: $RAW)"
