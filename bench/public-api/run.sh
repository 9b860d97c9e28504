#!/usr/bin/env bash
# Benchmark of the public API against nginx serving the same bytes (the baseline), in one run.
#
#   bash bench/public-api/run.sh            # 1,000 stories, 20 s per measurement
#   STORIES=5000 DURATION=30s bash bench/public-api/run.sh
#
# Starts the dev stack (./cms start) with CMS_BENCH_STORIES, which tops the newsroom up to that many
# published stories through the real workflow and issues a partner key; then drives, with wrk on
# loopback, nginx (static file) and our GET /v1/articles/{id} (200 and 304) and GET /v1/feed.
# Then the article and a feed page with Accept-Encoding: gzip, against nginx gzip_static serving
# the API's own gzip bytes (docs/adr/0034). Prints requests/s, the ratio to nginx and p99 latency. Needs the dev stack's ports free; uses its
# data folder (.cms-data/), so run ./cms reset first for a clean corpus.
set -euo pipefail
cd "$(dirname "$0")/../.."

STORIES=${STORIES:-1000}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
NGINX_PORT=${NGINX_PORT:-18088}

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

work=$(mktemp -d /tmp/cms-bench.XXXXXX)
chmod 755 "$work" # nginx's workers run as another user
stack_pid=""
nginx_conf="$work/nginx.conf"
cleanup() {
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  if [ -n "$stack_pid" ]; then
    kill -TERM "$stack_pid" 2>/dev/null || true
    wait "$stack_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "[bench] starting the dev stack with $STORIES published stories ..."
CMS_BENCH_STORIES=$STORIES CMS_BENCH_KEYFILE="$work/key" \
  CMS_PUBLICAPI_ACCESS_ANONYMOUSPERMINUTE=100000000 \
  ./cms start >"$work/stack.log" 2>&1 &
stack_pid=$!
deadline=$((SECONDS + 900))
until [ -s "$work/key" ] && curl -fs -o /dev/null "http://127.0.0.1:9081/actuator/health"; do
  if ! kill -0 "$stack_pid" 2>/dev/null; then
    echo "bench: the dev stack stopped; its output:" >&2
    tail -40 "$work/stack.log" >&2
    exit 1
  fi
  if [ $SECONDS -gt $deadline ]; then
    echo "bench: the stack did not get ready in 15 minutes" >&2
    exit 1
  fi
  sleep 2
done
key=$(cat "$work/key")
published=$(grep -o 'bench corpus: [0-9]* stories' .cms-data/logs/cms-editor-ui.log | tail -1 || true)
echo "[bench] ready: ${published:-corpus loaded}"

# One article from the middle of the feed; its bytes become nginx's file.
id=$(curl -fs -H "X-API-Key: $key" "http://127.0.0.1:8081/v1/feed?limit=200&cursor=" |
  grep -o '"uri":"urn:[^"]*:article:[0-9a-f-]*"' | sed -n '100p;$p' | head -1 | sed 's/.*article://; s/"$//')
article="http://127.0.0.1:8081/v1/articles/$id"
mkdir -p "$work/www"
curl -fs -D "$work/headers" -o "$work/www/article.json" "$article"
etag=$(grep -i '^etag:' "$work/headers" | sed 's/^[^:]*: *//; s/\r$//')
bytes=$(stat -c %s "$work/www/article.json")
feed="http://127.0.0.1:8081/v1/feed?limit=50"
# The same representations gzip-encoded (docs/adr/0034): nginx's gzip_static serves the API's own
# compressed bytes, so both sides send identical bodies.
gzip_header="Accept-Encoding: gzip"
curl -fs -H "$gzip_header" -D "$work/gzip-headers" -o "$work/www/article.json.gz" "$article"
gzip_etag=$(grep -i '^etag:' "$work/gzip-headers" | sed 's/^[^:]*: *//; s/\r$//')
curl -fs -H "X-API-Key: $key" -o "$work/www/feed.json" "$feed"
curl -fs -H "X-API-Key: $key" -H "$gzip_header" -o "$work/www/feed.json.gz" "$feed"
gzip_bytes=$(stat -c %s "$work/www/article.json.gz")
feed_bytes=$(stat -c %s "$work/www/feed.json")
feed_gzip_bytes=$(stat -c %s "$work/www/feed.json.gz")

cat >"$nginx_conf" <<NGINX
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  default_type application/json;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $work/www;
    gzip_static on;
    gzip_vary on;
  }
}
NGINX
"$NGINX" -c "$nginx_conf"
sleep 1

