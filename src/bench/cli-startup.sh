#!/usr/bin/env bash
# Wall time of one 'recommend' from the command line, through bin/dbpick (and, for comparison,
# plain 'java -jar'), with table output and with '--format json' (the issue's command): the
# median of N runs (default 21) after warm-up runs that fill the compiled-rules cache and train
# the class archive, as a user's first runs do.
# Usage: src/bench/cli-startup.sh [N]     JAVA_HOME picks the JVM (e.g. /usr/lib/jvm/temurin-25-jdk-amd64)
set -euo pipefail
cd "$(dirname "$0")/../.."
. src/bench/lib.sh
runs=${1:-21}
args=(recommend --database postgresql --async required --framework fastapi)
java=${JAVA_HOME:+$JAVA_HOME/bin/}java

median() {
  local label=$1; shift
  local times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    "$@" > /dev/null
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  local sorted=($(printf '%s\n' "${times[@]}" | sort -n))
  echo "$label: runs $runs  min ${sorted[0]} ms  median ${sorted[$((runs / 2))]} ms  max ${sorted[$((runs - 1))]} ms"
}

bin/dbpick "${args[@]}" > /dev/null          # compiles the rules into the cache, starts training the archive
# The archive is trained in the background; wait for it.
wait_for_archive "${DBPICK_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/dbpick}" 120 > /dev/null || true
bin/dbpick "${args[@]}" > /dev/null
echo "java: $("$java" -version 2>&1 | head -n 1)"
median "bin/dbpick recommend" bin/dbpick "${args[@]}"
median "bin/dbpick recommend --format json" bin/dbpick "${args[@]}" --format json
median "java -jar target/dbpick.jar recommend" "$java" -jar target/dbpick.jar "${args[@]}"
median "java -jar target/dbpick.jar recommend --format json" "$java" -jar target/dbpick.jar "${args[@]}" --format json
