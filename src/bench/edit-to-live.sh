#!/usr/bin/env bash
# Edit -> live on an idle service: 'bin/dbpick serve' (default settings) on a private copy of
# rules/ and data/; once it is up (and its reload gate warm, when the build has a warm gate), N
# harmless edits (a comment appended to a rule file: a new revision), each timed from the write
# to the moment GET /api/v1/knowledge reports the new revision, then one broken edit (a rule
# that does not compile), which must be rejected and never served. Prints each time, the CPU the
# gate's worker process and the service spent meanwhile (which the load of the machine does not
# inflate), and the median.
# Usage: src/bench/edit-to-live.sh [edits=7]      DBPICK_JAR picks another build to compare
set -euo pipefail
cd "$(dirname "$0")/../.."
edits=${1:-7}
port=18093
copy=$(mktemp -d)
cp -r rules data "$copy/"
log=$(mktemp)
. src/bench/lib.sh
DBPICK_RULES=$copy/rules DBPICK_DATA=$copy/data bin/dbpick serve --port "$port" > "$log" 2>&1 &
service=$!
trap 'stop_services $service; grep -o "knowledge reloaded.*" "$log" > target/edit-to-live.log || true; rm -rf "$copy" "$log"' EXIT

revision() {
  curl -sf "http://127.0.0.1:$port/api/v1/knowledge" | grep -o '"revision":"[0-9a-f]*"' | head -n 1 | cut -d'"' -f4
}
wait_for_health "$port" 600 || true
if unzip -l "${DBPICK_JAR:-target/dbpick.jar}" | grep -q GateWorker; then
  for _ in $(seq 600); do grep -q 'reload gate worker warm\|did not warm up' "$log" && break; sleep 0.5; done
fi
sleep 2
# CPU time (user + system, ms) of a process and its threads: what an edit costs, whatever the load.
cpu() {
  [ -n "$1" ] && [ -r "/proc/$1/stat" ] || { echo 0; return; }
  awk -v hz="$(getconf CLK_TCK)" '{sub(/^.*\) /, ""); print int(($12 + $13) * 1000 / hz)}' "/proc/$1/stat"
}
times=()
for i in $(seq "$edits"); do
  worker=$(pgrep -P "$service" | head -n 1 || true)
  worker_cpu=$(cpu "$worker")
  service_cpu=$(cpu "$service")
  before=$(revision)
  start=$(date +%s%N)
  echo "// edit $i" >> "$copy/rules/workload.drl"
  until now=$(revision) && [ -n "$now" ] && [ "$now" != "$before" ]; do
    sleep 0.02
    (( ($(date +%s%N) - start) / 1000000 > 600000 )) && { echo "edit $i: not live after 10 minutes" >&2; exit 1; }
  done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  times+=("$ms")
  echo "edit $i: live in $ms ms (revision $now); CPU meanwhile: gate worker $(( $(cpu "$worker") - worker_cpu )) ms, service $(( $(cpu "$service") - service_cpu )) ms"
  sleep 1
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "edit -> live: edits $edits  min ${sorted[0]} ms  median ${sorted[$((edits / 2))]} ms  max ${sorted[$((edits - 1))]} ms"

before=$(revision)
rejections=$(grep -c 'knowledge reload rejected' "$log" || true)
printf 'package dev.dbpick.rules;\n\nrule "Broken"\nwhen\n    Libary()\nthen\nend\n' > "$copy/rules/broken.drl"
until [ "$(grep -c 'knowledge reload rejected' "$log" || true)" -gt "$rejections" ]; do sleep 0.05; done
[ "$(revision)" = "$before" ] && echo "broken edit: rejected, still serving $before" || { echo "broken edit went live" >&2; exit 1; }
