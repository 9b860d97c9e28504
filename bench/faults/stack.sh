# The fault suite's stack (sourced by run.sh and inject.sh, not run): how each app is started, so
# that the fault injector starts a killed app again exactly as run.sh first did. Needs the variables
# run.sh exports (ROOT, OUT, DATA, JAVA, the ports, the secrets from bench/common/lib.sh).

# Serial GC and C1: on a 2-core machine shared with the engines and the driver, parallel GC threads
# and C2 compile storms cost more than they give (set APP_JVM_OPTS to compare with JVM defaults).
FAULTS_JVM_OPTS=${APP_JVM_OPTS:--Xms256m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}

# faults_start_app <editor|public-api|moderation> [--name=value ...]: starts the app's jar in the
# background, writes its pid to $OUT/pids/<name>.pid and appends its output to $OUT/<name>.log.
faults_start_app() {
  local name=$1 module port
  shift
  local common=(--spring.datasource.url="jdbc:postgresql://127.0.0.1:$PG_PORT/cms"
    --cms.search.uri="http://127.0.0.1:$ES_PORT")
  local args=()
  case $name in
    editor)
      module=cms-editor-ui; port=$EDITOR_PORT
      # The one instance whose scheduler puts scheduled stories live (the others have it off), so
      # that killing this app kills the scheduler in the middle of its work.
      args=(--server.port="$EDITOR_PORT" --management.server.port="$EDITOR_MGMT_PORT"
        --cms.articles.scheduler-enabled=true) ;;
    public-api)
      module=cms-public-api; port=$API_PORT
      args=(--server.port="$API_PORT" --management.server.port="$MGMT_PORT"
        --cms.public-api.access.anonymous-per-minute=100000000 --cms.articles.scheduler-enabled=false) ;;
    moderation)
      module=cms-moderation; port=$MODERATION_PORT
      # Every comment poses as its own client (X-Forwarded-For from the loopback, a trusted proxy);
      # the per-article limit is raised: the suite checks what is acknowledged, not the flood guard.
      args=(--server.port="$MODERATION_PORT" --management.server.port="$MODERATION_MGMT_PORT"
        --cms.trusted-proxies=127.0.0.1/32
        --cms.moderation.intake.article-burst=1000000 --cms.moderation.intake.article-per-minute=1000000
        --cms.articles.scheduler-enabled=false) ;;
    *) echo "unknown app $name" >&2; return 1 ;;
  esac
  mkdir -p "$OUT/pids"
  echo "---- $(date -u +%FT%TZ) starting $module :$port" >>"$OUT/$name.log"
  # shellcheck disable=SC2086
  "$JAVA" $FAULTS_JVM_OPTS -Dloader.path=cms-demo/target/cms-demo.jar -cp "$module/target/$module.jar" \
    org.springframework.boot.loader.launch.PropertiesLauncher "${common[@]}" "${args[@]}" "$@" \
    >>"$OUT/$name.log" 2>&1 </dev/null &
  echo $! >"$OUT/pids/$name.pid"
}

# The postmaster's pid (PostgreSQL writes it on the first line of postmaster.pid).
faults_pg_pid() { head -1 "$DATA/postgres/postmaster.pid" 2>/dev/null; }

# The PostgreSQL processes: the postmaster and its children (backends, checkpointer, WAL writer ...).
faults_pg_pids() {
  local pm
  pm=$(faults_pg_pid) || return 0
  [ -n "$pm" ] || return 0
  echo "$pm" $(pgrep -P "$pm" || true)
}

# The Elasticsearch child JVM of bench/common/BenchEngines.java (its command line names our port).
faults_es_pid() { pgrep -f -- "--http-port=$ES_PORT" | head -1; }
