#!/usr/bin/env bash
# Benchmark of a picture rendition, GET /v1/media/{id}/{rendition}, against nginx serving the same
# bytes from a file (the baseline), in one run.
#
#   bench/media/run.sh                          # the 640 px "view" rendition, 20 s per measurement
#   RENDITION=base DURATION=30s bench/media/run.sh
#
# Builds cms-public-api (tests skipped), starts its own PostgreSQL 18 and Elasticsearch 9.5.3
# (bench/common/BenchEngines.java) and cms-public-api with the JVM settings of the production image
# (docker/app.Dockerfile: the JVM's defaults and -XX:MaxRAMPercentage=75, so G1 and C2, not the dev
# stack's SerialGC and C1) and the demo content, whose pictures (cms-demo's DemoPictures) are uploaded
# and rendered through the real MediaService. One rendition's bytes become nginx's file; wrk then
# drives both on loopback and the script prints requests/s, p99 and the ratios to nginx.
# Targets (issue 16): >= 50 % of nginx's requests/s, p99 <= 1.5 x nginx's.
# Knobs: RENDITION, SMALL (a second, smaller rendition; empty for none), DURATION, WARMUP, CONNECTIONS, THREADS, APP_JVM_OPTS, SKIP_BUILD=1, KEEP_DATA=1, ports.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
PG_PORT=${PG_PORT:-35532}
ES_PORT=${ES_PORT:-39300}
API_PORT=${API_PORT:-38181}
MGMT_PORT=${MGMT_PORT:-38191}
NGINX_PORT=${NGINX_PORT:-38188}
RENDITION=${RENDITION:-view}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-15s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
DATA=$ROOT/bench/media/.data
OUT=$ROOT/bench/media/target
# The production image's JVM settings (docker/app.Dockerfile's ENTRYPOINT).
APP_JVM_OPTS=${APP_JVM_OPTS:--XX:MaxRAMPercentage=75}

# shellcheck source=../common/lib.sh
. bench/common/lib.sh
bench_java

bench_against_nginx "$PG_PORT" "$ES_PORT"
www=$WWW

echo "[bench] starting cms-public-api :$API_PORT ($APP_JVM_OPTS) with the demo content and its pictures ..."
bench_public_api "$API_PORT" "$MGMT_PORT" "$PG_PORT" "$ES_PORT" "$OUT/app.log" \
  --cms.demo.enabled=true --cms.media.filesystem-root="$DATA/media"
app_pid=$BENCH_APP_PID
bench_wait_up "http://127.0.0.1:$MGMT_PORT/actuator/health" "$app_pid"
deadline=$((SECONDS + 600))
until grep -q "demo translation group published" "$OUT/app.log"; do
  kill -0 "$app_pid" 2>/dev/null || { echo "the app stopped:"; tail -30 "$OUT/app.log"; exit 1; }
  [ $SECONDS -lt $deadline ] || { echo "bench: the demo content did not load in 10 minutes"; exit 1; }
  sleep 2
done

# The rendition of the first demo picture (the footbridge's, if the order holds), as ninjs links it.
row=$(bench_psql "select r.media_id || ' ' || substr(r.sha256, 1, 16) || ' ' || r.byte_size || ' ' || r.width || 'x' || r.height
  from media_rendition r join media_item m on m.id = r.media_id and r.generation = m.generation
  join article_featured_image f on f.media_id = m.id
  where r.name = '$RENDITION' order by m.created_at limit 1")
read -r media_id version bytes size <<<"$row"
[ -n "${media_id:-}" ] || { echo "bench: no '$RENDITION' rendition of a featured demo picture"; exit 1; }
api="http://127.0.0.1:$API_PORT/v1/media/$media_id/$RENDITION?v=$version"
base="http://127.0.0.1:$NGINX_PORT/$RENDITION.jpg"
curl -fsS -D "$www/headers" -o "$www/$RENDITION.jpg" "$api"
chmod 644 "$www/$RENDITION.jpg"
etag=$(grep -i '^etag:' "$www/headers" | sed 's/^[^:]*: *//; s/\r$//')

bench_nginx "$NGINX_PORT" "types { image/jpeg jpg; }" \
  'add_header Cache-Control "public, max-age=31536000, immutable";'

# Both must answer 200 with the same bytes before anything is measured: a fast error is no result.
cmp -s "$www/$RENDITION.jpg" <(curl -fsS "$base") || { echo "bench: nginx serves other bytes" >&2; exit 1; }
cmp -s "$www/$RENDITION.jpg" <(curl -fsS "$api") || { echo "bench: the API serves other bytes" >&2; exit 1; }
got=$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag" "$api")
[ "$got" = 304 ] || { echo "bench: If-None-Match answered $got, not 304" >&2; exit 1; }

measure() { # name url [header]
  local out rps p99 errors
  if [ -n "${3:-}" ]; then
    out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "$3" "$2")
  else
    out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$2")
  fi
  echo "$out" >>"$OUT/wrk.txt"
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p99=$(bench_ms "$(echo "$out" | awk '$1 == "99%" {print $2}')")
  errors=$(echo "$out" | awk '/Non-2xx or 3xx/ {print $5}')
  echo "$1|$rps|$p99|${errors:-0}"
}