# Every measured URL must answer as expected before it is measured: a fast error is no result.
expect() { # status url [header]
  local got
  got=$(curl -s -o /dev/null -w '%{http_code}' ${3:+-H "$3"} "$2")
  if [ "$got" != "$1" ]; then
    echo "bench: $2 answered $got, not $1" >&2
    exit 1
  fi
}
expect 200 "http://127.0.0.1:$NGINX_PORT/article.json"
expect 200 "$article"
expect 304 "$article" "If-None-Match: $etag"
expect 200 "$feed" "X-API-Key: $key"
cmp -s "$work/www/article.json" <(curl -fs "$article") || { echo "bench: nginx and the API serve different bytes" >&2; exit 1; }
cmp -s "$work/www/article.json.gz" <(curl -fs -H "$gzip_header" "http://127.0.0.1:$NGINX_PORT/article.json") ||
  { echo "bench: nginx's gzip_static does not serve the API's gzip bytes" >&2; exit 1; }
gunzip -c "$work/www/feed.json.gz" | cmp -s "$work/www/feed.json" - ||
  { echo "bench: the API's gzip feed page does not decompress to its identity bytes" >&2; exit 1; }

measure() { # name url [header ...]
  local out name=$1 url=$2
  shift 2
  local headers=()
  for h in "$@"; do headers+=(-H "$h"); done
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "${headers[@]}" "$url")
  local rps p99 errors
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  errors=$(echo "$out" | awk '/Non-2xx or 3xx/ {print $5}')
  echo "$name|$rps|$p99|${errors:-0}"
}

echo "[bench] warming up the API (JIT) ..."
wrk -t"$THREADS" -c"$CONNECTIONS" -d10s "$article" >/dev/null
wrk -t"$THREADS" -c"$CONNECTIONS" -d5s -H "X-API-Key: $key" "$feed" >/dev/null

echo "[bench] measuring, $DURATION each, $CONNECTIONS connections, $THREADS wrk threads; article $id ($bytes bytes)"
results=()
results+=("$(measure "nginx, same bytes (baseline)" "http://127.0.0.1:$NGINX_PORT/article.json")")
results+=("$(measure "GET /v1/articles/{id} 200" "$article")")
results+=("$(measure "GET /v1/articles/{id} 304" "$article" "If-None-Match: $etag")")
results+=("$(measure "GET /v1/feed?limit=50 (key)" "$feed" "X-API-Key: $key")")
gzip_results=()
gzip_results+=("$(measure "nginx gzip_static, article" "http://127.0.0.1:$NGINX_PORT/article.json" "$gzip_header")")
gzip_results+=("$(measure "GET /v1/articles/{id} gzip" "$article" "$gzip_header")")
gzip_results+=("$(measure "nginx gzip_static, feed page" "http://127.0.0.1:$NGINX_PORT/feed.json" "$gzip_header")")
gzip_results+=("$(measure "GET /v1/feed?limit=50 gzip" "$feed" "X-API-Key: $key" "$gzip_header")")

base=$(echo "${results[0]}" | cut -d'|' -f2)
printf '\n%-34s %12s %10s %10s %8s\n' "endpoint" "requests/s" "vs nginx" "p99" "non-2xx"
for r in "${results[@]}"; do
  IFS='|' read -r name rps p99 errors <<<"$r"
  ratio=$(awk -v a="$rps" -v b="$base" 'BEGIN { printf "%.1f%%", 100 * a / b }')
  printf '%-34s %12s %10s %10s %8s\n' "$name" "$rps" "$ratio" "$p99" "$errors"
done
api200=$(echo "${results[1]}" | cut -d'|' -f2)
api304=$(echo "${results[2]}" | cut -d'|' -f2)
awk -v a="$api200" -v b="$base" -v c="$api304" 'BEGIN {
  printf "\ntarget: 200s at >= 25%% of nginx: %s (%.1f%%); 304 faster than 200: %s\n",
    (a >= 0.25 * b ? "met" : "NOT met"), 100 * a / b, (c > a ? "met" : "NOT met") }'

echo
echo "[bench] gzip: article $bytes -> $gzip_bytes bytes, feed page $feed_bytes -> $feed_gzip_bytes bytes"
printf '%-34s %12s %10s %10s %8s\n' "endpoint (Accept-Encoding: gzip)" "requests/s" "vs nginx" "p99" "non-2xx"
for i in 0 2; do
  IFS='|' read -r nname nrps np99 nerrors <<<"${gzip_results[$i]}"
  IFS='|' read -r name rps p99 errors <<<"${gzip_results[$((i + 1))]}"
  printf '%-34s %12s %10s %10s %8s\n' "$nname" "$nrps" "100.0%" "$np99" "$nerrors"
  ratio=$(awk -v a="$rps" -v b="$nrps" 'BEGIN { printf "%.1f%%", 100 * a / b }')
  printf '%-34s %12s %10s %10s %8s\n' "$name" "$rps" "$ratio" "$p99" "$errors"
done
