#!/usr/bin/env bash
# The fault suite's nemesis: one fault per call, run by FaultSuite.java at the scenario's moments.
#   bench/faults/inject.sh freeze-search | thaw-search     SIGSTOP / SIGCONT the Elasticsearch JVM
#   bench/faults/inject.sh freeze-db | thaw-db             SIGSTOP / SIGCONT the postmaster and its backends
#   bench/faults/inject.sh crash-db | start-db             SIGQUIT the postmaster (immediate shutdown: WAL
#                                                          recovery on start) / start it with the same options
#   bench/faults/inject.sh kill-<app> | start-<app>        SIGKILL / start (editor, public-api, moderation)
# Reads the variables run.sh exported; writes what it did to stdout (FaultSuite appends it to inject.log).
set -euo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source=stack.sh
. bench/faults/stack.sh
action=$1
echo "$(date -u +%FT%T.%3NZ) $action"
case $action in
  freeze-search) pid=$(faults_es_pid); echo "SIGSTOP elasticsearch $pid"; kill -STOP "$pid" ;;
  thaw-search) pid=$(faults_es_pid); echo "SIGCONT elasticsearch $pid"; kill -CONT "$pid" ;;
  freeze-db)
    pids=$(faults_pg_pids); echo "SIGSTOP postgres $pids"
    # shellcheck disable=SC2086
    kill -STOP $pids ;;
  thaw-db)
    pids=$(faults_pg_pids); echo "SIGCONT postgres $pids"
    # shellcheck disable=SC2086
    kill -CONT $pids ;;
  crash-db)
    # SIGQUIT is PostgreSQL's immediate shutdown (what pg_ctl stop -m immediate sends; pg_ctl itself
    # refuses to run as root, the embedded server does not): no checkpoint, WAL recovery on start.
    pm=$(faults_pg_pid)
    cp "$DATA/postgres/postmaster.opts" "$OUT/postmaster.opts"
    echo "SIGQUIT postmaster $pm (immediate shutdown)"
    kill -QUIT "$pm"
    while kill -0 "$pm" 2>/dev/null; do sleep 0.1; done ;;
  start-db)
    # postmaster.opts is the server's own command line: the binary and its options, quoted.
    echo "starting $(cat "$OUT/postmaster.opts")"
    # PostgreSQL refuses to run as root: in a user namespace of its own (unshare -U) it runs as
    # "nobody" there, while the files it opens stay those of root outside.
    eval "setsid unshare -U $(cat "$OUT/postmaster.opts") >>\"\$OUT/postgres-restarted.log\" 2>&1 </dev/null &"
    for _ in $(seq 1 240); do
      PGPASSWORD=postgres psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d cms -tAqc "select 1" >/dev/null 2>&1 && { echo "accepting connections"; exit 0; }
      sleep 0.5
    done
    echo "PostgreSQL did not start again"; exit 1 ;;
  kill-*)
    app=${action#kill-}; pid=$(cat "$OUT/pids/$app.pid"); echo "SIGKILL $app $pid"; kill -KILL "$pid" ;;
  start-*)
    app=${action#start-}; faults_start_app "$app"; echo "started $app $(cat "$OUT/pids/$app.pid")" ;;
  *) echo "unknown fault $action" >&2; exit 2 ;;
esac
