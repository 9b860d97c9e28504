#!/usr/bin/env bash
# Push delivery benchmark (issue 18): publish -> delivered to 10 local webhook receivers (target p99 <= 1 s,
# and a dead receiver among them not changing the others' p99), and a queue of 10,000 deliveries drained
# (target >= 500/s).
#   bench/push/run.sh                                    300 stories at 200 ms (twice), drain of 1,000 x 10
#   N=30 DRAIN_STORIES=100 bench/push/run.sh             a quick check
# It builds what it needs, starts its own engines (PG 35432, ES 39200, the same ports as bench/freshness
# and bench/search, so run one at a time and wrap it in `flock /tmp/cms-ports.lock` on a shared machine),
# then runs PushProbe.java: cms-core's services in their own JVM with the push worker on, as the editor
# app runs them (every app that imports cms-core runs the worker, docs/adr/0024), with the production
# image's JVM settings (docker/app.Dockerfile: -XX:MaxRAMPercentage=75, G1 and C2), the receivers inside
# the probe on loopback. Writes bench/push/target/{result.txt,probe.log,latencies.csv,machine.txt}.
# Stops everything it started.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
PG_PORT=${PG_PORT:-35432}
ES_PORT=${ES_PORT:-39200}
N=${N:-300}
WARMUP=${WARMUP:-10}
INTERVAL_MS=${INTERVAL_MS:-200}
RECEIVERS=${RECEIVERS:-10}
DRAIN_STORIES=${DRAIN_STORIES:-1000}
PUBLISHERS=${PUBLISHERS:-4}
ANALYZE=${ANALYZE:-false} # true: ANALYZE push_delivery before the drain resumes (fresh planner statistics)
# PROBE_ARGS: more --name=value Spring settings for the probe's JVM, e.g. to try a fix by configuration.
# The production image's JVM settings (docker/app.Dockerfile's ENTRYPOINT).
APP_JVM_OPTS=${APP_JVM_OPTS:--XX:MaxRAMPercentage=75}
DATA=$ROOT/bench/push/.data
OUT=$ROOT/bench/push/target

# shellcheck source=../common/lib.sh
. bench/common/lib.sh
bench_java
trap bench_stop EXIT
mkdir -p "$OUT"
bench_build
sync
bench_engines "$PG_PORT" "$ES_PORT"

echo "[bench] machine: $(nproc) cores; load average before measuring: $(bench_load)" | tee "$OUT/machine.txt"
echo "[bench] push probe ($APP_JVM_OPTS): $RECEIVERS receivers, $N stories every $INTERVAL_MS ms twice, drain of $DRAIN_STORIES stories ..."
# The push settings are production's defaults (cms.push.*: 4 in flight per subscription, poll 250 ms,
# timeouts 5 s + 15 s, retries 0 s, 5 s, ...) except that plain http to loopback is allowed, as the tests do.
rc=0
# shellcheck disable=SC2086
"$JAVA" $APP_JVM_OPTS -cp "cms-demo/target/classes:cms-core/target/classes:$(cat cms-core/target/bench.classpath)" \
  bench/push/PushProbe.java --out "$OUT" --stories "$N" --warmup "$WARMUP" --interval-ms "$INTERVAL_MS" \
  --receivers "$RECEIVERS" --drain-stories "$DRAIN_STORIES" --publishers "$PUBLISHERS" --analyze "$ANALYZE" \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:$PG_PORT/cms" --cms.search.uri="http://127.0.0.1:$ES_PORT" \
  --cms.push.worker-enabled=true --cms.push.allow-http=true --cms.push.allowed-networks=127.0.0.0/8 \
  --logging.level.root=WARN ${PROBE_ARGS:-} >"$OUT/probe.log" 2>&1 || rc=$?
if [ "$rc" != 0 ] && [ "$rc" != 3 ]; then echo "the probe failed:"; tail -40 "$OUT/probe.log"; exit 1; fi
grep -vE '^[0-9]{4}-[0-9]{2}-[0-9]{2}T|^\s+at |WARN|^\{|^\s+Detail:' "$OUT/probe.log" | tee "$OUT/result.txt"
# What went wrong in this JVM meanwhile (the worker shares the app's connection pool and statement timeout).
echo "[bench] in the probe's log: $(grep -c 'Connection is not available' "$OUT/probe.log" || true) waits for a pooled connection timed out," \
  "$(grep -c 'canceling statement due to statement timeout' "$OUT/probe.log" || true) statements hit the statement timeout" | tee -a "$OUT/result.txt"
echo "[bench] load average after measuring: $(bench_load)" | tee -a "$OUT/machine.txt"
echo "[bench] stopping the engines ..."
