# Measurement code shared by bench/run.sh for every app (the workload and the Spring Boot app).
# Sourced, not run. Expects BENCH_DIR and ROOT; reads the settings documented in run.sh.

OTEL_VERSION=${OTEL_VERSION:-2.22.0}
JVM_CPU=${JVM_CPU:-0}
LOAD_CPU=${LOAD_CPU:-1}
HEAP=${HEAP:-"-Xms256m -Xmx256m"}
WRK_CONNECTIONS=${WRK_CONNECTIONS:-8}
SCRAPES=${SCRAPES:-10}
READY_TIMEOUT_S=${READY_TIMEOUT_S:-180}

WORKLOAD_JAR="$BENCH_DIR/workload/target/workload.jar"
SPRING_JAR="$BENCH_DIR/spring-boot/target/spring-boot-app.jar"
OTEL_JAR="$BENCH_DIR/target/otel/opentelemetry-javaagent-$OTEL_VERSION.jar"
USERS_LUA="$BENCH_DIR/users.lua"

CURRENT_PID=""

log() { echo "[bench $(date -u +%H:%M:%S)] $*" >&2; }
die() { log "ERROR: $*"; cleanup; exit 1; }

check_tools() {
  command -v wrk >/dev/null || {
    log "wrk missing: installing the Debian package"
    { apt-get update -qq && apt-get install -y -qq wrk; } >&2 || die "could not install wrk (apt-get install wrk)"
  }
  local t
  for t in java jcmd jstat taskset curl mvn python3; do
    command -v "$t" >/dev/null || die "$t is required"
  done
  local cpus
  cpus=$(nproc --all)
  ((JVM_CPU < cpus && LOAD_CPU < cpus)) || die "JVM_CPU=$JVM_CPU / LOAD_CPU=$LOAD_CPU need $((LOAD_CPU + 1)) CPUs, have $cpus"
}

build_all() {
  if [[ -z "${AGENT_JAR:-}" ]]; then
    AGENT_JAR="$ROOT/agent/target/autoprom-agent.jar"
    if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
      log "building the agent: mvn -B -q package -DskipTests -pl agent -am"
      (cd "$ROOT" && mvn -B -q package -DskipTests -pl agent -am) >&2 || die "agent build failed"
    fi
  fi
  [[ -f "$AGENT_JAR" ]] || die "no agent jar at $AGENT_JAR"

  if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    log "building the bench apps: mvn -f bench/pom.xml package -pl workload,spring-boot -am"
    (cd "$ROOT" && mvn -B -q -f bench/pom.xml package -DskipTests -pl workload,spring-boot -am) >&2 \
      || die "bench build failed"
  fi
  [[ -f "$WORKLOAD_JAR" ]] || die "no $WORKLOAD_JAR"
  [[ -f "$SPRING_JAR" ]] || die "no $SPRING_JAR"

  if [[ ! -f "$OTEL_JAR" ]]; then
    log "downloading io.opentelemetry.javaagent:opentelemetry-javaagent:$OTEL_VERSION"
    (cd "$ROOT" && mvn -B -q -N -f bench/pom.xml \
      org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
      -Dartifact="io.opentelemetry.javaagent:opentelemetry-javaagent:$OTEL_VERSION" \
      -DoutputDirectory="$BENCH_DIR/target/otel") >&2 || die "could not fetch the OpenTelemetry agent"
  fi
  [[ -f "$OTEL_JAR" ]] || die "no $OTEL_JAR"
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# launch APP VARIANT APP_PORT METRICS_PORT LOGFILE: starts the JVM pinned to JVM_CPU, sets CURRENT_PID.
launch() {
  local app=$1 variant=$2 port=$3 mport=$4 logfile=$5
  local -a cmd=(taskset -c "$JVM_CPU" java $HEAP)
  case "$variant" in
    none) ;;
    autoprom) cmd+=("-javaagent:$AGENT_JAR=port=$mport,host=127.0.0.1") ;;
    otel) cmd+=("-javaagent:$OTEL_JAR" -Dotel.service.name=bench
                -Dotel.traces.exporter=none -Dotel.logs.exporter=none -Dotel.metrics.exporter=prometheus
                -Dotel.exporter.prometheus.host=127.0.0.1 "-Dotel.exporter.prometheus.port=$mport") ;;
    *) die "unknown variant $variant" ;;
  esac
  case "$app" in
    # TCP_NODELAY on the JDK HttpServer's sockets: without it Nagle + delayed ACK cap every keep-alive
    # connection at ~25 requests/s (40 ms per response) and hide any agent cost. A JVM flag, not a
    # System.setProperty in main: an agent may load the JDK HttpServer (autoprom's exporter does) first.
    workload) cmd+=(-Dsun.net.httpserver.nodelay=true "-Dbench.port=$port" -jar "$WORKLOAD_JAR") ;;
    spring-boot) cmd+=(-jar "$SPRING_JAR" "--server.port=$port") ;;
    *) die "unknown app $app" ;;
  esac
  echo "${cmd[*]}" > "$logfile"
  "${cmd[@]}" >> "$logfile" 2>&1 &
  CURRENT_PID=$!
}

