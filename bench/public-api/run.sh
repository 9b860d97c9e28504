#!/usr/bin/env bash
# Benchmark of the public API's hot reads against nginx serving the same bytes, each endpoint against
# its own bytes and in the same encoding, in one run.
#
#   bench/public-api/run.sh                     # 1,000 stories, 20 s per measurement
#   STORIES=5000 DURATION=30s bench/public-api/run.sh
#   SKIP_BUILD=1 bench/public-api/run.sh        # with the jars already built
#
# Builds cms-public-api (tests skipped), starts its own PostgreSQL 18 and Elasticsearch 9.5.3
# (bench/common/BenchEngines.java) and cms-public-api with the JVM settings of the production image
# (docker/app.Dockerfile: the JVM's defaults and -XX:MaxRAMPercentage=75, so G1 and C2, not the dev
# stack's SerialGC and C1), with the demo content and the bench corpus (cms-demo's BenchCorpus: STORIES
# published stories through the real workflow, and a partner key with every scope).
# For each endpoint the API's answer is saved as nginx's file (and its gzip answer as the file's .gz,
# served by gzip_static), both sides are checked to send identical bytes, and wrk then drives nginx
# and the API in turn on loopback. Printed: requests/s, p99, and each API row against the nginx row
# serving its bytes. Targets (issue 18): article 200 >= 80 % of nginx, feed page >= 50 %, p99 of each
# <= 1.5 x nginx's, the same for their gzip forms against gzip_static.
# Knobs: STORIES, DURATION, WARMUP, CONNECTIONS, THREADS, APP_JVM_OPTS, APP_ARGS (bench/common/lib.sh),
# ONLY (an extended regular expression: only the pairs whose label matches, e.g. ONLY='article 200'),
# SKIP_BUILD=1, KEEP_DATA=1, ports.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
PG_PORT=${PG_PORT:-36532}
ES_PORT=${ES_PORT:-39400}
API_PORT=${API_PORT:-38281}
MGMT_PORT=${MGMT_PORT:-38291}
NGINX_PORT=${NGINX_PORT:-38288}
STORIES=${STORIES:-1000}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-15s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
DATA=$ROOT/bench/public-api/.data
OUT=$ROOT/bench/public-api/target
# The production image's JVM settings (docker/app.Dockerfile's ENTRYPOINT).
APP_JVM_OPTS=${APP_JVM_OPTS:--XX:MaxRAMPercentage=75}

# shellcheck source=../common/lib.sh
. bench/common/lib.sh
bench_java
bench_against_nginx "$PG_PORT" "$ES_PORT"
www=$WWW

echo "[bench] starting cms-public-api :$API_PORT ($APP_JVM_OPTS) with $STORIES published stories ..."
rm -f "$OUT/key"
bench_public_api "$API_PORT" "$MGMT_PORT" "$PG_PORT" "$ES_PORT" "$OUT/app.log" \
  --cms.demo.enabled=true --cms.media.filesystem-root="$DATA/media" \
  --cms.bench.stories="$STORIES" --cms.bench.batch=100 --cms.bench.key-file="$OUT/key"
app_pid=$BENCH_APP_PID
bench_wait_up "http://127.0.0.1:$MGMT_PORT/actuator/health" "$app_pid"
deadline=$((SECONDS + 900))
until [ -s "$OUT/key" ]; do
  kill -0 "$app_pid" 2>/dev/null || { echo "the app stopped:"; tail -30 "$OUT/app.log"; exit 1; }
  [ $SECONDS -lt $deadline ] || { echo "bench: the corpus did not load in 15 minutes"; exit 1; }
  sleep 2
done
key=$(cat "$OUT/key")
api=http://127.0.0.1:$API_PORT
echo "[bench] ready: $(grep -o 'bench corpus: [0-9]* stories[^)]*)' "$OUT/app.log" | tail -1)"

# One story from the middle of the feed, a page of 50 in the middle of the feed, the Atom feed.
cursor=""
for _ in $(seq 1 $((STORIES / 400))); do
  cursor=$(curl -fsS -H "X-API-Key: $key" "$api/v1/feed?limit=200&cursor=$cursor" | grep -o '"next":"[^"]*"' | cut -d'"' -f4)
done
id=$(curl -fsS -H "X-API-Key: $key" "$api/v1/feed?limit=1&cursor=$cursor" |
  grep -o '"uri":"urn:[^"]*:article:[0-9a-f-]*"' | head -1 | sed 's/.*article://; s/"$//')
[ -n "$id" ] || { echo "bench: no story found in the feed" >&2; exit 1; }
declare -A URL HEADER
URL[article]="$api/v1/articles/$id"
URL[feed]="$api/v1/feed?limit=50&cursor=$cursor"
HEADER[feed]="X-API-Key: $key"
URL[atom]="$api/v1/feed.atom"
gzip_header="Accept-Encoding: gzip"

# Each representation, identity and gzip, becomes nginx's file: the same bytes on both sides.
for name in article feed atom; do
  h=${HEADER[$name]:-X-Bench: 1}
  curl -fsS -H "$h" -D "$www/$name.headers" -o "$www/$name" "${URL[$name]}"
  curl -fsS -H "$h" -H "$gzip_header" -D "$www/$name.gz.headers" -o "$www/$name.gz" "${URL[$name]}"
  grep -qi '^content-encoding: gzip' "$www/$name.gz.headers" || { echo "bench: $name is not served gzip-encoded" >&2; exit 1; }
  gunzip -c "$www/$name.gz" | cmp -s "$www/$name" - ||
    { echo "bench: the API's gzip $name does not decompress to its identity bytes" >&2; exit 1; }
  chmod 644 "$www/$name" "$www/$name.gz"
