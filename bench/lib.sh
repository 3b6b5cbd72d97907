# Measurement code shared by bench/run.sh for every app (the workload and the Spring Boot app).
# Sourced, not run. Expects BENCH_DIR and ROOT; reads the settings documented in run.sh.

OTEL_VERSION=${OTEL_VERSION:-2.22.0}
JVM_CPU=${JVM_CPU:-0}
LOAD_CPU=${LOAD_CPU:-1}
HEAP=${HEAP:-"-Xms256m -Xmx256m"}
WRK_CONNECTIONS=${WRK_CONNECTIONS:-8}
SCRAPES=${SCRAPES:-10}
READY_TIMEOUT_S=${READY_TIMEOUT_S:-180}
# the JVM every variant runs on (JAVA_HOME's if set): AppCDS on 17-24, the AOT cache (JEP 483) on 25+
JAVA=${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}
CLK_TCK=$(getconf CLK_TCK)
JDK_BIN=$(dirname "$(command -v "$JAVA")")
JCMD="$JDK_BIN/jcmd"; [[ -x "$JCMD" ]] || JCMD=jcmd
JSTAT="$JDK_BIN/jstat"; [[ -x "$JSTAT" ]] || JSTAT=jstat

WORKLOAD_JAR="$BENCH_DIR/workload/target/workload.jar"
SPRING_FAT_JAR="$BENCH_DIR/spring-boot/target/spring-boot-app.jar"
# the layout Spring Boot documents for CDS (java -Djarmode=tools -jar app.jar extract): the application jar with its
# libraries beside it on a manifest class path, since no archive can hold classes from a fat jar's nested jars.
# Every variant runs it, so that none and the agents start the same application.
SPRING_JAR="$BENCH_DIR/target/spring-boot-extracted/spring-boot-app.jar"
# the large Spring Boot application (JPA, Data REST, Security, actuator: ~19,000 classes), extracted the same way
SPRING_LARGE_FAT_JAR="$BENCH_DIR/spring-boot-large/target/spring-boot-large-app.jar"
SPRING_LARGE_JAR="$BENCH_DIR/target/spring-boot-large-extracted/spring-boot-large-app.jar"
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

# wants_app APP: whether APPS (run.sh's default when unset) names APP
wants_app() { [[ " ${APPS:-workload spring-boot} " == *" $1 "* ]]; }