: >"$OUT/wrk.txt"
echo "[bench] warming up the API (JIT) for $WARMUP ..."
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$api" >/dev/null
echo "[bench] machine: $(nproc) cores; load average before measuring: $(bench_load)" | tee "$OUT/machine.txt"
echo "[bench] measuring $DURATION each, $CONNECTIONS connections, $THREADS wrk threads;" \
  "rendition '$RENDITION' of $media_id ($size, $bytes bytes)"
results=()
results+=("$(measure "nginx, same file (baseline)" "$base")")
results+=("$(measure "GET /v1/media/{id}/$RENDITION 200" "$api")")
results+=("$(measure "GET /v1/media/{id}/$RENDITION 304" "$api" "If-None-Match: $etag")")
if [ -n "${SMALL:-thumbnail}" ] && [ "${SMALL:-thumbnail}" != "$RENDITION" ]; then
  # The same for a smaller rendition: how the gap to nginx grows with the bytes written.
  small=${SMALL:-thumbnail}
  small_version=$(bench_psql "select substr(sha256, 1, 16) from media_rendition where media_id = '$media_id' and name = '$small'")
  small_api="http://127.0.0.1:$API_PORT/v1/media/$media_id/$small?v=$small_version"
  curl -fsS -o "$www/$small.jpg" "$small_api" && chmod 644 "$www/$small.jpg"
  echo "[bench] and '$small' ($(stat -c %s "$www/$small.jpg") bytes)"
  results+=("$(measure "nginx, $small" "http://127.0.0.1:$NGINX_PORT/$small.jpg")")
  results+=("$(measure "GET /v1/media/{id}/$small 200" "$small_api")")
fi
echo "[bench] load average after measuring: $(bench_load)" | tee -a "$OUT/machine.txt"

IFS='|' read -r _ nginx_rps nginx_p99 _ <<<"${results[0]}"
{
  printf '\n%-34s %12s %10s %12s %12s %8s\n' "endpoint" "requests/s" "vs nginx" "p99 (ms)" "p99 vs nginx" "non-2xx"
  base_rps=$nginx_rps base_p99=$nginx_p99
  for r in "${results[@]}"; do
    IFS='|' read -r name rps p99 errors <<<"$r"
    # Each API row is compared with the nginx row above it (the same bytes).
    if [[ $name == nginx* ]]; then base_rps=$rps base_p99=$p99; fi
    awk -v n="$name" -v a="$rps" -v b="$base_rps" -v p="$p99" -v q="$base_p99" -v e="$errors" \
      'BEGIN { printf "%-34s %12s %9.1f%% %12s %11.2fx %8s\n", n, a, 100 * a / b, p, p / q, e }'
  done
  IFS='|' read -r _ api_rps api_p99 api_errors <<<"${results[1]}"
  awk -v a="$api_rps" -v b="$nginx_rps" -v p="$api_p99" -v q="$nginx_p99" -v e="$api_errors" 'BEGIN {
    printf "\ntarget: 200s at >= 50%% of nginx: %s (%.1f%%); p99 <= 1.5 x nginx: %s (%.2fx); no errors: %s\n",
      (a >= 0.5 * b ? "met" : "NOT met"), 100 * a / b, (p <= 1.5 * q ? "met" : "NOT met"), p / q, (e == 0 ? "met" : "NOT met") }'
} | tee "$OUT/result.txt"
