#!/usr/bin/env bash
# Measures what TLS costs the chat (report/04c-trust.md, section 5.7): the Phase 4 load benchmark,
# load --clients 100 --messages 100, against a plain server and a TLS server, taking turns. Per
# trial and mode: a fresh server (its own process, on a free loopback port), one warm-up run, one
# measured run. Prints every measured run and the medians. Every raw run goes to target/tls-bench.log.
#   bash phase4-gui/tls-bench.sh [TRIALS]      (TRIALS: 3; build the jar first:
#                                              ./mvnw -pl phase4-gui package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")"

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JAR=target/phase4-gui.jar
LOG=target/tls-bench.log
TRIALS=${1:-3}
[ -f "$JAR" ] || { echo "No $JAR: build it first with ./mvnw -pl phase4-gui package -DskipTests" >&2; exit 1; }

WORK=$(mktemp -d)
SERVER=
stop_server() { [ -z "$SERVER" ] || { kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null || true; }; SERVER=; }
trap 'stop_server; rm -rf "$WORK"' EXIT

# start_server plain|tls: a fresh server on a free loopback port; sets PORT and LOAD_TLS (the load
# command's TLS options). The TLS server keeps one certificate in $WORK/data for the whole run.
start_server() {
  stop_server
  : >"$WORK/server.out"
  local tls=()
  [ "$1" = tls ] && tls=(--tls --data "$WORK/data")
  "$JAVA" -jar "$JAR" server --host 127.0.0.1 --port 0 "${tls[@]}" </dev/null >"$WORK/server.out" 2>&1 &
  SERVER=$!
  PORT=
  for _ in $(seq 200); do
    PORT=$(sed -n 's/^Listening on 127\.0\.0\.1:\([0-9]*\)$/\1/p' "$WORK/server.out")
    [ -n "$PORT" ] && break
    sleep 0.1
  done
  [ -n "$PORT" ] || { echo "The server did not start:" >&2; cat "$WORK/server.out" >&2; exit 1; }
  LOAD_TLS=()
  if [ "$1" = tls ]; then
    local fingerprint
    fingerprint=$(sed -n 's/^TLS certificate SHA-256 fingerprint: //p' "$WORK/server.out")
    LOAD_TLS=(--tls --trust "$fingerprint" --known-servers "$WORK/known-servers")
  fi
}

median() { sort -g | sed -n "$(((TRIALS + 1) / 2))p"; }

: >"$LOG"
for trial in $(seq "$TRIALS"); do
  for mode in plain tls; do
    start_server "$mode"
    load=("$JAVA" -jar "$JAR" load --port "$PORT" --clients 100 --messages 100 "${LOAD_TLS[@]}")
    "${load[@]}" >>"$LOG" 2>&1 # warm-up: the server's code compiled, as in a long-running server
    out=$("${load[@]}" 2>&1)
    echo "== trial $trial $mode" >>"$LOG"
    echo "$out" >>"$LOG"
    rate=$(echo "$out" | sed -n 's/.*rate: \([0-9,]*\) deliveries.*/\1/p' | tr -d ,)
    p50=$(echo "$out" | sed -n 's/^latency: p50 \([0-9.]*\) ms.*/\1/p')
    reg=$(echo "$out" | sed -n 's/^Registered 100 users in \([0-9.]*\) s.*/\1/p')
    hs=$(echo "$out" | sed -n 's/.*one after another: median \([0-9.]*\) ms.*/\1/p')
    echo "$mode $rate $p50 $reg ${hs:--}" >>"$WORK/results"
    echo "trial $trial $mode: rate $rate deliveries/s, p50 $p50 ms, connect+register $reg s, handshake median ${hs:--} ms"
  done
done
stop_server

echo
echo "| 100 x 100 | deliveries/s | latency p50 (ms) | connect + register 100 users (s) | TLS handshake, median (ms) |"
echo "|---|---:|---:|---:|---:|"
for mode in plain tls; do
  col() { awk -v m="$mode" -v c="$1" '$1 == m { print $c }' "$WORK/results" | median; }
  echo "| $mode | $(col 2) | $(col 3) | $(col 4) | $(col 5) |"
done