# extract_boot_jar FAT_JAR EXTRACTED_JAR: Spring Boot's extracted layout, made again when the fat jar is newer
extract_boot_jar() {
  [[ -f "$1" ]] || die "no $1"
  if [[ ! -f "$2" || "$1" -nt "$2" ]]; then
    rm -rf "$(dirname "$2")"
    "$JAVA" -Djarmode=tools -jar "$1" extract --destination "$(dirname "$2")" >&2 || die "cannot extract $1"
  fi
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

  local apps=workload,spring-boot
  if wants_app spring-boot-large; then apps+=,spring-boot-large; fi
  if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    log "building the bench apps: mvn -f bench/pom.xml package -pl $apps -am"
    (cd "$ROOT" && mvn -B -q -f bench/pom.xml package -DskipTests -pl "$apps" -am) >&2 \
      || die "bench build failed"
  fi
  [[ -f "$WORKLOAD_JAR" ]] || die "no $WORKLOAD_JAR"
  if wants_app spring-boot; then extract_boot_jar "$SPRING_FAT_JAR" "$SPRING_JAR"; fi
  if wants_app spring-boot-large; then extract_boot_jar "$SPRING_LARGE_FAT_JAR" "$SPRING_LARGE_JAR"; fi

  if [[ ! -f "$OTEL_JAR" && "${OTEL_DOWNLOAD:-0}" == 1 ]]; then
    log "downloading io.opentelemetry.javaagent:opentelemetry-javaagent:$OTEL_VERSION"
    (cd "$ROOT" && mvn -B -q -N -f bench/pom.xml \
      org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
      -Dartifact="io.opentelemetry.javaagent:opentelemetry-javaagent:$OTEL_VERSION" \
      -DoutputDirectory="$BENCH_DIR/target/otel") >&2 || die "could not fetch the OpenTelemetry agent"
  fi
  if [[ ! -f "$OTEL_JAR" && " $VARIANTS " == *" otel"* ]]; then
    log "no $OTEL_JAR (OTEL_DOWNLOAD=1 fetches it): the otel variants are left out"
    VARIANTS=$(tr ' ' '\n' <<< "$VARIANTS" | grep -v '^otel' | tr '\n' ' ')
  fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

now_ms() { echo $(($(date +%s%N) / 1000000)); }

java_major() { "$JAVA" -version 2>&1 | awk -F'"' '/version/{split($2, v, "."); print (v[1] == 1 ? v[2] : v[1]); exit}'; }

# The application's class-data sharing archive for APP and VARIANT (its base, without -cds). none's is the
# application's own: a dynamic AppCDS archive on 17-24, a one-step AOT cache on 25+; otel maps none's on 17-24 and
# trains its own one-step AOT cache on 25+, as before autoprom's jar named itself in Boot-Class-Path. An autoprom
# variant trains its
# own with the agent attached (the agent's manifest puts its jar on the boot class path, which an archive made
# without it does not match), in two steps since neither the static dump nor the AOT cache's creation step
# starts an agent (and JDK 17 refuses a dynamic dump with an agent unless -XX:+AllowArchivingWithJavaAgent, a
# diagnostic flag): a class list (17) or AOT configuration (25) from the training run, then -Xshare:dump or
# -XX:AOTMode=create with the jar on -Xbootclasspath/a (and on 25 -javaagent too: the creation step starts no
# agent, but the option's java.instrument module must match the run's), as the README says.
cds_archive() {
  # an archive trained with the agent names the agent jar's time: the JVM silently refuses an archive whose boot
  # class path jar changed, and a rebuilt agent must not be measured against no archive at all
  local agent_stamp ext=jsa
  agent_stamp=$(stat -c %Y "$AGENT_JAR" 2>/dev/null || echo 0)
  (($(java_major) >= 25)) && ext=aot
  if [[ "$2" == none || ( "$2" == otel && "$ext" == jsa ) ]]; then
    # OpenTelemetry appends its jar at run time, so on 17 it can only map none's archive (for the JDK's classes)
    echo "$RESULTS_DIR/cds/$1-none-$(java_major).$ext"
  elif [[ "$2" == otel ]]; then
    echo "$RESULTS_DIR/cds/$1-$2-$(java_major).$ext"
  else
    echo "$RESULTS_DIR/cds/$1-$2-$(java_major)-$agent_stamp.$ext"
  fi
}

# cds_flags APP BASE_VARIANT MODE: MODE=train makes the archive (or its class list / AOT configuration), MODE=use
# maps it
cds_flags() {
  local archive
  archive=$(cds_archive "$1" "$2")
  if [[ "$3" != train ]]; then
    (($(java_major) >= 25)) && echo "-XX:AOTCache=$archive" || echo "-XX:SharedArchiveFile=$archive"
  elif [[ "$2" != autoprom* ]]; then
    # no autoprom jar on the boot class path: the JDK's one-step ways (otel trains its own AOT cache on 25)
    (($(java_major) >= 25)) && echo "-XX:AOTCacheOutput=$archive" || echo "-XX:ArchiveClassesAtExit=$archive"
  else
    (($(java_major) >= 25)) && echo "-XX:AOTMode=record -XX:AOTConfiguration=$archive.conf" \
      || echo "-XX:DumpLoadedClassList=$archive.classlist"
  fi
}

# launch APP VARIANT APP_PORT METRICS_PORT LOGFILE [train]: starts the JVM pinned to JVM_CPU, sets CURRENT_PID.
# A VARIANT ending in -cds runs with the application's CDS archive (AppCDS, or the AOT cache on 25+).
launch() {
  local app=$1 variant=$2 port=$3 mport=$4 logfile=$5 mode=${6:-use}
  local base=${variant%-cds}
  local -a cmd=(taskset -c "$JVM_CPU" "$JAVA" $HEAP)
  [[ "$variant" == *-cds || "$mode" == train ]] && cmd+=($(cds_flags "$app" "$base" "$mode"))
  case "$base" in
    none) ;;
    autoprom) cmd+=("-javaagent:$AGENT_JAR=port=$mport,host=127.0.0.1") ;;
    # the agent's class cache (autoprom.class.cache.dir), filled by train_class_cache before the launches
    autoprom-cache) cmd+=("-javaagent:$AGENT_JAR=port=$mport,host=127.0.0.1,class.cache.dir=$(class_cache_dir "$app")") ;;
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
    spring-boot-large) cmd+=(-jar "$SPRING_LARGE_JAR" "--server.port=$port") ;;
    *) die "unknown app $app" ;;
  esac
  echo "${cmd[*]}" > "$logfile"
  "${cmd[@]}" >> "$logfile" 2>&1 &
  CURRENT_PID=$!
}

