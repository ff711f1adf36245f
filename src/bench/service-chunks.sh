#!/usr/bin/env bash
# How the service's CPU per POST falls as its JIT finishes: starts 'bin/dbpick serve' fresh (result
# cache off unless asked), then sends ROUNDS chunks of CHUNK POSTs, each a different generated profile, 32
# connections, and prints the server CPU per POST of each chunk, their mean and the resident
# memory at the end. Run it twice with different DBPICK_JAVA_OPTS, in turns, to compare JVM
# options from the start (src/bench/service-ab.sh compares warm services: compilation a service
# does while the other one is loaded is counted for neither).
# Usage: src/bench/service-chunks.sh [chunk=2000] [rounds=6]
#   INCLUDE=pivots,relaxations asks every POST for the what-if explanations (use a smaller chunk);
#   THREADS=1 prints each chunk's CPU by thread; PORT (default 18097); JAVA_HOME picks the JVM;
#   RESULT_CACHE_SIZE=10000 keeps the result cache on, as the service's default does;
#   e.g. DBPICK_JAVA_OPTS=-XX:+TieredCompilation src/bench/service-chunks.sh 2000 6
set -euo pipefail
cd "$(dirname "$0")/../.."
chunk=${1:-2000}
rounds=${2:-6}
port=${PORT:-18097}

[ -f target/dbpick.jar ] || ./mvnw -B -q package -DskipTests
. src/bench/lib.sh
classpath=$(bench_classpath)

# bin/dbpick execs the JVM, so the launcher's process is the service's.
DBPICK_RESULT_CACHE_SIZE=${RESULT_CACHE_SIZE:-0} DBPICK_WATCH=false bin/dbpick serve --port "$port" > target/service-chunks.log 2>&1 &
pid=$!
trap 'stop_services $pid' EXIT
wait_for_health "$port" || { echo "the service did not start; see target/service-chunks.log" >&2; exit 1; }
echo "options: ${DBPICK_JAVA_OPTS:-(none)}; $(grep -o 'warm-up answered.*' target/service-chunks.log || echo 'no warm-up')"

total=0
line=""
for round in $(seq "$rounds"); do
  out=$(java -cp "$classpath" dev.dbpick.bench.LoadGenerator "http://127.0.0.1:$port" "$chunk" 32 0 x "$pid" "${INCLUDE:--}")
  cpu=$(echo "$out" | grep 'CPU per POST:' | grep -o '[0-9]* us' | head -n 1 | tr -dc 0-9)
  [ -n "${THREADS:-}" ] && echo "  chunk $round: $(echo "$out" | grep 'by thread' | sed 's/.*thread: //')"
  line="$line $cpu"
  total=$((total + cpu))
done
echo "server CPU per POST by chunk of $chunk (us):$line; mean $((total / rounds)); resident at the end" \
  "$(grep VmRSS "/proc/$pid/status" | tr -s ' ' | cut -d' ' -f2-)"
