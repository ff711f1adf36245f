#!/usr/bin/env bash
# Engine throughput, warm, one thread, on the repository's rules/ and data/ (JMH).
# Usage: src/bench/engine.sh [JMH options]     e.g. src/bench/engine.sh -f 1 -wi 2 -i 3
# Every benchmark of EngineBenchmark runs; leave some out with -e REGEX, e.g. rankFitting alone:
#   src/bench/engine.sh -e 'EngineBenchmark\.rank$' -e rankFresh -e screen -e recommend -wi 10 -w 1 -i 10 -r 1
set -euo pipefail
cd "$(dirname "$0")/../.."
. src/bench/lib.sh
java -cp "$(bench_classpath)" org.openjdk.jmh.Main EngineBenchmark "$@"