# CPU time (user + system, all threads, exited ones included) of PID so far, in ms; the JVM is pinned to one
# CPU, so on a shared machine this is what the variant cost, whatever else ran beside it.
cpu_ms() {
  awk -v tck="$CLK_TCK" '{sub(/^.*\) /, ""); printf "%.0f\n", ($12 + $13) * 1000 / tck}' "/proc/$1/stat"
}

# CPU time of PID's live threads in ns (schedstat): fine-grained, for the CPU a short load run cost
cpu_ns() { cat /proc/"$1"/task/*/schedstat 2>/dev/null | awk '{s += $1} END{printf "%.0f\n", s}'; }

# train_cds APP BASE_VARIANT: one training launch (start, a few requests on every route, stop) that writes
# the application's CDS archive for that variant; skipped when the archive exists.
train_cds() {
  local app=$1 base=$2 archive port mport
  archive=$(cds_archive "$app" "$base")
  [[ -f "$archive" ]] && return 0
  mkdir -p "$(dirname "$archive")"
  port=$(free_port); mport=$(free_port)
  launch "$app" "$base" "$port" "$mport" "$LOG_DIR/$app-$base-cds-train.log" train
  wait_ready "$port" "$CURRENT_PID" || { tail -20 "$LOG_DIR/$app-$base-cds-train.log" >&2; die "$app/$base training run did not answer"; }
  local i
  for ((i = 1; i <= 20; i++)); do
    taskset -c "$LOAD_CPU" curl -s -o /dev/null "http://127.0.0.1:$port/users/$i" || true
  done
  stop_jvm "$CURRENT_PID"
  local jar=$WORKLOAD_JAR
  [[ "$app" == spring-boot ]] && jar=$SPRING_JAR
  [[ "$app" == spring-boot-large ]] && jar=$SPRING_LARGE_JAR
  if [[ -f "$archive.classlist" && ! -f "$archive" ]]; then
    taskset -c "$JVM_CPU" "$JAVA" -Xshare:dump "-XX:SharedClassListFile=$archive.classlist" \
      "-XX:SharedArchiveFile=$archive" "-Xbootclasspath/a:$AGENT_JAR" -cp "$jar" \
      > "$LOG_DIR/$app-$base-cds-dump.log" 2>&1 || die "-Xshare:dump failed (see $LOG_DIR/$app-$base-cds-dump.log)"
  elif [[ -f "$archive.conf" && ! -f "$archive" ]]; then
    taskset -c "$JVM_CPU" "$JAVA" -XX:AOTMode=create "-XX:AOTConfiguration=$archive.conf" \
      "-XX:AOTCache=$archive" "-Xbootclasspath/a:$AGENT_JAR" "-javaagent:$AGENT_JAR" -cp "$jar" \
      > "$LOG_DIR/$app-$base-cds-dump.log" 2>&1 || die "AOT cache creation failed (see $LOG_DIR/$app-$base-cds-dump.log)"
  fi
  [[ -f "$archive" ]] || die "the training run wrote no $archive (see $LOG_DIR/$app-$base-cds-train.log)"
  log "   $app $base: CDS archive $(basename "$archive") $(($(stat -c %s "$archive") / 1048576)) MiB"
}

# class_cache_dir APP: the autoprom-cache variant's autoprom.class.cache.dir (per app and JDK)
class_cache_dir() {
  echo "$RESULTS_DIR/class-cache/$1-$(java_major)"
}

# train_class_cache APP: one launch of the autoprom-cache variant (start, a few requests, stop) so that the
# measured launches find every rewrite in the cache; an existing cache from an earlier run of this agent jar
# is reused as it is (the agent keys it by the jar).
train_class_cache() {
  local app=$1 port mport
  port=$(free_port); mport=$(free_port)
  launch "$app" autoprom-cache "$port" "$mport" "$LOG_DIR/$app-class-cache-train.log"
  wait_ready "$port" "$CURRENT_PID" || { tail -20 "$LOG_DIR/$app-class-cache-train.log" >&2; die "$app/autoprom-cache training run did not answer"; }
  local i
  for ((i = 1; i <= 20; i++)); do
    taskset -c "$LOAD_CPU" curl -s -o /dev/null "http://127.0.0.1:$port/users/$i" || true
  done
  stop_jvm "$CURRENT_PID"
  log "   $app: class cache $(class_cache_dir "$app"): $(find "$(class_cache_dir "$app")" -newer "$AGENT_JAR" -name '*.class' | wc -l) classes decided with this agent jar"
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

LOAD_PIDS=()
cleanup() {
  local pid
  stop_jvm "$CURRENT_PID"
  for pid in "${LOAD_PIDS[@]}"; do stop_jvm "$pid"; done
}

record() { printf '%s\t%s\t%s\t%s\t%s\n' "$@" >> "$RAW"; }

# measure_startup APP VARIANT LOGFILE: prints "WALL_MS CPU_MS": from just before the fork to the first 200 of
# GET /users/1 (after /ping answered), and the JVM's CPU time at that moment (/proc/PID/stat).
measure_startup() {
  local app=$1 variant=$2 logfile=$3 port mport t0 t1 cpu
  port=$(free_port); mport=$(free_port)
  while [[ "$mport" == "$port" ]]; do mport=$(free_port); done
  t0=$(now_ms)
  launch "$app" "$variant" "$port" "$mport" "$logfile"
  wait_ready "$port" "$CURRENT_PID" || { tail -20 "$logfile" >&2; die "$app/$variant did not answer /ping"; }
  [[ "$(taskset -c "$LOAD_CPU" curl -s -o /dev/null -w '%{http_code}' --max-time 10 \
        "http://127.0.0.1:$port/users/1")" == 200 ]] || die "$app/$variant: GET /users/1 failed"
  cpu=$(cpu_ms "$CURRENT_PID")
  t1=$(now_ms)
  if [[ "$variant" == *-cds ]] && grep -q "Sharing is only supported for boot loader classes" "$logfile"; then
    log "   WARNING $app $variant: the JVM shares boot loader classes only (see $logfile)"
  fi
  stop_jvm "$CURRENT_PID"
  echo "$((t1 - t0)) $cpu"
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
  taskset -c "$LOAD_CPU" "$JCMD" "$pid" GC.run >/dev/null 2>&1 || return 1
  taskset -c "$LOAD_CPU" "$JSTAT" -gc "$pid" | awk 'NR==1{for(i=1;i<=NF;i++)h[$i]=i}
    NR==2{printf "%.0f\n", $h["S0U"]+$h["S1U"]+$h["EU"]+$h["OU"]}'
}

rss_kib() { awk '/^VmRSS:/{print $2}' "/proc/$1/status"; }

# measure_load_round APP ROUND "ROUTES" "VARIANTS" LOGPREFIX: one launch of every variant, all alive at once
# and pinned to the same CPU (an idle JVM costs the others next to nothing); after the warm-up, PAIRS short
# alternating runs per route (none, autoprom, autoprom, none, ... so that a slow phase of the machine hits
# both halves of a pair), each pair recorded as its own sample (round "ROUND.PAIR"); then per variant RSS, the
# scrape and the heap after a full GC.
measure_load_round() {
  local app=$1 round=$2 routes=$3 variants=$4 prefix=$5
  local -A ports mports pids
  local v route n secs out p order
  for v in $variants; do
    ports[$v]=$(free_port); mports[$v]=$(free_port)
    launch "$app" "$v" "${ports[$v]}" "${mports[$v]}" "$prefix-$v.log"
    pids[$v]=$CURRENT_PID
    LOAD_PIDS+=("$CURRENT_PID")
    wait_ready "${ports[$v]}" "$CURRENT_PID" || { tail -20 "$prefix-$v.log" >&2; die "$app/$v did not answer /ping"; }
  done
  n=$(wc -w <<< "$routes")
  secs=$((WARMUP / n)); ((secs >= 1)) || secs=1
  for v in $variants; do
    for route in $routes; do
      run_wrk "$secs" "$(route_url "${ports[$v]}" "$route")" "$prefix-$v-warmup-$route.txt" "$(route_lua "$route")"
    done
  done
  for ((p = 1; p <= PAIRS; p++)); do
    order=$variants
    ((p % 2 == 0)) && order=$(tr ' ' '\n' <<< "$variants" | tac | tr '\n' ' ')
    for route in $routes; do
      for v in $order; do
        out="$prefix-$v-$route-pair$p.txt"
        local c0 c1 requests
        c0=$(cpu_ns "${pids[$v]}")
        run_wrk "$SHORT" "$(route_url "${ports[$v]}" "$route")" "$out" "$(route_lua "$route")"
        c1=$(cpu_ns "${pids[$v]}")
        requests=$(awk '/requests in/{print $1}' "$out")
        record "$app" "$v" "$round.$p" "${route}_rps" "$(wrk_rps "$out")"
        # the JVM's CPU per request: what other tenants of the machine change least
        record "$app" "$v" "$round.$p" "${route}_cpu_us" "$(awk -v a="$c0" -v b="$c1" -v n="$requests" \
          'BEGIN{if (n > 0) printf "%.2f\n", (b - a) / 1000 / n}')"
        record "$app" "$v" "$round.$p" "${route}_p99_ms" "$(wrk_p99_ms "$out")"
        record "$app" "$v" "$round.$p" "${route}_errors" "$(wrk_errors "$out")"
      done
    done
  done
  for v in $variants; do
    local pid=${pids[$v]}
    record "$app" "$v" "$round" rss_kib "$(rss_kib "$pid")"
    if [[ "${v%-cds}" != none ]]; then
      local url="http://127.0.0.1:${mports[$v]}/metrics" i times=()
      taskset -c "$LOAD_CPU" curl -s -o "$prefix-$v-metrics.txt" "$url" || true
      for ((i = 0; i < SCRAPES; i++)); do
        times+=("$(taskset -c "$LOAD_CPU" curl -s -o /dev/null -w '%{time_total}' "$url")")
      done
      record "$app" "$v" "$round" scrape_ms \
        "$(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END{printf "%.2f\n", 1000*(NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')"
      record "$app" "$v" "$round" scrape_bytes "$(stat -c %s "$prefix-$v-metrics.txt")"
      record "$app" "$v" "$round" scrape_samples "$(grep -cv '^#' "$prefix-$v-metrics.txt" || true)"
    fi
    record "$app" "$v" "$round" heap_kib "$(heap_after_gc_kib "$pid" || echo NA)"
  done
  for v in $variants; do
    stop_jvm "${pids[$v]}"
  done
  LOAD_PIDS=()
  log "   $app round $round done ($PAIRS pairs per route)"
}
