#!/usr/bin/env bash
# Load test of 'bin/dbpick serve' (its heap cap and GC) on loopback: GET /health, then
# POST /api/v1/recommendations with a different generated profile per request and the result
# cache off, 32 connections; prints requests per second, p50/p99 latency, the server's CPU time
# per POST, and its resident memory at the start, the end and the peak.
# Usage: src/bench/service-load.sh [requests=20000] [connections=32] [reloads=0]
#   INCLUDE=pivots,relaxations asks every POST for the what-if explanations (default: none, the
#   JSON document's default); RESULT_CACHE_SIZE=10000 keeps the result cache on; PORT changes the
#   service's port (default 18090); JAVA_HOME picks the JVM of the service.
set -euo pipefail
cd "$(dirname "$0")/../.."
requests=${1:-20000}
connections=${2:-32}
reloads=${3:-0}
port=${PORT:-18090}
token="load-$RANDOM$RANDOM"

[ -f target/dbpick.jar ] || ./mvnw -B -q package -DskipTests
. src/bench/lib.sh
classpath=$(bench_classpath)

DBPICK_ADMIN_TOKEN=$token DBPICK_RESULT_CACHE_SIZE=${RESULT_CACHE_SIZE:-0} DBPICK_WATCH=false \
  bin/dbpick serve --port "$port" > target/service-load.log 2>&1 &
launcher=$!
trap 'stop_services $launcher' EXIT
wait_for_health "$port" 120 || true
echo "service: $(head -c 300 target/service-load.log | grep -o 'revision=[0-9a-f]*' | head -n 1), JVM $(${JAVA_HOME:+$JAVA_HOME/bin/}java -version 2>&1 | head -n 1)"
java -cp "$classpath" dev.dbpick.bench.LoadGenerator \
  "http://127.0.0.1:$port" "$requests" "$connections" "$reloads" "$token" "$launcher" "${INCLUDE:--}"
