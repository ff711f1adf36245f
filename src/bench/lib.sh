# Shared by the benchmarks (sourced, not run).

# The class path of the load generator and the benchmarks: test classes, classes and their dependencies.
bench_classpath() {
  ./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >&2
  echo "target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
}

# Waits until the service on loopback port $1 answers GET /health, trying every half second, $2
# times (default 240: two minutes); fails if it does not.
wait_for_health() {
  for _ in $(seq "${2:-240}"); do
    curl -sf "http://127.0.0.1:$1/health" > /dev/null && return 0
    sleep 0.5
  done
  return 1
}

# Stops the services started in the background by this script (their process ids) and waits
# until they have exited, so that a benchmark run right after finds their port free rather than
# a service still shutting down answering its /health.
stop_services() {
  for p in "$@"; do kill "$p" 2>/dev/null || true; done
  for p in "$@"; do wait "$p" 2>/dev/null || true; done
}

# Waits until the launcher's detached training has left a class archive in the cache folder $1
# (AppCDS .jsa or AOT cache .aot), checking each second, $2 times (default 180), and prints its
# path; fails if none appears.
wait_for_archive() {
  local found
  for _ in $(seq "${2:-180}"); do
    found=$(ls "$1"/archives/*.jsa "$1"/archives/*.aot 2>/dev/null | head -n 1)
    [ -n "$found" ] && { echo "$found"; return 0; }
    sleep 1
  done
  return 1
}
