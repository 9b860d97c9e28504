#!/usr/bin/env bash
# Comment intake benchmark: POST /v1/articles/{id}/comments at a fixed arrival rate (open model) on
# loopback against the real moderation app on real PostgreSQL 18 and Elasticsearch 9.5.3.
#   bench/intake/run.sh            300/s for 60 s after a 30 s warm-up ramp, 10% retries
#   RATE=500 SECONDS_=30 bench/intake/run.sh
# It starts its own engines and app on their own ports (PG 25432, ES 29200, app 28082 by default, so
# it runs beside ./cms start), loads the demo content, picks a published demo story, drives the load,
# checks the database for duplicates and stops everything it started. Data lives in
# bench/intake/.data/ and is deleted at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
PG_PORT=${PG_PORT:-25432}
ES_PORT=${ES_PORT:-29200}
APP_PORT=${APP_PORT:-28082}
RATE=${RATE:-300}
SECONDS_=${SECONDS_:-60}
WARMUP=${WARMUP:-30}
RETRIES=${RETRIES:-0.10}
DATA=$ROOT/bench/intake/.data
OUT=$ROOT/bench/intake/target
RUN=$(date +%s)

# shellcheck source=../common/lib.sh
. bench/common/lib.sh
bench_java

engines_pid=""; app_pid=""
stop() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
  [ -n "$engines_pid" ] && kill "$engines_pid" 2>/dev/null && wait "$engines_pid" 2>/dev/null || true
  rm -rf "$DATA"
}
trap stop EXIT

mkdir -p "$OUT"
if [ "${SKIP_BUILD:-}" != 1 ] || [ ! -f cms-infra/target/bench.classpath ]; then
  echo "[bench] building the moderation app and the engines (tests skipped) ..."
  # One reactor, so that cms-infra's class path names the sibling jars just built (nothing is
  # installed in ~/.m2); each module writes its own target/bench.classpath. The app's jar is made
  # again (see bench_build in bench/common/lib.sh).
  rm -f cms-moderation/target/cms-moderation.jar cms-moderation/target/cms-moderation.jar.original
  ./mvnw -B -q -DskipTests -pl cms-search-node,cms-infra,cms-core,cms-demo,cms-moderation package \
    dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
fi
cp cms-infra/target/bench.classpath "$OUT/infra.classpath"
# Flush what the build wrote: otherwise the kernel writes it back during the measurement, and
# PostgreSQL's WAL fsyncs wait behind it for seconds (seen as one multi-second stall per run).
sync

echo "[bench] starting PostgreSQL :$PG_PORT and Elasticsearch :$ES_PORT ..."
rm -rf "$DATA"; mkdir -p "$DATA"; : >"$OUT/engines.log"
"$JAVA" -cp "cms-infra/target/classes:$(cat "$OUT/infra.classpath")" -Dcms.root="$ROOT" \
  bench/common/BenchEngines.java "$PG_PORT" "$ES_PORT" "$DATA" >"$OUT/engines.log" 2>&1 &
engines_pid=$!
for _ in $(seq 1 180); do grep -q "ENGINES READY" "$OUT/engines.log" && break; sleep 1; done
grep -q "ENGINES READY" "$OUT/engines.log" || { echo "engines did not start:"; tail -20 "$OUT/engines.log"; exit 1; }

# The per-article bucket is raised: one article takes all 300/s here, and the bench measures intake,
# not the flood guard (IntakeIT proves the 429s). Per-client limits stay as configured.
echo "[bench] starting cms-moderation :$APP_PORT with demo content ..."
# Serial GC and C1 only: on a 2-core machine shared with the engines and the load generator, parallel
# GC threads and C2 compile storms cost more than they give (set APP_JVM_OPTS to compare).
APP_JVM_OPTS=${APP_JVM_OPTS:--Xms512m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}
# shellcheck disable=SC2086
"$JAVA" $APP_JVM_OPTS $(bench_app cms-moderation) \
  --server.port="$APP_PORT" \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:$PG_PORT/cms" \
  --cms.search.uri="http://127.0.0.1:$ES_PORT" \
  --cms.demo.enabled=true \
  --cms.trusted-proxies=127.0.0.1/32 \
  --cms.moderation.intake.article-burst=1000000 \
  --cms.moderation.intake.article-per-minute=1000000 \
  >"$OUT/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 180); do
  curl -fsS "http://127.0.0.1:$APP_PORT/actuator/health" 2>/dev/null | grep -q UP && break; sleep 1
