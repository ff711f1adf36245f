#!/usr/bin/env bash
# Two builds of 'bin/dbpick serve' side by side, loaded in turns: a comparison that holds on a
# machine whose speed drifts within minutes (both builds meet the same drift). Starts the other
# build (a worktree of an earlier commit, built) and this one, one after the other, each with the
# result cache off; then, ROUNDS times, LoadGenerator sends CHUNK requests per phase to each in
# turn and prints the server CPU per POST by build and by thread; the sums of turns 2 and on
# (turn 1 pays for the first compilations) and each service's resident memory close it.
# Usage: src/bench/service-ab.sh OTHER_CLONE [chunk=2000] [rounds=10]
#   e.g. git worktree add ../wt-prev HEAD~2 && (cd ../wt-prev && ./mvnw -B -q package -DskipTests)
#        src/bench/service-ab.sh ../wt-prev
#   INCLUDE=pivots,relaxations asks every POST for the what-if explanations (use a smaller chunk).
#   OTHER_OPTS and THIS_OPTS are each side's DBPICK_JAVA_OPTS; with OTHER_CLONE "." the same build
#   runs twice, which compares JVM options on warm services (compilation the idle one does during the
#   other's turn is counted for neither, so compare the JIT's start with src/bench/service-chunks.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
other=$(cd "${1:?usage: src/bench/service-ab.sh OTHER_CLONE [chunk] [rounds]}" && pwd)
chunk=${2:-2000}
rounds=${3:-10}
[ -f "$other/target/dbpick.jar" ] || { echo "no $other/target/dbpick.jar: build the other clone first" >&2; exit 2; }
[ -f target/dbpick.jar ] || ./mvnw -B -q package -DskipTests
. src/bench/lib.sh
classpath=$(bench_classpath)

names=(other this)
dirs=("$other" "$PWD")
opts=("${OTHER_OPTS:-}" "${THIS_OPTS:-}")
ports=(18111 18112)
pids=()
trap 'stop_services "${pids[@]}"' EXIT
for i in 0 1; do
  (cd "${dirs[$i]}" && DBPICK_RESULT_CACHE_SIZE=0 DBPICK_WATCH=false DBPICK_JAVA_OPTS="${opts[$i]}" exec bin/dbpick serve --port "${ports[$i]}") \
    > "target/service-ab-${names[$i]}.log" 2>&1 &
  pids+=("$!")   # the subshell execs bin/dbpick, which execs the JVM: the service's own process
  wait_for_health "${ports[$i]}" \
    || { echo "the ${names[$i]} build did not start; see target/service-ab-${names[$i]}.log" >&2; exit 1; }
done

declare -A sum
for round in $(seq "$rounds"); do
  for i in 0 1; do
    out=$(java -cp "$classpath" dev.dbpick.bench.LoadGenerator "http://127.0.0.1:${ports[$i]}" "$chunk" 32 0 x "${pids[$i]}" \
      "${INCLUDE:--}")
    total=$(echo "$out" | grep 'CPU per POST:' | grep -o '[0-9]* us' | head -n 1 | tr -dc 0-9)
    echo "turn $round ${names[$i]}: $total us per POST | $(echo "$out" | grep 'by thread' | sed 's/.*thread: //')"
    if [ "$round" -gt 1 ]; then
      sum[${names[$i]}]=$(( ${sum[${names[$i]}]:-0} + total ))
    fi
  done
done
for i in 0 1; do
  echo "${names[$i]} (${dirs[$i]}): turns 2-$rounds, mean $(( ${sum[${names[$i]}]:-0} / (rounds > 1 ? rounds - 1 : 1) )) us per POST;" \
    "resident $(grep VmRSS "/proc/${pids[$i]}/status" | tr -s ' ' | cut -d' ' -f2-)"
done
