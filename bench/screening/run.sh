#!/usr/bin/env bash
# Screening on our labelled corpus: recall and precision per language and category, the share of
# innocent texts flagged, and the cost per comment (a quick warm loop, not JMH).
#   bench/screening/run.sh [rounds]      (default 200; report also in bench/screening/out/report.md)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=$ROOT/bench/screening/out
cd "$ROOT"
source bench/common/lib.sh
bench_java
mkdir -p "$OUT"
echo "[bench] compiling cms-core and its tests ..."
./mvnw -B -q -DskipTests -pl cms-core -am test-compile \
  dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
"$JAVA" -cp "cms-core/target/classes:cms-core/target/test-classes:$(cat cms-core/target/bench.classpath)" \
  news.cms.core.screening.ScreeningReport "${1:-200}" | tee "$OUT/report.md"