done
curl -fsS "http://127.0.0.1:$APP_PORT/actuator/health" | grep -q UP || { echo "app did not start:"; tail -30 "$OUT/app.log"; exit 1; }

psql_() { PGPASSWORD=postgres psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d cms -tAq -c "$1"; }
for _ in $(seq 1 60); do
  ARTICLE=$(psql_ "select id from article where state = 'PUBLISHED' and (embargo_until is null or embargo_until <= now()) order by published_at limit 1" || true)
  [ -n "$ARTICLE" ] && break; sleep 1
done
[ -n "$ARTICLE" ] || { echo "no published demo story found"; exit 1; }
echo "[bench] article $ARTICLE: $(psql_ "select headline from article where id = '$ARTICLE'" 2>/dev/null || echo '?')"

cpu_of() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# The postmaster (its command line names the data folder) and its backends.
pg_cpu() {
  local t=0 p pm
  for pm in $(pgrep -f "$DATA/postgres" || true); do
    for p in "$pm" $(pgrep -P "$pm" || true); do t=$((t + $(cpu_of "$p" 2>/dev/null || echo 0))); done
  done
  echo $t
}
# PostgreSQL writes checkpoints, lock waits and statements over 100 ms to engines.log; vmstat writes
# the machine's CPU, I/O wait and blocked processes each second to vmstat.txt, to line up with the
# load generator's slow seconds.
for setting in "log_checkpoints = on" "log_lock_waits = on" "deadlock_timeout = '100ms'" \
  "log_min_duration_statement = 100"; do
  psql_ "alter system set $setting" >/dev/null
done
psql_ "select pg_reload_conf()" >/dev/null
vmstat -t 1 >"$OUT/vmstat.txt" & vmstat_pid=$!
echo "[bench] machine: $(nproc) cores; load before the run: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$OUT/machine.txt"
xacts() { psql_ "select xact_commit + xact_rollback from pg_stat_database where datname = 'cms'"; }
app_cpu0=$(cpu_of "$app_pid"); pg_cpu0=$(pg_cpu); xact0=$(xacts); wall0=$(date +%s%N)
"$JAVA" bench/intake/IntakeLoad.java --url "http://127.0.0.1:$APP_PORT" --article "$ARTICLE" \
  --rate "$RATE" --seconds "$SECONDS_" --warmup "$WARMUP" --retries "$RETRIES" --run "$RUN" \
  --keys-file "$OUT/keys.txt" | tee "$OUT/result.txt"

app_cpu1=$(cpu_of "$app_pid"); pg_cpu1=$(pg_cpu); xact1=$(xacts); wall1=$(date +%s%N)
kill "$vmstat_pid" 2>/dev/null || true
tick=$(getconf CLK_TCK); secs=$(( (wall1 - wall0) / 1000000000 ))
echo "[bench] load after the run: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/machine.txt"
echo "[bench] CPU used during the run (warm-up included, ${secs} s): app $(( (app_cpu1 - app_cpu0) / tick )) s," \
  "PostgreSQL $(( (pg_cpu1 - pg_cpu0) / tick )) s" | tee -a "$OUT/result.txt"
requests=$(grep -oE 'sent [0-9]+ measured requests \(([0-9]+) with the warm-up' "$OUT/result.txt" | grep -oE '[0-9]+ with' | grep -oE '[0-9]+')
echo "[bench] database transactions during the run: $((xact1 - xact0)), $(awk -v x=$((xact1 - xact0)) -v r="$requests" \
  'BEGIN { printf "%.2f", x / r }') per request (the app's background work included)" | tee -a "$OUT/result.txt"
echo "[bench] database check:"
stored=$(psql_ "select count(*) from comment where idempotency_key like 'bench-$RUN-%'")
distinct=$(psql_ "select count(distinct idempotency_key) from comment where idempotency_key like 'bench-$RUN-%'")
answered=$(wc -l <"$OUT/keys.txt")
echo "  comments stored: $stored, distinct idempotency keys among them: $distinct, keys answered with a receipt: $answered"
# A key stored without a receipt is a request the client gave up on (timeout) after the server took it.
echo "  duplicates in the database (comments minus distinct keys): $((stored - distinct))" | tee -a "$OUT/result.txt"
echo "  keys stored whose answer the client never got (timeouts): $((stored - answered))" | tee -a "$OUT/result.txt"
echo "[bench] stopping the app and the engines ..."
