#!/usr/bin/env bash
# Reproduces the measured tables of report/03-broadcast.md: the server and the load generator in
# separate processes on this machine. Each scenario is run RUNS times (default 3), each time against
# a freshly started server after one warm-up run that is not counted; each figure is the median.
#
#   ./mvnw -q -pl phase3-broadcast package -DskipTests     # builds target/phase3-broadcast.jar
#   bash phase3-broadcast/bench.sh                          # about 4 minutes
#   RUNS=5 bash phase3-broadcast/bench.sh blast steady      # only some scenarios, more runs
#
# Scenarios: blast steady crowd slow naive-blast flood (all by default). Run it with nothing else
# busy on the machine: another build running meanwhile changes the figures.
set -euo pipefail
cd "$(dirname "$0")"

JAR=target/phase3-broadcast.jar
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
RUNS=${RUNS:-3}

if [ ! -f "$JAR" ]; then
  echo "No $JAR yet: build it first with ./mvnw -q -pl phase3-broadcast package -DskipTests" >&2
  exit 1
fi
version=$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')
if [ "${version%%.*}" -lt 21 ] 2>/dev/null; then
  echo "$JAVA is Java $version; this needs 21 or newer: set JAVA_HOME to a JDK 21+" >&2
  exit 1
fi
# 1,000 clients are 1,000 sockets in each process, more than the usual limit of 1,024 allows.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

SERVER_PID=""
WORK=$(mktemp -d)

start_server() { # $1: queued or naive
  "$JAVA" -jar "$JAR" server --host 127.0.0.1 --port 0 --broadcast "$1" >"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 100); do
    PORT=$(sed -n 's/^Listening on .*:\([0-9]*\)$/\1/p' "$WORK/server.log")
    [ -n "$PORT" ] && return 0
    sleep 0.1
  done
  echo "the server did not start:" >&2
  cat "$WORK/server.log" >&2
  exit 1
}

stop_server() {
  if [ -n "$SERVER_PID" ]; then
    # SIGTERM runs the same shutdown hook as Ctrl+C; a background job of a script ignores SIGINT.
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
  fi
}
trap 'stop_server; rm -rf "$WORK"' EXIT

# One load run; prints: expected received lost bad out-of-order deliveries/s p50 p99 max exit
# seconds-to-last-delivery
load() {
  local status=0
  "$JAVA" -jar "$JAR" load --port "$PORT" "$@" >"$WORK/load.out" 2>&1 || status=$?
  awk -v status="$status" '
    { gsub(",", "") }
    /^Deliveries expected/ { expected = $3 }
    /^Deliveries received/ { received = $3 }
    /^Lost/                { lost = $2 }
    /^Bad lines/           { bad = $8; sub(";", "", bad); order = $NF }
    /^Time/                { rate = $(NF - 1); time = $2 }
    /^Latency/             { p50 = $3; p99 = $6; max = $9 }
    END { print expected, received, lost, bad, order, rate, p50, p99, max, status, time }
  ' "$WORK/load.out"
}

median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# scenario NAME MODE LOAD-OPTIONS...: one table row, and every run underneath it
scenario() {
  local name=$1 mode=$2
  shift 2
  : >"$WORK/runs"
  local drops=0
  for _ in $(seq "$RUNS"); do
    # A fresh server for every run: a stalled naive server would otherwise still be relaying the
    # previous run's lines when the next one starts.
    start_server "$mode"
    load --clients 50 --messages 100 >/dev/null # warm-up: the server's JIT compiles its hot code
    load "$@" >>"$WORK/runs"
    stop_server
    drops=$((drops + $(grep -c ' dropped: ' "$WORK/server.log" || true)))
  done
  col() { awk -v c="$1" '{ print $c }' "$WORK/runs" | median; }
  printf '| %s | %s | `load %s` | %s of %s | %s | %s / %s | %s | %s | %s | %s | %s | %s |\n' \
    "$name" "$mode" "$*" "$(thousands "$(col 2)")" "$(thousands "$(col 1)")" \
    "$(thousands "$(col 3)")" "$(col 4)" "$(col 5)" "$(col 11)" "$(thousands "$(col 6)")" \
    "$(col 7)" "$(col 8)" "$(col 9)" "$drops"
  awk -v name="$name" -v mode="$mode" '{
    printf "- %s, %s, run %d: received %s, lost %s, bad %s, out of order %s, last delivery at %s s, %s deliveries/s, p50 %s ms, p99 %s ms, max %s ms, exit %s\n", name, mode, NR, $2, $3, $4, $5, $11, $6, $7, $8, $9, $10
  }' "$WORK/runs" >>"$WORK/details"
}

# 990000 -> 990,000
thousands() { printf '%.0f\n' "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }

SCENARIOS=("$@")
[ ${#SCENARIOS[@]} -gt 0 ] || SCENARIOS=(blast steady crowd slow naive-blast flood)

echo "# phase3-broadcast benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $("$JAVA" -version 2>&1 | head -1)"
echo "# medians of $RUNS runs; last delivery: seconds from the first send; latencies in ms;"
echo "# drops: clients the server dropped for not reading (all runs together)"
echo
echo "| scenario | server | command | delivered | lost | bad / out of order | last delivery | deliveries/s | p50 | p99 | max | drops |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
: >"$WORK/details"
for s in "${SCENARIOS[@]}"; do
  case $s in
    blast) scenario blast queued --clients 100 --messages 100 ;;
    steady) scenario steady queued --clients 200 --messages 100 --rate 10 ;;
    crowd) scenario crowd queued --clients 1000 --messages 10 --rate 1 ;;
    slow)
      for mode in queued naive; do
        for stuck in 0 1; do
          scenario "slow-$stuck" "$mode" --clients 100 --messages 50 --rate 10 --size 2000 \
            --non-readers "$stuck" --timeout 5
        done
      done
      ;;
    naive-blast) scenario blast naive --clients 100 --messages 100 ;;
    # Ten times the blast: more than the 1 MiB queues absorb, so readers too slow get dropped.
    flood) scenario flood queued --clients 100 --messages 1000 --timeout 3 ;;
    *) echo "unknown scenario: $s (blast steady crowd slow naive-blast flood)" >&2; exit 2 ;;
  esac
done
echo
echo "Every run:"
echo
cat "$WORK/details"
