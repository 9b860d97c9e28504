#!/usr/bin/env bash
# The fault suite: load through the real apps on the real engines, faults by process signals, every
# request recorded, invariants checked over the history (bench/faults/README.md).
#   bench/faults/run.sh                         every scenario, one after the other, on one stack
#   bench/faults/run.sh search-freeze           one (or more) of: search-freeze db-freeze db-restart app-kill
#   PUBLISHES=1000 FREEZE_SECONDS=35 DB_TIMEOUT_MS=2000 SEARCH_TIMEOUT_MS=1000 CATCHUP_SECONDS=60 bench/faults/run.sh
# It builds the three apps through the reactor (tests skipped, nothing installed), starts its own
# PostgreSQL and Elasticsearch (bench/common/BenchEngines.java) and the three app jars on ports of
# its own (PG 26432, ES 26200, editor 26080 + management 26090, public API 26081 + management 26091,
# moderation 26082 + management 26092;
# below the ephemeral range, apart from the other benches and the dev stack), then runs
# FaultSuite.java per scenario. Histories and results: bench/faults/target/<scenario>/. Exits 1 if
# any invariant was violated. Stops everything it started; data in bench/faults/.data is deleted.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
export PG_PORT=${PG_PORT:-26432} ES_PORT=${ES_PORT:-26200} EDITOR_PORT=${EDITOR_PORT:-26080} \
  API_PORT=${API_PORT:-26081} MGMT_PORT=${MGMT_PORT:-26091} MODERATION_PORT=${MODERATION_PORT:-26082} \
  EDITOR_MGMT_PORT=${EDITOR_MGMT_PORT:-26090} MODERATION_MGMT_PORT=${MODERATION_MGMT_PORT:-26092}
export DATA=$ROOT/bench/faults/.data OUT=$ROOT/bench/faults/target ROOT
SCENARIOS=("$@")
[ ${#SCENARIOS[@]} -gt 0 ] || SCENARIOS=(search-freeze db-freeze db-restart app-kill)
for s in "${SCENARIOS[@]}"; do
  case $s in search-freeze | db-freeze | db-restart | app-kill) ;; *) echo "unknown scenario $s" >&2; exit 2 ;; esac
done

# shellcheck source=../common/lib.sh
. bench/common/lib.sh
bench_java
export JAVA
# shellcheck source=stack.sh
. bench/faults/stack.sh

stop_all() {
  local app pid
  # Whatever is frozen is thawed first, or it could not stop.
  bash bench/faults/inject.sh thaw-search >/dev/null 2>&1 || true
  bash bench/faults/inject.sh thaw-db >/dev/null 2>&1 || true
  for app in editor moderation public-api; do
    pid=$(cat "$OUT/pids/$app.pid" 2>/dev/null || true)
    [ -n "$pid" ] && kill "$pid" 2>/dev/null && while kill -0 "$pid" 2>/dev/null; do sleep 0.5; done
  done
  # A postmaster that db-restart started again is not the engines' child: stop it by its pid too.
  pm=$(faults_pg_pid || true)
  bench_stop
  if [ -n "$pm" ] && kill -0 "$pm" 2>/dev/null; then
    kill -TERM "$pm" 2>/dev/null || true
    while kill -0 "$pm" 2>/dev/null; do sleep 0.5; done
  fi
}
trap stop_all EXIT

rm -rf "$OUT"; mkdir -p "$OUT"
bench_build cms-public-api cms-moderation cms-editor-ui
sync
bench_engines "$PG_PORT" "$ES_PORT"

echo "[faults] starting cms-public-api :$API_PORT (migrations, a corpus of 40 stories, a partner key) ..."
faults_start_app public-api --cms.demo.enabled=true --cms.bench.stories=40 --cms.bench.key-file="$OUT/key"
deadline=$((SECONDS + 600))
until [ -s "$OUT/key" ]; do
  kill -0 "$(cat "$OUT/pids/public-api.pid")" 2>/dev/null || { echo "the public API stopped:"; tail -30 "$OUT/public-api.log"; exit 1; }
  [ $SECONDS -lt $deadline ] || { echo "no partner key in 10 minutes"; exit 1; }
  sleep 2
