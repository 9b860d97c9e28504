# Shared by the bench scripts (sourced, not run): the JDK, the build, the engines, the public API.
# The caller sets ROOT (the checkout), OUT (its output folder) and DATA (its data folder), and calls
# bench_stop from its EXIT trap.

# A JDK 21 or newer: JAVA_HOME if it is one, else the newest under /usr/lib/jvm.
bench_java() {
  local candidate v
  for candidate in "${JAVA_HOME:-}" $(ls -d /usr/lib/jvm/* 2>/dev/null | sort -rV); do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    v=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p')
    if [ "${v%%.*}" -ge 21 ] 2>/dev/null; then export JAVA_HOME=$candidate; break; fi
  done
  JAVA=$JAVA_HOME/bin/java
}

# Builds the engines, cms-core and the apps named (tests skipped) in one reactor, so that each module's
# target/bench.classpath names the sibling jars just built (nothing is installed in ~/.m2).
#   bench_build cms-public-api
bench_build() {
  local modules="cms-search-node,cms-infra,cms-core,cms-demo"
  for m in "$@"; do modules="$modules,$m"; done
  if [ "${SKIP_BUILD:-}" = 1 ] && [ -f cms-infra/target/bench.classpath ] && [ -f cms-core/target/bench.classpath ]; then
    return
  fi
  echo "[bench] building $modules (tests skipped) ..."
  # An app's jar is made again every time: the jar plugin keeps a jar whose own module did not change,
  # and Spring Boot's repackaging then keeps the libraries it packed before, cms-core among them.
  for m in "$@"; do rm -f "$m/target/$m.jar" "$m/target/$m.jar.original"; done
  ./mvnw -B -q -DskipTests -pl "$modules" package \
    dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
}

BENCH_PIDS=()

# Secrets of this bench run, made fresh: no app starts on a value published in the repository
# (ADR 0009). The apps, BenchEngines (the database roles' passwords) and the probes read them from
# the environment, never from the command line.
bench_secrets() {
  local name
  for name in SPRING_FLYWAY_PASSWORD SPRING_DATASOURCE_PASSWORD CMS_PUBLICAPI_CURSORSECRET \
    CMS_MODERATION_INTAKE_CURSORSECRET CMS_COMMENTS_EMAILPEPPER CMS_PUSH_SECRETKEY; do
    export "$name=$(head -c 32 /dev/urandom | base64 | tr -d '/+=\n')"
  done
}
bench_secrets

# The java arguments that run an app's jar with the demo jar (demo content, bench corpus) on its
# class path: Spring Boot's PropertiesLauncher takes loader.path, java -jar does not.
#   "$JAVA" $(bench_app cms-public-api) --server.port=...
bench_app() {
  echo "-Dloader.path=cms-demo/target/cms-demo.jar -cp $1/target/$1.jar org.springframework.boot.loader.launch.PropertiesLauncher"
}

# Starts PostgreSQL 18 and Elasticsearch 9.5.3 (bench/common/BenchEngines.java) and waits for them.
#   bench_engines <pg-port> <es-port> [es-heap]
bench_engines() {
  echo "[bench] starting PostgreSQL :$1 and Elasticsearch :$2 ..."
  [ "${KEEP_DATA:-}" = 1 ] || rm -rf "$DATA"
  mkdir -p "$DATA" "$OUT"; : >"$OUT/engines.log"
  "$JAVA" -cp "cms-infra/target/classes:$(cat cms-infra/target/bench.classpath)" -Dcms.root="$ROOT" \
    bench/common/BenchEngines.java "$1" "$2" "$DATA" ${3:+"$3"} >"$OUT/engines.log" 2>&1 &
  BENCH_PIDS+=($!)
  local _
  for _ in $(seq 1 180); do grep -q "ENGINES READY" "$OUT/engines.log" && return; sleep 1; done
  echo "engines did not start:"; tail -20 "$OUT/engines.log"; exit 1
}

# Starts cms-public-api on the bench's engines; extra arguments go to the app, then APP_ARGS (words),
# so that a run can try a setting: APP_ARGS="--server.tomcat.max-keep-alive-requests=-1".
#   bench_public_api <port> <management-port> <pg-port> <es-port> <log> [--name=value ...]
bench_public_api() {
  local port=$1 mport=$2 pg=$3 es=$4 log=$5
  shift 5
  # shellcheck disable=SC2086
  "$JAVA" ${APP_JVM_OPTS:--Xms512m -Xmx512m} $(bench_app cms-public-api) \
    --server.port="$port" --management.server.port="$mport" \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:$pg/cms" \
    --cms.search.uri="http://127.0.0.1:$es" \
    --cms.public-api.access.anonymous-per-minute=100000000 \
    "$@" ${APP_ARGS:-} >"$log" 2>&1 &
  BENCH_PIDS+=($!)
  BENCH_APP_PID=$!
}

# Waits until the URL answers UP, or the process $2 dies, or $3 seconds (default 900) pass.
bench_wait_up() {
  local deadline=$((SECONDS + ${3:-900}))
  until curl -fsS "$1" 2>/dev/null | grep -q UP; do
    if ! kill -0 "$2" 2>/dev/null; then echo "bench: the process $2 stopped"; return 1; fi
    if [ $SECONDS -gt "$deadline" ]; then echo "bench: $1 not up in time"; return 1; fi
    sleep 2
  done
}

# Stops what bench_engines and bench_public_api started, newest first, and deletes DATA unless KEEP_DATA=1.
bench_stop() {
  local i
  for ((i = ${#BENCH_PIDS[@]} - 1; i >= 0; i--)); do
    kill "${BENCH_PIDS[$i]}" 2>/dev/null && wait "${BENCH_PIDS[$i]}" 2>/dev/null || true
  done
  if [ "${KEEP_DATA:-}" != 1 ]; then rm -rf "$DATA"; fi
}

# As the superuser (the embedded server trusts local connections), to look at any table.
bench_psql() { PGPASSWORD=postgres psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d cms -tAq -c "$1"; }

bench_load() { echo "$(cut -d' ' -f1-3 /proc/loadavg)"; }

# wrk, nginx and curl, installed as Debian packages when missing and run as root; NGINX names nginx.
bench_tools() {
  local tool
  for tool in wrk nginx curl; do
    if ! command -v "$tool" >/dev/null && ! [ -x "/usr/sbin/$tool" ]; then
      if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "[bench] installing $tool (Debian package) ..."
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx curl >/dev/null
      else
        echo "bench: $tool is missing; install the Debian packages wrk, nginx and curl" >&2
        exit 1
      fi
    fi
  done
  NGINX=$(command -v nginx || echo /usr/sbin/nginx)
}

# The start of a bench of nginx against the public API: the tools, a folder nginx serves from (WWW;
# its workers run as another user), everything stopped and deleted at exit, the public API built
# and the engines started.
#   bench_against_nginx <pg-port> <es-port>
bench_against_nginx() {
  bench_tools
  WWW=$(mktemp -d /tmp/cms-bench-www.XXXXXX)
  chmod 755 "$WWW"
  trap bench_stop_with_nginx EXIT
  mkdir -p "$OUT"
  bench_build cms-public-api
  sync
  bench_engines "$1" "$2" 512m
}

bench_stop_with_nginx() {
  [ -f "$WWW/nginx.pid" ] && kill "$(cat "$WWW/nginx.pid")" 2>/dev/null || true
  bench_stop
  rm -rf "$WWW"
}

# nginx serving WWW on loopback (sendfile, no access log), started and answering: its http block takes
# the extra directives $2 (e.g. "default_type application/json;"), its server block $3 (e.g.
# "gzip_static on;"). bench_stop_with_nginx stops it.
#   bench_nginx <port> [http-directives] [server-directives]
bench_nginx() {
  cat >"$WWW/nginx.conf" <<NGINX
worker_processes auto;
pid $WWW/nginx.pid;
error_log $WWW/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  ${2:-}
  server {
    listen 127.0.0.1:$1;
    root $WWW;
    ${3:-}
  }
}
NGINX
  "$NGINX" -c "$WWW/nginx.conf"
  local _
  for _ in $(seq 1 50); do curl -s -o /dev/null "http://127.0.0.1:$1/" && return; sleep 0.1; done
  echo "bench: nginx did not answer on :$1" >&2
  exit 1
}

# wrk's 850.00us / 1.20ms / 1.05s as milliseconds.
bench_ms() {
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.3f", n }'
}
