#!/usr/bin/env bash
# Wall time of one 'dbpick recommend' from the command line: the median of N runs (default 21)
# after one warm-up run (which fills the compiled-rules cache, as any first run does).
# Usage: src/bench/cli-startup.sh [N]            (needs target/dbpick.jar: ./mvnw -B package)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-21}
args=(recommend --database postgresql --async required --framework fastapi)
java -jar target/dbpick.jar "${args[@]}" > /dev/null
times=()
for _ in $(seq "$runs"); do
  start=$(date +%s%N)
  java -jar target/dbpick.jar "${args[@]}" > /dev/null
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000000 )))
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "java: $(java -version 2>&1 | head -n 1)"
echo "runs: $runs  min: ${sorted[0]} ms  median: ${sorted[$((runs / 2))]} ms  max: ${sorted[$((runs - 1))]} ms"
