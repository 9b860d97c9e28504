#!/usr/bin/env bash
# Flood benchmark: a million distinct client addresses and 100,000 random article ids at the comment
# intake and at the public API, beside ordinary traffic, on the real apps and engines (PostgreSQL 18,
# Elasticsearch 9.5.3). Shows that memory stays bounded and the ordinary traffic's p99 stays within
# 2x of a quiet run measured in the same run.
#   bench/flood/run.sh                         1,000,000 addresses per app at 2,000/s each
#   DISTINCT=200000 FLOOD=1000 bench/flood/run.sh
# The loopback is the apps' trusted proxy here (cms.trusted-proxies), as a load balancer would be,
# so X-Forwarded-For can name a million clients; from anywhere else the apps ignore that header.
# Heap is read after a full GC (jcmd) when the quiet phase ends and again after the flood, with the
# production JVM defaults (G1) and a fixed 512 MB heap. Everything it starts it stops; data lives in
# bench/flood/.data/ and is deleted at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
PG_PORT=${PG_PORT:-25532}
ES_PORT=${ES_PORT:-29300}
API_PORT=${API_PORT:-28181}
INTAKE_PORT=${INTAKE_PORT:-28182}
API_MANAGEMENT_PORT=${API_MANAGEMENT_PORT:-29181}
INTAKE_MANAGEMENT_PORT=${INTAKE_MANAGEMENT_PORT:-29182}
DISTINCT=${DISTINCT:-1000000}
IDS=${IDS:-100000}
FLOOD=${FLOOD:-2000}
HOT_API=${HOT_API:-200}
HOT_INTAKE=${HOT_INTAKE:-20}
QUIET=${QUIET:-30}
DATA=$ROOT/bench/flood/.data
OUT=$ROOT/bench/flood/target

# shellcheck source=../common/lib.sh
. bench/common/lib.sh
bench_java
trap bench_stop EXIT

bench_build cms-public-api cms-moderation
mkdir -p "$OUT"
sync # flush the build's writes before measuring (see bench/intake/run.sh)
bench_engines "$PG_PORT" "$ES_PORT"

APP_JVM_OPTS=${APP_JVM_OPTS:--Xms512m -Xmx512m}
common_args=(--spring.datasource.url="jdbc:postgresql://127.0.0.1:$PG_PORT/cms"
  --cms.search.uri="http://127.0.0.1:$ES_PORT" --cms.trusted-proxies=127.0.0.1/32)

echo "[bench] starting cms-moderation :$INTAKE_PORT with demo content ..."
# The per-article limit is raised: the hot commenters all write on one story; the per-client
# request and comment limits stay as configured.
# shellcheck disable=SC2086
"$JAVA" $APP_JVM_OPTS $(bench_app cms-moderation) --server.port="$INTAKE_PORT" \
  --management.server.port="$INTAKE_MANAGEMENT_PORT" "${common_args[@]}" --cms.demo.enabled=true \
  --cms.moderation.intake.article-burst=1000000 --cms.moderation.intake.article-per-minute=1000000 \
  >"$OUT/moderation.log" 2>&1 &
BENCH_PIDS+=($!); intake_pid=$!
# Health is on the management port (ADR 0017); the main port has no actuator.
bench_wait_up "http://127.0.0.1:$INTAKE_MANAGEMENT_PORT/actuator/health" "$intake_pid"

articles=""
for _ in $(seq 1 60); do
  articles=$(bench_psql "select string_agg(id::text, ',') from (select id from article where state = 'PUBLISHED'
    and (embargo_until is null or embargo_until <= now()) order by published_at limit 20) a" || true)
  [ -n "$articles" ] && break; sleep 1
done
[ -n "$articles" ] || { echo "bench: no published demo story found"; exit 1; }
echo "[bench] $(echo "$articles" | tr ',' '\n' | wc -l) published stories for the readers"

echo "[bench] starting cms-public-api :$API_PORT ..."
# shellcheck disable=SC2086
"$JAVA" $APP_JVM_OPTS $(bench_app cms-public-api) --server.port="$API_PORT" \
  --management.server.port="$API_MANAGEMENT_PORT" "${common_args[@]}" >"$OUT/public-api.log" 2>&1 &
BENCH_PIDS+=($!); api_pid=$!
bench_wait_up "http://127.0.0.1:$API_MANAGEMENT_PORT/actuator/health" "$api_pid"

heap() { # pid: used heap in MB after a full collection
  jcmd "$1" GC.run >/dev/null
  jcmd "$1" GC.heap_info | grep -oE 'used [0-9]+K' | head -1 | awk '{ printf "%d", $2 / 1024 }'
}

echo "[bench] machine: $(nproc) cores; load before the run: $(bench_load)" | tee "$OUT/result.txt"
phase=$OUT/phase; : >"$phase"
"$JAVA" -Xmx1g bench/flood/FloodLoad.java --intake "http://127.0.0.1:$INTAKE_PORT" \
  --api "http://127.0.0.1:$API_PORT" --articles "$articles" --hot-api "$HOT_API" --hot-intake "$HOT_INTAKE" \
  --flood "$FLOOD" --quiet "$QUIET" --distinct "$DISTINCT" --ids "$IDS" --phase-file "$phase" \
  >"$OUT/load.txt" 2>&1 &
load_pid=$!
until grep -q quiet-done "$phase" 2>/dev/null; do
  kill -0 "$load_pid" 2>/dev/null || { cat "$OUT/load.txt"; exit 1; }
  sleep 1
done
intake_quiet=$(heap "$intake_pid"); api_quiet=$(heap "$api_pid")
echo go >"$phase"
wait "$load_pid" || { cat "$OUT/load.txt"; exit 1; }
intake_flood=$(heap "$intake_pid"); api_flood=$(heap "$api_pid")
# What fills each heap after the flood (the largest classes), to tell a bounded map from a backlog.
jcmd "$intake_pid" GC.class_histogram | head -13 >"$OUT/intake-histogram.txt" || true
jcmd "$api_pid" GC.class_histogram | head -13 >"$OUT/public-api-histogram.txt" || true
cat "$OUT/load.txt" | tee -a "$OUT/result.txt"
{
  echo "[bench] heap used after a full GC (MB, of 512): intake $intake_quiet after the quiet phase," \
    "$intake_flood after the flood; public API $api_quiet after the quiet phase, $api_flood after the flood"
  echo "[bench] comments stored by the flood (must be 0): $(bench_psql "select count(*) from comment where idempotency_key like 'flood-%'")"
  echo "[bench] load after the run: $(bench_load)"
} | tee -a "$OUT/result.txt"
echo "[bench] stopping the apps and the engines ..."
