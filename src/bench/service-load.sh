#!/usr/bin/env bash
# Load test of 'dbpick serve' on loopback: GET /health and then POST /api/v1/recommendations
# in one run, 32 connections, 100,000 requests each, 20 forced reloads of the knowledge during
# the POST phase; then the service's resident memory.
# Usage: src/bench/service-load.sh [requests] [connections] [reloads]
set -euo pipefail
cd "$(dirname "$0")/../.."
requests=${1:-100000}
connections=${2:-32}
reloads=${3:-20}
port=18090
token="load-$RANDOM$RANDOM"

[ -f target/dbpick.jar ] || ./mvnw -B -q package -DskipTests
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test

DBPICK_ADMIN_TOKEN=$token java -jar target/dbpick.jar serve --port "$port" > target/service-load.log 2>&1 &
service=$!
trap 'kill $service 2>/dev/null || true' EXIT
for _ in $(seq 60); do
  curl -sf "http://127.0.0.1:$port/health" > /dev/null && break
  sleep 0.5
done

java -cp "target/test-classes:$(cat target/bench-classpath.txt)" dev.dbpick.bench.LoadGenerator \
  "http://127.0.0.1:$port" "$requests" "$connections" "$reloads" "$token"
echo "service resident memory: $(( $(ps -o rss= -p $service) / 1024 )) MiB (RSS after the run)"
echo "reloads logged: $(grep -c 'knowledge reloaded' target/service-load.log)"
