#!/usr/bin/env bash
# Hot reload under load: 'bin/dbpick serve' on a private copy of rules/ and data/, a steady
# stream of POSTs (32 connections, varied profiles, result cache on), and meanwhile 20 good
# edits (a harmless comment appended to a rule file: a new revision) and 5 broken ones (a rule
# that does not compile; then removed again), each waiting for the service's verdict. Prints
# the requests and errors, the reloads switched and rejected, and the revisions served.
# Usage: src/bench/reload-under-load.sh [requests=30000]
set -euo pipefail
cd "$(dirname "$0")/../.."
requests=${1:-30000}
port=18091
copy=$(mktemp -d)
cp -r rules data "$copy/"
[ -f target/dbpick.jar ] || ./mvnw -B -q package -DskipTests
. src/bench/lib.sh
classpath=$(bench_classpath)

DBPICK_RULES=$copy/rules DBPICK_DATA=$copy/data DBPICK_DEBOUNCE_MILLIS=200 \
  bin/dbpick serve --port "$port" > target/reload-under-load.log 2>&1 &
service=$!
trap 'stop_services $service; rm -rf "$copy"' EXIT
wait_for_health "$port" 120 || true

java -cp "$classpath" dev.dbpick.bench.LoadGenerator \
  "http://127.0.0.1:$port" "$requests" 32 0 - "$service" > target/reload-under-load.txt 2>&1 &
load=$!

verdict() {  # waits until the service has judged an edit made after $1
  local since=$1
  for _ in $(seq 600); do
    local at
    at=$(curl -sf "http://127.0.0.1:$port/api/v1/knowledge" | python3 -c 'import json,sys; d=json.load(sys.stdin); r=d.get("lastReload") or {}; print(r.get("at",""))')
    if [ -n "$at" ] && [[ "$at" > "$since" ]]; then return 0; fi
    sleep 0.2
  done
  echo "no verdict" >&2; return 1
}
for i in $(seq 25); do
  since=$(date -u +%Y-%m-%dT%H:%M:%S.%NZ)
  if (( i % 5 == 0 )); then
    printf 'package dev.dbpick.rules;\n\nrule "Broken %s"\nwhen\n    Libary()\nthen\nend\n' "$i" > "$copy/rules/broken.drl"
    verdict "$since"
    since=$(date -u +%Y-%m-%dT%H:%M:%S.%NZ)
    rm "$copy/rules/broken.drl"
    verdict "$since"
  else
    echo "// edit $i" >> "$copy/rules/workload.drl"
    verdict "$since"
  fi
done
wait $load || true
cat target/reload-under-load.txt
echo "reloads switched: $(grep -c 'knowledge reloaded' target/reload-under-load.log)"
echo "reloads rejected: $(grep -c 'knowledge reload rejected' target/reload-under-load.log)"
