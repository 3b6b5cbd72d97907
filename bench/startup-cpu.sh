#!/usr/bin/env bash
# Start-up CPU of the overhead workload with one agent setting against another: CPU time (user + system, from
# /proc/PID/stat) the JVM has used when GET /ping first answers 200. Runs are interleaved (A, B, A, B, ...),
# the JVM pinned to JVM_CPU with taskset, curl on LOAD_CPU. Prints each run and the medians.
#
#   bench/startup-cpu.sh                       methods family on vs off (instrumentation.methods.enabled=false)
#   A=port=0 B=port=0,instrumentation.methods.enabled=false RUNS=7 bench/startup-cpu.sh
#
# Needs the agent jar (agent/target/autoprom-agent.jar) and the workload (bench/workload/target/workload.jar).
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
AGENT_JAR=${AGENT_JAR:-$ROOT/agent/target/autoprom-agent.jar}
WORKLOAD_JAR=${WORKLOAD_JAR:-$BENCH_DIR/workload/target/workload.jar}
RUNS=${RUNS:-5}
JVM_CPU=${JVM_CPU:-0}
LOAD_CPU=${LOAD_CPU:-1}
A=${A:-port=0,host=127.0.0.1}
B=${B:-port=0,host=127.0.0.1,instrumentation.methods.enabled=false}
TICK=$(getconf CLK_TCK)

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# one_run ARGS: prints the JVM's CPU milliseconds at the first 200 from /ping
one_run() {
  local port pid deadline ticks
  port=$(free_port)
  taskset -c "$JVM_CPU" java -Xms256m -Xmx256m "-javaagent:$AGENT_JAR=$1" -Dsun.net.httpserver.nodelay=true \
    "-Dbench.port=$port" -jar "$WORKLOAD_JAR" > /tmp/startup-cpu.$$.log 2>&1 &
  pid=$!
  deadline=$((SECONDS + 60))
  until [[ "$(taskset -c "$LOAD_CPU" curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/ping" 2>/dev/null)" == 200 ]]; do
    if ((SECONDS > deadline)) || ! kill -0 "$pid" 2>/dev/null; then
      tail -20 /tmp/startup-cpu.$$.log >&2
      kill "$pid" 2>/dev/null || true
      return 1
    fi
    sleep 0.005
  done
  # fields 14 and 15 of /proc/PID/stat: utime and stime in clock ticks (the name field has no spaces: java)
  ticks=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  echo $((ticks * 1000 / TICK))
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

a_runs=() b_runs=()
for ((i = 1; i <= RUNS; i++)); do
  a_runs+=("$(one_run "$A")")
  b_runs+=("$(one_run "$B")")
  echo "run $i: A ${a_runs[-1]} ms, B ${b_runs[-1]} ms CPU" >&2
done
echo "A ($A): median $(printf '%s\n' "${a_runs[@]}" | median) ms CPU to the first 200 (${a_runs[*]})"
echo "B ($B): median $(printf '%s\n' "${b_runs[@]}" | median) ms CPU to the first 200 (${b_runs[*]})"
