#!/usr/bin/env bash
# Reproduces the benchmark table of report/04-chat.md: starts the server (from the packaged jar,
# in a process of its own) on a free loopback port, runs each load scenario three times after
# warm-up runs, and prints the median of each figure as a Markdown table. Every raw run is kept
# in target/bench.log. On a shared machine run it under the course's CPU lock:
#   flock /tmp/course-cpu.lock bash phase4-gui/bench.sh
set -euo pipefail
cd "$(dirname "$0")"

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JAR=target/phase4-gui.jar
LOG=target/bench.log
version=$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')
[ "${version:-0}" -ge 21 ] 2>/dev/null ||
  { echo "$JAVA is Java ${version:-?}; this needs 21 or newer: set JAVA_HOME to a JDK 21+." >&2; exit 1; }
[ -f "$JAR" ] || { echo "No $JAR: build it first with ./mvnw -pl phase4-gui package -DskipTests" >&2; exit 1; }

SERVER_OUT=$(mktemp)
SERVER=
stop_server() { [ -z "$SERVER" ] || { kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null || true; }; SERVER=; }
trap 'stop_server; rm -f "$SERVER_OUT"' EXIT

# start_server [JVM-FLAGS...]: a fresh server on a free loopback port; sets PORT.
start_server() {
  stop_server
  : >"$SERVER_OUT"
  "$JAVA" "$@" -jar "$JAR" server --host 127.0.0.1 --port 0 </dev/null >"$SERVER_OUT" 2>&1 &
  SERVER=$!
  PORT=
  for _ in $(seq 100); do
    PORT=$(sed -n 's/^Listening on 127\.0\.0\.1:\([0-9]*\)$/\1/p' "$SERVER_OUT")
    [ -n "$PORT" ] && return
    sleep 0.1
  done
  echo "The server did not start:" >&2
  cat "$SERVER_OUT" >&2
  exit 1
}

: >"$LOG"
echo "| scenario | deliveries per run | lost (worst run) | deliveries/s | p50 ms | p99 ms | max ms |"
echo "|---|---:|---:|---:|---:|---:|---:|"

median() { sort -g | sed -n 2p; } # of three values

# scenario LABEL WARMUPS LOAD-ARGS...: warm-up runs (not counted), then three measured runs.
scenario() {
  local label=$1 warmups=$2
  shift 2
  local runs=()
  for i in $(seq $((warmups + 3))); do
    local out
    out=$("$JAVA" -jar "$JAR" load --host 127.0.0.1 --port "$PORT" "$@" 2>&1) || true
    printf '## %s, run %d%s\n%s\n' "$label" "$i" "$([ "$i" -le "$warmups" ] && echo ' (warm-up)')" "$out" >>"$LOG"
    [ "$i" -le "$warmups" ] || runs+=("$out")
  done
  field() { # field SED-EXPRESSION: that number from each measured run, one a line
    for run in "${runs[@]}"; do sed -n "$1" <<<"$run" | tr -d ,; done
  }
  local expected lost rate p50 p99 max
  expected=$(field 's/^deliveries: \([0-9,]*\) expected.*/\1/p' | median)
  lost=$(field 's/.* received, \([0-9,]*\) lost.*/\1/p' | sort -g | tail -1)
  rate=$(field 's/.*rate: \([0-9,]*\) deliveries.*/\1/p' | median)
  p50=$(field 's/.*p50 \([0-9.]*\) ms.*/\1/p' | median)
  p99=$(field 's/.*p99 \([0-9.]*\) ms.*/\1/p' | median)
  max=$(field 's/.*max \([0-9.]*\) ms.*/\1/p' | median)
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' \
    "$label" "$(commas "$expected")" "$lost" "$(commas "$rate")" "$p50" "$p99" "$max"
}

commas() { echo "$1" | rev | sed 's/\([0-9]\{3\}\)/\1,/g; s/,$//' | rev; }

# Warm-up runs first: the server's JIT compiler needs a few runs before its code is fast, and a
# 0.4-second run measured cold would mostly measure the compiler.
start_server
scenario "100 users x 100 messages, as fast as possible" 4 --clients 100 --messages 100
scenario "200 users x 10 messages/s for 10 s" 1 --clients 200 --messages 100 --rate 10
scenario "1,000 users x 1 message/s for 10 s" 1 --clients 1000 --messages 10 --rate 1
# The same steady load with the writers' 2 ms linger turned off (see Outbox.LINGER_NANOS).
start_server -Dchat.linger.micros=0
scenario "200 users x 10 messages/s, linger off" 1 --clients 200 --messages 100 --rate 10
echo
echo "Machine: $(nproc) cores, $("$JAVA" -version 2>&1 | head -1); raw runs in phase4-gui/$LOG"
