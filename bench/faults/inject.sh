#!/usr/bin/env bash
# The fault suite's nemesis: one fault per call, run by FaultSuite.java at the scenario's moments.
#   bench/faults/inject.sh freeze-search | thaw-search     SIGSTOP / SIGCONT the Elasticsearch JVM
#   bench/faults/inject.sh freeze-db | thaw-db             SIGSTOP / SIGCONT the postmaster and its backends
#   bench/faults/inject.sh crash-db | start-db             pg_ctl stop -m immediate (a crash: recovery on
#                                                          start) / start again with the same options
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
    pm=$(faults_pg_pid)
    bin=$(dirname "$(readlink "/proc/$pm/exe")")
    echo "$bin" >"$OUT/pg-bin"
    cp "$DATA/postgres/postmaster.opts" "$OUT/postmaster.opts"
    echo "pg_ctl stop -m immediate (postmaster $pm)"
    "$bin/pg_ctl" -D "$DATA/postgres" stop -m immediate -w ;;
  start-db)
    bin=$(cat "$OUT/pg-bin")
    # postmaster.opts is the server's own command line: the binary, then its options.
    opts=$(cut -d' ' -f2- "$OUT/postmaster.opts")
    echo "pg_ctl start -o $opts"
    "$bin/pg_ctl" -D "$DATA/postgres" -l "$OUT/postgres-restarted.log" -o "$opts" start -w -t 120 ;;
  kill-*)
    app=${action#kill-}; pid=$(cat "$OUT/pids/$app.pid"); echo "SIGKILL $app $pid"; kill -KILL "$pid" ;;
  start-*)
    app=${action#start-}; faults_start_app "$app"; echo "started $app $(cat "$OUT/pids/$app.pid")" ;;
  *) echo "unknown fault $action" >&2; exit 2 ;;
esac