done
etag() { grep -i '^etag:' "$www/$1.headers" | sed 's/^[^:]*: *//; s/\r$//'; }

bench_nginx "$NGINX_PORT" "default_type application/json;" "gzip_static on; gzip_vary on;"
nginx=http://127.0.0.1:$NGINX_PORT

# Every measured URL must answer as expected before it is measured: a fast error is no result.
for name in article feed atom; do
  h=${HEADER[$name]:-X-Bench: 1}
  cmp -s "$www/$name" <(curl -fsS "$nginx/$name") || { echo "bench: nginx serves other $name bytes" >&2; exit 1; }
  cmp -s "$www/$name.gz" <(curl -fsS -H "$gzip_header" "$nginx/$name") ||
    { echo "bench: nginx's gzip_static does not serve the API's gzip $name" >&2; exit 1; }
  cmp -s "$www/$name" <(curl -fsS -H "$h" "${URL[$name]}") || { echo "bench: the API's $name changed" >&2; exit 1; }
done
for name in article feed; do
  h=${HEADER[$name]:-X-Bench: 1}
  got=$(curl -s -o /dev/null -w '%{http_code}' -H "$h" -H "If-None-Match: $(etag $name)" "${URL[$name]}")
  [ "$got" = 304 ] || { echo "bench: $name with If-None-Match answered $got, not 304" >&2; exit 1; }
done

measure() { # name url [header ...]
  local name=$1 url=$2 out rps p99 errors
  shift 2
  local headers=()
  for h in "$@"; do headers+=(-H "$h"); done
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "${headers[@]}" "$url")
  echo "== $name" >>"$OUT/wrk.txt"
  echo "$out" >>"$OUT/wrk.txt"
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p99=$(bench_ms "$(echo "$out" | awk '$1 == "99%" {print $2}')")
  errors=$(echo "$out" | awk '/Non-2xx or 3xx/ {print $5}')
  echo "$name|$rps|$p99|${errors:-0}"
}

: >"$OUT/wrk.txt"
echo "[bench] warming up the API (JIT) for $WARMUP on each endpoint ..."
for name in article feed atom; do
  h=${HEADER[$name]:-X-Bench: 1}
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H "$h" "${URL[$name]}" >/dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H "$h" -H "$gzip_header" "${URL[$name]}" >/dev/null
done
echo "[bench] machine: $(nproc) cores; load average before measuring: $(bench_load)" | tee "$OUT/machine.txt"
echo "[bench] measuring $DURATION each, $CONNECTIONS connections, $THREADS wrk threads; article $id" \
  "($(stat -c %s "$www/article") bytes, gzip $(stat -c %s "$www/article.gz")), feed page of 50" \
  "($(stat -c %s "$www/feed") bytes, gzip $(stat -c %s "$www/feed.gz")), Atom ($(stat -c %s "$www/atom") bytes," \
  "gzip $(stat -c %s "$www/atom.gz"))" | tee -a "$OUT/machine.txt"
# Rows in pairs: nginx serving the bytes, then the API. The target is the share of nginx's rate.
rows=()
pair() { # label target% nginx-path api-url [header ...]
  local label=$1 target=$2 path=$3 url=$4
  shift 4
  [[ -z ${ONLY:-} || $label =~ $ONLY ]] || return 0
  local nginx_headers=()
  for h in "$@"; do [[ $h == Accept-Encoding* ]] && nginx_headers+=("$h"); done
  rows+=("$(measure "nginx, $label" "$nginx$path" "${nginx_headers[@]}")|")
  rows+=("$(measure "API, $label" "$url" "$@")|$target")
}
pair "article 200" 80 /article "${URL[article]}"
pair "article 304" 80 /article "${URL[article]}" "If-None-Match: $(etag article)"
pair "feed page of 50 200" 50 /feed "${URL[feed]}" "${HEADER[feed]}"
pair "feed page of 50 304" 50 /feed "${URL[feed]}" "${HEADER[feed]}" "If-None-Match: $(etag feed)"
pair "article gzip" 80 /article "${URL[article]}" "$gzip_header"
pair "feed page gzip" 50 /feed "${URL[feed]}" "${HEADER[feed]}" "$gzip_header"
pair "Atom gzip" 50 /atom "${URL[atom]}" "$gzip_header"
echo "[bench] load average after measuring: $(bench_load)" | tee -a "$OUT/machine.txt"

{
  printf '\n%-30s %12s %10s %10s %12s %8s  %s\n' "endpoint" "requests/s" "vs nginx" "p99 (ms)" "p99 vs nginx" "non-2xx" "target"
  for r in "${rows[@]}"; do
    IFS='|' read -r name rps p99 errors target <<<"$r"
    if [[ $name == nginx* ]]; then
      base_rps=$rps base_p99=$p99
      printf '%-30s %12s %10s %10s %12s %8s\n' "$name" "$rps" "" "$p99" "" "$errors"
      continue
    fi
    awk -v n="$name" -v a="$rps" -v b="$base_rps" -v p="$p99" -v q="$base_p99" -v e="$errors" -v t="$target" '
      BEGIN {
        ok = a >= t / 100 * b && p <= 1.5 * q && e == 0
        printf "%-30s %12s %9.1f%% %10s %11.2fx %8s  >= %d%%, p99 <= 1.5x: %s\n", n, a, 100 * a / b, p, p / q, e, t, (ok ? "met" : "NOT met")
      }'
  done
} | tee "$OUT/result.txt"
