#!/usr/bin/env bash
# Fuzz one Jazzer target for N minutes: bench/fuzz/run.sh <TargetFuzzTest> <minutes>
# e.g. bench/fuzz/run.sh BodyRendererFuzzTest 30
#
# Jazzer 0.24.0 takes a run's length only from the test's @FuzzTest(maxDuration) (90 s here; ADR
# 0012), so this runs the target again and again until the minutes are used. Each run starts from
# the corpus the earlier ones grew (the module's .cifuzz-corpus/, not committed), so the runs add up
# to one long run. A finding is written to the class's ...Inputs folder and stops the loop.
set -euo pipefail
cd "$(dirname "$0")/../.."
target=${1:?usage: bench/fuzz/run.sh <TargetFuzzTest> <minutes>}
minutes=${2:?usage: bench/fuzz/run.sh <TargetFuzzTest> <minutes>}
[[ $target =~ ^[A-Z][A-Za-z0-9]*FuzzTest$ ]] || { echo "not a fuzz test class name: $target" >&2; exit 2; }
[[ $minutes =~ ^[1-9][0-9]{0,3}$ ]] || { echo "minutes must be a whole number from 1 to 9999" >&2; exit 2; }
source=$(find . -path ./bench -prune -o -path '*/src/test/java/*' -name "$target.java" -print | head -1)
[ -n "$source" ] || { echo "no fuzz test named $target" >&2; exit 2; }
module=${source#./}; module=${module%%/*}
export JAVA_HOME=${JAVA_HOME:-$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -1)}

log=$(mktemp -t fuzz-XXXXXX.log)
start=$(date +%s)
end=$(( start + minutes * 60 ))
rounds=0 runs=0
echo "fuzzing $target ($module) for $minutes min; log: $log"
while [ "$(date +%s)" -lt "$end" ]; do
  rounds=$((rounds + 1))
  if ! JAZZER_FUZZ=1 ./mvnw -B -q -o -pl "$module" -am test -Dtest="$target" \
      -Dsurefire.failIfNoSpecifiedTests=false >"$log" 2>&1; then
    echo "round $rounds: the target failed (a finding, or a build error); see $log" >&2
    grep -m5 -E "FuzzTestFindingException|== Java Exception|ERROR\]" "$log" >&2 || true
    exit 1
  fi
  done_runs=$(grep -oE "Done [0-9]+ runs" "$log" | tail -1 | grep -oE "[0-9]+" || echo 0)
  runs=$((runs + done_runs))
  echo "round $rounds: $done_runs runs, no finding"
done
echo "$target: $rounds rounds, $runs runs in $(( ($(date +%s) - start + 30) / 60 )) min, no finding"
