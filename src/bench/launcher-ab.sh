#!/usr/bin/env bash
# Wall time of 'recommend --format json' through two launchers on the same jar, run in turns: this
# clone's bin/dbpick and bin/dbpick as it was at REVISION (default HEAD~1). Each launcher gets its
# own fresh cache folder, so each trains its own class archive as a first run does; the script
# waits for both archives before timing. Prints the median and every run of each.
# Usage: src/bench/launcher-ab.sh [REVISION] [N=21]     JAVA_HOME picks the JVM
set -euo pipefail
cd "$(dirname "$0")/../.."
. src/bench/lib.sh
revision=${1:-HEAD~1}
runs=${2:-21}
args=(recommend --database postgresql --async required --framework fastapi --format json)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git show "$revision:bin/dbpick" > "$work/dbpick-old"
cp bin/dbpick "$work/dbpick-new"
chmod +x "$work/dbpick-old" "$work/dbpick-new"
bin/dbpick --version > /dev/null            # builds target/dbpick.jar when it is missing or stale
export DBPICK_JAR=$PWD/target/dbpick.jar

for side in old new; do
  DBPICK_CACHE_DIR=$work/cache-$side "$work/dbpick-$side" "${args[@]}" > /dev/null
done
for side in old new; do
  archive=$(wait_for_archive "$work/cache-$side") || { echo "$side: no class archive trained" >&2; exit 1; }
  echo "$side: archive $(du -h "$archive" | cut -f1)"
done

declare -A times
for _ in $(seq "$runs"); do
  for side in old new; do
    start=$(date +%s%N)
    DBPICK_CACHE_DIR=$work/cache-$side "$work/dbpick-$side" "${args[@]}" > /dev/null
    end=$(date +%s%N)
    times[$side]+="$(( (end - start) / 1000000 )) "
  done
done
echo "java: $("${JAVA_HOME:+$JAVA_HOME/bin/}java" -version 2>&1 | head -n 1)"
for side in old new; do
  sorted=($(echo ${times[$side]} | tr ' ' '\n' | sort -n))
  echo "$side ($([ $side = old ] && echo "$revision" || echo "this clone")): median ${sorted[$((runs / 2))]} ms  runs ${sorted[*]}"
done