done
bench_wait_up "http://127.0.0.1:$MGMT_PORT/actuator/health" "$(cat "$OUT/pids/public-api.pid")" 600
echo "[faults] starting cms-moderation :$MODERATION_PORT and cms-editor-ui :$EDITOR_PORT ..."
faults_start_app moderation
faults_start_app editor
bench_wait_up "http://127.0.0.1:$MODERATION_MGMT_PORT/actuator/health" "$(cat "$OUT/pids/moderation.pid")" 600
bench_wait_up "http://127.0.0.1:$EDITOR_MGMT_PORT/actuator/health" "$(cat "$OUT/pids/editor.pid")" 600

echo "[faults] machine: $(nproc) cores; load average: $(bench_load)"
failed=()
for scenario in "${SCENARIOS[@]}"; do
  echo "[faults] ---- $scenario ----"
  mkdir -p "$OUT/$scenario"
  # The driver is the editors' side: cms-core's services in their own JVM, as the editor app runs
  # them, with the scheduler off (the editor app's runs it); its outbox indexes what it publishes.
  if "$JAVA" -Xms256m -Xmx512m -XX:+UseSerialGC \
    -cp "cms-demo/target/classes:cms-core/target/classes:$(cat cms-core/target/bench.classpath)" \
    bench/faults/FaultSuite.java "$scenario" --out "$OUT/$scenario" --key-file "$OUT/key" \
    --api "http://127.0.0.1:$API_PORT" --mgmt "http://127.0.0.1:$MGMT_PORT" \
    --moderation "http://127.0.0.1:$MODERATION_PORT" --editor "http://127.0.0.1:$EDITOR_PORT" \
    --moderation-mgmt "http://127.0.0.1:$MODERATION_MGMT_PORT" --editor-mgmt "http://127.0.0.1:$EDITOR_MGMT_PORT" \
    --publishes "${PUBLISHES:-1000}" --freeze-seconds "${FREEZE_SECONDS:-35}" \
    --db-timeout-ms "${DB_TIMEOUT_MS:-2000}" --search-timeout-ms "${SEARCH_TIMEOUT_MS:-1000}" \
    --catchup-seconds "${CATCHUP_SECONDS:-60}" --readers "${READERS:-4}" \
    --kill-grace-ms "${KILL_GRACE_MS:-0}" --recovery-seconds "${RECOVERY_SECONDS:-10}" \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:$PG_PORT/cms" --cms.search.uri="http://127.0.0.1:$ES_PORT" \
    --cms.articles.scheduler-enabled=false --logging.level.root=WARN \
    >"$OUT/$scenario/driver.log" 2>&1; then
    :
  else
    failed+=("$scenario")
  fi
  grep -E '^\[ *[0-9.]+ s\]' "$OUT/$scenario/driver.log" | tail -40 || true
  if [ -f "$OUT/$scenario/result.txt" ]; then cat "$OUT/$scenario/result.txt"; else tail -40 "$OUT/$scenario/driver.log"; fi
  # Every app answers again before the next scenario (a scenario may leave one restarting).
  bench_wait_up "http://127.0.0.1:$MGMT_PORT/actuator/health" "$(cat "$OUT/pids/public-api.pid")" 300 || true
  bench_wait_up "http://127.0.0.1:$MODERATION_MGMT_PORT/actuator/health" "$(cat "$OUT/pids/moderation.pid")" 300 || true
  bench_wait_up "http://127.0.0.1:$EDITOR_MGMT_PORT/actuator/health" "$(cat "$OUT/pids/editor.pid")" 300 || true
done
echo "[faults] load average after: $(bench_load)"
if [ ${#failed[@]} -gt 0 ]; then
  echo "[faults] invariants violated (or the driver failed) in: ${failed[*]}"
  exit 1
fi
echo "[faults] every invariant held in: ${SCENARIOS[*]}"