# wait_ready PORT PID: polls GET /ping (curl on LOAD_CPU) until 200; fails if the JVM dies or times out.
wait_ready() {
  local port=$1 pid=$2 deadline=$(($(now_ms) + READY_TIMEOUT_S * 1000))
  while true; do
    if [[ "$(taskset -c "$LOAD_CPU" curl -s -o /dev/null -w '%{http_code}' --max-time 2 \
          "http://127.0.0.1:$port/ping" 2>/dev/null)" == 200 ]]; then
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || return 1
    (($(now_ms) < deadline)) || return 1
    sleep 0.005
  done
}

stop_jvm() {
  local pid=$1 i
  [[ -n "$pid" ]] || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 100; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  CURRENT_PID=""
}

cleanup() { stop_jvm "$CURRENT_PID"; }

record() { printf '%s\t%s\t%s\t%s\t%s\n' "$@" >> "$RAW"; }

# measure_startup APP VARIANT LOGFILE: prints ms from process start to the first 200 from /ping.
measure_startup() {
  local app=$1 variant=$2 logfile=$3 port mport t0 t1
  port=$(free_port); mport=$(free_port)
  while [[ "$mport" == "$port" ]]; do mport=$(free_port); done
  t0=$(now_ms)
  launch "$app" "$variant" "$port" "$mport" "$logfile"
  wait_ready "$port" "$CURRENT_PID" || { tail -20 "$logfile" >&2; die "$app/$variant did not answer /ping"; }
  t1=$(now_ms)
  stop_jvm "$CURRENT_PID"
  echo $((t1 - t0))
}

# run_wrk SECONDS URL OUTFILE [LUA]: wrk on LOAD_CPU.
run_wrk() {
  local secs=$1 url=$2 out=$3 lua=${4:-}
  local -a cmd=(taskset -c "$LOAD_CPU" wrk -t1 "-c$WRK_CONNECTIONS" "-d${secs}s" --latency)
  [[ -n "$lua" ]] && cmd+=(-s "$lua")
  "${cmd[@]}" "$url" > "$out" 2>&1 || die "wrk failed: $(cat "$out")"
}

wrk_rps() { awk '/^Requests\/sec:/{print $2}' "$1"; }
# p99 in ms from the --latency distribution (wrk prints us, ms or s)
wrk_p99_ms() {
  awk '$1=="99%"{v=$2; u=v; sub(/[0-9.]+/,"",u); sub(/[a-z]+$/,"",v);
       if (u=="us") v/=1000; else if (u=="s") v*=1000; else if (u=="m") v*=60000; printf "%.3f\n", v}' "$1"
}
wrk_errors() {
  awk '/Non-2xx or 3xx responses:/{e+=$NF} /Socket errors:/{gsub(/,/,""); e+=$4+$6+$8+$10} END{print e+0}' "$1"
}

route_url() {
  case "$2" in
    ping) echo "http://127.0.0.1:$1/ping" ;;
    users) echo "http://127.0.0.1:$1/users/" ;;
  esac
}
route_lua() { [[ "$1" == users ]] && echo "$USERS_LUA" || true; }

