#!/usr/bin/env bash
# Soak: mixed load over every family (JDK HttpServer, HikariCP + H2, java.net.http WebSocket to a Jetty echo
# server, the OpenAI SDK against a fake endpoint) against one application with the autoprom agent attached,
# sampling the used heap after full GCs (taken between rounds of load) every SAMPLE seconds. Prints the samples
# and the least-squares slope (bytes/min, from a quarter of the run on) and writes bench/results/soak.md.
#
#   bench/soak/run.sh                      10 minutes, a sample every 30 s
#   DURATION=120 SAMPLE=10 bench/soak/run.sh
#
# Settings (environment):
#   DURATION=600 SAMPLE=30 THREADS=4   seconds of load, seconds between heap samples, load threads
#   HEAP="-Xmx256m"                    heap settings of the application
#   AGENT_JAR=path                     another agent jar (default: agent/target/autoprom-agent.jar, built here)
#   SKIP_BUILD=1                       use the existing builds
#   OUT=path                           where to write the report (default bench/results/soak.md)
#
# The application is hardeningapp.SoakApp from integration-tests/hardening (its SoakIT is the 60-second version
# that CI runs). Soft references are cleared by every GC (-XX:SoftRefLRUPolicyMSPerMB=0), so the samples show what
# is strongly held, not caches the JVM drops under pressure.
set -euo pipefail

SOAK_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$SOAK_DIR/../.." && pwd)
DURATION=${DURATION:-600}
SAMPLE=${SAMPLE:-30}
THREADS=${THREADS:-4}
HEAP=${HEAP:-"-Xmx256m"}
OUT=${OUT:-"$ROOT/bench/results/soak.md"}
MODULE="$ROOT/integration-tests/hardening"
LOG="$ROOT/bench/target/soak/soak.log"

log() { echo "[soak $(date -u +%H:%M:%S)] $*" >&2; }

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  log "building the agent and the test application (mvn package -DskipTests -pl integration-tests/hardening -am)"
  (cd "$ROOT" && mvn -B -q package dependency:build-classpath -DskipTests -pl integration-tests/hardening -am \
      -Dmdep.outputFile=target/soak-classpath.txt >&2)
fi
AGENT_JAR=${AGENT_JAR:-"$ROOT/agent/target/autoprom-agent.jar"}
[[ -f "$AGENT_JAR" ]] || { log "no agent jar at $AGENT_JAR"; exit 1; }
[[ -f "$MODULE/target/soak-classpath.txt" ]] || { log "no classpath file: run without SKIP_BUILD=1"; exit 1; }
# the reactor lists the unshaded agent module as a (build-order) dependency: keep it off the class path
CLASSPATH="$MODULE/target/test-classes:$(tr ':' '\n' < "$MODULE/target/soak-classpath.txt" \
    | grep -v '/autoprom-agent' | paste -sd:)"

mkdir -p "$(dirname "$LOG")" "$(dirname "$OUT")"
log "running $DURATION s of mixed load, $THREADS threads, a heap sample every $SAMPLE s (log: $LOG)"
java $HEAP -XX:SoftRefLRUPolicyMSPerMB=0 -Dsun.net.httpserver.nodelay=true \
    "-javaagent:$AGENT_JAR=port=0,host=127.0.0.1" -cp "$CLASSPATH" \
    hardeningapp.SoakApp "$DURATION" "$SAMPLE" "$THREADS" exit > "$LOG" 2>&1 &
APP_PID=$!
trap 'kill "$APP_PID" 2>/dev/null || true' EXIT
tail -f "$LOG" --pid="$APP_PID" | grep --line-buffered -E '^(HEAP|UNEXPECTED|ROUNDS|FAILURES|SLOPE)' >&2 || true
wait "$APP_PID" || { log "the application failed; see $LOG"; exit 1; }
trap - EXIT

grep -q '^SOAK DONE' "$LOG" || { log "no SOAK DONE in $LOG"; exit 1; }
SLOPE=$(sed -n 's/^SLOPE_BYTES_PER_MIN=//p' "$LOG")
ROUNDS=$(sed -n 's/^ROUNDS=//p' "$LOG")
FAILURES=$(sed -n 's/^FAILURES=//p' "$LOG")
{
  echo "# Soak: heap after GC under mixed load"
  echo
  echo "\`bench/soak/run.sh\` on $(date -u +%Y-%m-%d), $(nproc) CPUs, $(java -version 2>&1 | head -1)."
  echo "Application: \`hardeningapp.SoakApp\` (integration-tests/hardening) with the autoprom agent; $THREADS threads,"
  echo "each round = 1 JDK HttpServer GET (distinct raw path and query), 1 plain SELECT with a distinct literal +"
  echo "1 prepared UPDATE (HikariCP + H2), 1 WebSocket echo (java.net.http client, Jetty server; a fresh"
  echo "connection every 50 rounds), 1 OpenAI SDK chat call (every 10th streamed, every 20th a 429)."
  echo "Heap: \`$HEAP -XX:SoftRefLRUPolicyMSPerMB=0\`; samples are used heap after \`System.gc()\`, taken between rounds."
  echo
  echo "- duration: $DURATION s; rounds: $ROUNDS; failed operations: $FAILURES"
  echo "- **slope of heap after GC (least squares, from $((DURATION / 4)) s on): $SLOPE bytes/min**"
  echo
  echo "| t (s) | heap after GC (bytes) | rounds so far |"
  echo "|---:|---:|---:|"
  sed -n 's/^HEAP t=\([0-9]*\) used=\([0-9]*\) rounds=\([0-9]*\)$/| \1 | \2 | \3 |/p' "$LOG"
} > "$OUT"
log "slope $SLOPE bytes/min over $ROUNDS rounds ($FAILURES failures); wrote $OUT"
echo "$SLOPE"
