#!/usr/bin/env bash
# Time per ranking as the knowledge grows: the bundled catalog and rules, each ten times over,
# and both; warm, one thread. Prints microseconds per ranking and nanoseconds per rule-library
# pair (flat means the cost grows with rules x libraries and no faster).
# Usage: src/bench/scale.sh [seconds per measurement = 10]
set -euo pipefail
cd "$(dirname "$0")/../.."
. src/bench/lib.sh
java -XX:+UseSerialGC -Xmx2g -cp "$(bench_classpath)" \
  dev.dbpick.bench.ScaleBenchmark "$@"