# heap used after a forced full GC, in KiB (young + old from jstat -gc; metaspace not included)
heap_after_gc_kib() {
  local pid=$1
  taskset -c "$LOAD_CPU" jcmd "$pid" GC.run >/dev/null 2>&1 || return 1
  taskset -c "$LOAD_CPU" jstat -gc "$pid" | awk 'NR==1{for(i=1;i<=NF;i++)h[$i]=i}
    NR==2{printf "%.0f\n", $h["S0U"]+$h["S1U"]+$h["EU"]+$h["OU"]}'
}

rss_kib() { awk '/^VmRSS:/{print $2}' "/proc/$1/status"; }

# measure_round APP VARIANT ROUND "ROUTES" LOGPREFIX: one launch under load; records throughput, p99, RSS,
# heap after GC and (with an agent) the scrape time and size.
measure_round() {
  local app=$1 variant=$2 round=$3 routes=$4 prefix=$5
  local port mport pid route n secs out
  port=$(free_port); mport=$(free_port)
  while [[ "$mport" == "$port" ]]; do mport=$(free_port); done
  launch "$app" "$variant" "$port" "$mport" "$prefix.log"
  pid=$CURRENT_PID
  wait_ready "$port" "$pid" || { tail -20 "$prefix.log" >&2; die "$app/$variant did not answer /ping"; }

  # warm-up: WARMUP seconds split over the routes
  n=$(wc -w <<< "$routes")
  secs=$((WARMUP / n)); ((secs >= 1)) || secs=1
  for route in $routes; do
    run_wrk "$secs" "$(route_url "$port" "$route")" "$prefix-warmup-$route.txt" "$(route_lua "$route")"
  done
  for route in $routes; do
    out="$prefix-$route.txt"
    run_wrk "$MEASURE" "$(route_url "$port" "$route")" "$out" "$(route_lua "$route")"
    record "$app" "$variant" "$round" "${route}_rps" "$(wrk_rps "$out")"
    record "$app" "$variant" "$round" "${route}_p99_ms" "$(wrk_p99_ms "$out")"
    record "$app" "$variant" "$round" "${route}_errors" "$(wrk_errors "$out")"
  done

  record "$app" "$variant" "$round" rss_kib "$(rss_kib "$pid")"

  if [[ "$variant" != none ]]; then
    local url="http://127.0.0.1:$mport/metrics" i times=()
    taskset -c "$LOAD_CPU" curl -s -o "$prefix-metrics.txt" "$url" || true
    for ((i = 0; i < SCRAPES; i++)); do
      times+=("$(taskset -c "$LOAD_CPU" curl -s -o /dev/null -w '%{time_total}' "$url")")
    done
    record "$app" "$variant" "$round" scrape_ms \
      "$(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END{printf "%.2f\n", 1000*(NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')"
    record "$app" "$variant" "$round" scrape_bytes "$(stat -c %s "$prefix-metrics.txt")"
    record "$app" "$variant" "$round" scrape_samples "$(grep -cv '^#' "$prefix-metrics.txt" || true)"
  fi

  record "$app" "$variant" "$round" heap_kib "$(heap_after_gc_kib "$pid" || echo NA)"
  stop_jvm "$pid"
  log "   $app $variant round $round: $(awk -F'\t' -v a="$app" -v v="$variant" -v r="$round" \
        '$1==a && $2==v && $3==r {printf "%s=%s ", $4, $5}' "$RAW")"
}
