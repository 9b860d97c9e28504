#!/usr/bin/env bash
# Publish -> visible benchmark: how long after a publish commits the story shows in the public API's
# feed (target p99 <= 1 s) and in its search (target p95 <= 2 s).
#   bench/freshness/run.sh                         300 stories, one every 500 ms, on a corpus of 2,000
#   PUBLISH=100 INTERVAL_MS=1000 bench/freshness/run.sh
# It builds what it needs, starts its own engines and cms-public-api (PG 35432, ES 39200, API 38081,
# management 38091; the same ports as bench/search, so run one at a time), loads a corpus with
# news.cms.demo.BenchCorpus (cms-demo) (which also writes a partner key with every scope), then runs
# FreshnessProbe.java: cms-core's services in their own JVM, as the editor app runs them, publishing
# through the real workflow while it polls the API's feed and search. Stops everything it started.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
PG_PORT=${PG_PORT:-35432}
ES_PORT=${ES_PORT:-39200}
API_PORT=${API_PORT:-38081}
MGMT_PORT=${MGMT_PORT:-38091}
STORIES=${STORIES:-2000}
PUBLISH=${PUBLISH:-300}
WARMUP=${WARMUP:-10}
INTERVAL_MS=${INTERVAL_MS:-500}
POLL_MS=${POLL_MS:-20}
DATA=$ROOT/bench/freshness/.data
OUT=$ROOT/bench/freshness/target
API=http://127.0.0.1:$API_PORT

# shellcheck source=../common/lib.sh
. bench/common/lib.sh
bench_java
trap bench_stop EXIT
mkdir -p "$OUT"
bench_build cms-public-api
sync
bench_engines "$PG_PORT" "$ES_PORT"

echo "[bench] starting cms-public-api :$API_PORT with a corpus of $STORIES published stories ..."
rm -f "$OUT/key"
bench_public_api "$API_PORT" "$MGMT_PORT" "$PG_PORT" "$ES_PORT" "$OUT/app.log" \
  --cms.demo.enabled=true --cms.bench.stories="$STORIES" --cms.bench.texts=varied \
  --cms.bench.batch=500 --cms.bench.key-file="$OUT/key"
app_pid=$BENCH_APP_PID
deadline=$((SECONDS + 1800))
until [ -s "$OUT/key" ]; do
  kill -0 "$app_pid" 2>/dev/null || { echo "the app stopped:"; tail -30 "$OUT/app.log"; exit 1; }
  [ $SECONDS -lt $deadline ] || { echo "the corpus did not load in 30 minutes"; exit 1; }
  sleep 3
done
bench_wait_up "http://127.0.0.1:$MGMT_PORT/actuator/health" "$app_pid"
grep -o 'bench corpus: [0-9]* stories.*' "$OUT/app.log" | tail -1 | sed 's/^/[bench] /'
for _ in $(seq 1 300); do
  [ "$(bench_psql "select count(*) from event_publication where completion_date is null")" = 0 ] && break
  sleep 2
done
# The endpoints the probe polls answer before it starts.
key=$(cat "$OUT/key")
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "X-API-Key: $key" "$API/v1/feed?limit=1")" = 200 ] || { echo "feed does not answer 200"; exit 1; }
[ "$(curl -s -o /dev/null -w '%{http_code}' "$API/v1/search?q=water")" = 200 ] || { echo "search does not answer 200"; exit 1; }

echo "[bench] machine: $(nproc) cores; load average before measuring: $(bench_load)" | tee "$OUT/machine.txt"
"$JAVA" -Xms256m -Xmx512m -cp "cms-demo/target/classes:cms-core/target/classes:$(cat cms-core/target/bench.classpath)" \
  bench/freshness/FreshnessProbe.java --api "$API" --key-file "$OUT/key" --stories "$PUBLISH" \
  --warmup "$WARMUP" --interval-ms "$INTERVAL_MS" --poll-ms "$POLL_MS" \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:$PG_PORT/cms" --cms.search.uri="http://127.0.0.1:$ES_PORT" \
  --logging.level.root=WARN >"$OUT/probe.log" 2>&1 || { echo "the probe failed:"; tail -40 "$OUT/probe.log"; exit 1; }
grep -vE '^[0-9]{4}-[0-9]{2}-[0-9]{2}T|^\s+at |WARN' "$OUT/probe.log" | tee "$OUT/result.txt"
echo "[bench] load average after measuring: $(bench_load)" | tee -a "$OUT/machine.txt"
echo "[bench] stopping the app and the engines ..."
