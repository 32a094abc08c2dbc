#!/usr/bin/env bash
# Reproduces the benchmark table of report/04a-chat-server.md: starts the server (from the packaged jar,
# in a process of its own) on a free loopback port, runs each load scenario three times after
# warm-up runs, and prints the median of each figure as a Markdown table. Every raw run is kept
# in target/bench.log. Run it with nothing else busy on the machine:
#   bash phase4-gui/bench.sh
#
# With "compare [TRIALS]" it instead runs Phase 3's and Phase 4's 100 x 100 blast back to back,
# each phase with its own server and its own load command, measured the same way: per trial and
# phase, a fresh server, one warm-up run, one measured run; the phases take turns, so a machine
# that slows down or speeds up affects both. It prints every run and the medians (TRIALS: 7).
# It needs Phase 3's jar too (./mvnw -pl phase3-broadcast,phase4-gui package -DskipTests):
#   bash phase4-gui/bench.sh compare
# With "history [TRIALS]" it measures what history costs: the same 100 x 100 blast against a
# server with --history 0 and one with --history 20 (the default), taking turns as "compare" does
# (a fresh server and data folder per run, one warm-up run, one measured run), and prints every
# run and the medians (TRIALS: 7):
#   bash phase4-gui/bench.sh history
# With "together [TRIALS]" it measures what handing over the lines of one read together saves:
# the same blast against a server started with -Dchat.together=false (each line its own turn of
# the lock) and one with the default, taking turns as "history" does (TRIALS: 7):
#   bash phase4-gui/bench.sh together
# With "hash [LOGINS]" it measures what a password costs the server: it registers one account on
# a server with the default PBKDF2 iterations, signs in LOGINS times (9) over bash's /dev/tcp, and
# prints the hash times the server logged and their median:
#   bash phase4-gui/bench.sh hash
# With "limits [TRIALS]" it runs the 100 x 100 blast against this phase's server with and without
# its limits (--no-limits), taking turns, and prints every measured run and the medians (TRIALS: 3):
#   bash phase4-gui/bench.sh limits
# PHASE4_JAR=<a jar> runs another build of this phase instead of target/phase4-gui.jar (to measure
# a change before and after it). SERVER_ARGS="..." adds options to this phase's server, for example
# SERVER_ARGS=--no-limits to measure what the limits and timeouts cost.
set -euo pipefail
cd "$(dirname "$0")"

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JAR=${PHASE4_JAR:-target/phase4-gui.jar}
LOG=target/bench.log
version=$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')
[ "${version:-0}" -ge 21 ] 2>/dev/null ||
  { echo "$JAVA is Java ${version:-?}; this needs 21 or newer: set JAVA_HOME to a JDK 21+." >&2; exit 1; }
[ -f "$JAR" ] || { echo "No $JAR: build it first with ./mvnw -pl phase4-gui package -DskipTests" >&2; exit 1; }

SERVER_OUT=$(mktemp)
SERVER=
# Phase 4's server keeps accounts and history in a data folder: a fresh one for each server, so
# that no run starts with another run's history. SERVER_ARGS adds options (e.g. --history 0).
DATA_ROOT=$(mktemp -d)
read -ra SERVER_ARGS <<<"${SERVER_ARGS:-}" # options from the environment, as an array
stop_server() { [ -z "$SERVER" ] || { kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null || true; }; SERVER=; }
trap 'stop_server; rm -rf "$SERVER_OUT" "$DATA_ROOT"' EXIT

# start_server [JVM-FLAGS...]: a fresh server on a free loopback port; sets PORT. The server
# comes from $SERVER_JAR (this phase's jar unless the comparison says otherwise).
start_server() {
  stop_server
  : >"$SERVER_OUT"
  local extra=()
  # Phase 3's server has no data folder and none of this phase's options; Phase 4's server gets a
  # new data folder each time, and SERVER_ARGS.
  if [ "${SERVER_JAR:-$JAR}" = "$JAR" ]; then
    extra=(--data "$(mktemp -d "$DATA_ROOT/data.XXXX")" "${SERVER_ARGS[@]}")
  fi
  "$JAVA" "$@" -jar "${SERVER_JAR:-$JAR}" server --host 127.0.0.1 --port 0 "${extra[@]}" \
    </dev/null >"$SERVER_OUT" 2>&1 &
  SERVER=$!
  PORT=
  for _ in $(seq 100); do
    PORT=$(sed -n 's/^Listening on 127\.0\.0\.1:\([0-9]*\)$/\1/p' "$SERVER_OUT") # both phases say so
    [ -n "$PORT" ] && return
    sleep 0.1
  done
  echo "The server did not start:" >&2
  cat "$SERVER_OUT" >&2
  exit 1
}

median() { sort -g | sed -n "$(((${1:-3} + 1) / 2))p"; } # of an odd number of values, one a line

commas() { echo "$1" | rev | sed 's/\([0-9]\{3\}\)/\1,/g; s/,$//' | rev; }

# CPU seconds used so far: by the whole machine (from /proc/stat), by one process (/proc/PID/stat).
machine_cpu() { awk -v hz="$(getconf CLK_TCK)" '/^cpu /{print ($2+$3+$4+$7+$8+$9)/hz}' /proc/stat; }
process_cpu() { awk -v hz="$(getconf CLK_TCK)" '{print ($14+$15)/hz}' "/proc/$1/stat"; }

# compare TRIALS: Phase 3 and Phase 4, 100 x 100, taking turns; every run goes to target/compare.log.
# For each measured run it also prints the CPU time the server and the load command used, what
# every other process on the machine used meanwhile (near 0 when nobody else ran anything), and
# the server's write system calls (from /proc/PID/io).
compare() {
  local trials=$1 log=target/compare.log phase3=../phase3-broadcast/target/phase3-broadcast.jar
  [ -f "$phase3" ] ||
    { echo "No $phase3: build it with ./mvnw -pl phase3-broadcast package -DskipTests" >&2; exit 1; }
  : >"$log"
  local -A rates
  local TIMEFORMAT='%3U %3S' # what bash's time prints: the user and system CPU of the load command
  for trial in $(seq "$trials"); do
    for phase in 3 4; do
      SERVER_JAR=$JAR
      [ "$phase" = 3 ] && SERVER_JAR=$phase3
      start_server
      for run in warm-up measured; do
        local out status=0 machine0 server0 writes0
        machine0=$(machine_cpu)
        server0=$(process_cpu "$SERVER")
        writes0=$(awk '/^syscw/{print $2}' "/proc/$SERVER/io")
        { time { out=$("$JAVA" -jar "$SERVER_JAR" load --host 127.0.0.1 --port "$PORT" --clients 100 \
          --messages 100 2>&1) || status=$?; }; } 2>"$SERVER_OUT.time"
        local load server others writes rate
        load=$(awk '{printf "%.2f", $1 + $2}' "$SERVER_OUT.time")
        server=$(awk -v a="$server0" -v b="$(process_cpu "$SERVER")" 'BEGIN{printf "%.2f", b - a}')
        others=$(awk -v a="$machine0" -v b="$(machine_cpu)" -v s="$server" -v l="$load" \
          'BEGIN{v = b - a - s - l; printf "%.2f", v < 0 ? 0 : v}')
        writes=$(($(awk '/^syscw/{print $2}' "/proc/$SERVER/io") - writes0))
        printf '## Phase %s, trial %d, %s run (exit %d; CPU s: server %s, load %s, others %s; server writes %d)\n%s\n' \
          "$phase" "$trial" "$run" "$status" "$server" "$load" "$others" "$writes" "$out" >>"$log"
        # Phase 3 prints "Time: ... 3,533,635 deliveries/s", Phase 4 "time: ..., rate: ... deliveries/s";
        # both exit 1 if anything was lost, out of order or corrupted.
        rate=$(grep -oE '[0-9,]+ deliveries/s' <<<"$out" | head -1 | tr -d ,)
        rate=${rate%% *}
        if [ "$run" = measured ]; then
          printf 'trial %d, Phase %d: %10s deliveries/s, load exit %d | CPU s: server %s, load %s, others %s | server writes %d\n' \
            "$trial" "$phase" "$(commas "${rate:-0}")" "$status" "$server" "$load" "$others" "$writes"
          rates[$phase]+="${rate:-0} "
        fi
      done
      stop_server
    done
  done
  SERVER_JAR=
  rm -f "$SERVER_OUT.time"
  for phase in 3 4; do
    echo "Phase $phase, median of $trials: $(commas "$(tr ' ' '\n' <<<"${rates[$phase]}" | grep . | median "$trials")") deliveries/s"
  done
  echo "Machine: $(nproc) cores, $("$JAVA" -version 2>&1 | head -1); every run in phase4-gui/$log"
}

# turns NAME TRIALS "LABEL;JVM-FLAGS;SERVER-ARGS" "LABEL;...": the 100 x 100 blast against two
# servers, taking turns: per trial and server, a fresh server, one warm-up run, one measured run.
# Prints every measured run, the medians, and the second as a percentage of the first; every run
# goes to target/NAME.log.
turns() {
  local name=$1 trials=$2 log=target/$1.log
  shift 2
  : >"$log"
  local -A rates
  for trial in $(seq "$trials"); do
    for setup in "$@"; do
      local label flags args
      IFS=';' read -r label flags args <<<"$setup"
      read -ra SERVER_ARGS <<<"$args"
      read -ra flags <<<"$flags"
      start_server "${flags[@]}"
      local out rate
      for run in warm-up measured; do
        out=$("$JAVA" -jar "$JAR" load --host 127.0.0.1 --port "$PORT" --clients 100 --messages 100 2>&1) || true
        printf '## %s, trial %d, %s run\n%s\n' "$label" "$trial" "$run" "$out" >>"$log"
      done
      rate=$(sed -n 's/.*rate: \([0-9,]*\) deliveries.*/\1/p' <<<"$out" | tr -d ,)
      printf 'trial %d, %-22s %10s deliveries/s\n' "$trial" "$label:" "$(commas "${rate:-0}")"
      rates[$label]+="${rate:-0} "
      stop_server
    done
  done
  SERVER_ARGS=()
  local first second
  IFS=';' read -r first _ <<<"$1"
  IFS=';' read -r second _ <<<"$2"
  local a b
  a=$(tr ' ' '\n' <<<"${rates[$first]}" | grep . | median "$trials")
  b=$(tr ' ' '\n' <<<"${rates[$second]}" | grep . | median "$trials")
  echo "$first, median of $trials: $(commas "$a") deliveries/s"
  echo "$second, median of $trials: $(commas "$b") deliveries/s ($(awk -v a="$b" -v b="$a" 'BEGIN{printf "%.0f", 100 * a / b}')% of the first)"
  echo "Machine: $(nproc) cores, $("$JAVA" -version 2>&1 | head -1); every run in phase4-gui/$log"
}

# hash LOGINS: one /register, then LOGINS /login, each on a connection of its own.
hash_cost() {
  local logins=$1
  start_server
  for i in $(seq 0 "$logins"); do
    local verb=/login
    [ "$i" = 0 ] && verb=/register
    exec 3<>"/dev/tcp/127.0.0.1/$PORT"
    printf '%s bench-user correct horse battery\n/exit\n' "$verb" >&3
    cat <&3 >/dev/null # until the server's BYE and close
    exec 3<&-
  done
  stop_server
  local times
  times=$(sed -n 's/.*password hashed in \([0-9]*\) ms.*/\1/p' "$SERVER_OUT")
  echo "registration: $(head -1 <<<"$times") ms (the first hash also loads and compiles the code)"
  echo "sign-ins: $(tail -n +2 <<<"$times" | tr '\n' ' ')ms"
  echo "median of $logins sign-ins: $(tail -n +2 <<<"$times" | median "$logins") ms per password check"
  echo "Machine: $(nproc) cores, $("$JAVA" -version 2>&1 | head -1)"
}

if [ "${1:-}" = hash ]; then
  hash_cost "${2:-9}"
  exit
fi

if [ "${1:-}" = history ]; then
  turns history "${2:-7}" "history off;;--history 0" "history on (20);;--history 20"
  exit
fi

if [ "${1:-}" = together ]; then
  turns together "${2:-7}" "one line a turn;-Dchat.together=false;" "lines read together;;"
  exit
fi

# limits TRIALS: the 100 x 100 blast against this phase's server with its default limits and with
# --no-limits, taking turns; per trial and server, a fresh server, four warm-up runs and one
# measured run. Every run goes to target/limits.log.
limits() {
  local trials=$1 log=target/limits.log
  : >"$log"
  local -A rates
  for trial in $(seq "$trials"); do
    for mode in on off; do
      SERVER_ARGS=()
      [ "$mode" = off ] && SERVER_ARGS=(--no-limits)
      start_server
      local out rate
      for run in 1 2 3 4 5; do
        out=$("$JAVA" -jar "$JAR" load --host 127.0.0.1 --port "$PORT" --clients 100 --messages 100 2>&1) || true
        printf '## limits %s, trial %d, run %d%s\n%s\n' "$mode" "$trial" "$run" \
          "$([ "$run" -lt 5 ] && echo ' (warm-up)')" "$out" >>"$log"
      done
      rate=$(sed -n 's/.*rate: \([0-9,]*\) deliveries.*/\1/p' <<<"$out" | tr -d ,)
      printf 'trial %d, limits %-3s: %10s deliveries/s\n' "$trial" "$mode" "$(commas "${rate:-0}")"
      rates[$mode]+="${rate:-0} "
      stop_server
    done
  done
  SERVER_ARGS=()
  for mode in on off; do
    echo "limits $mode, median of $trials: $(commas "$(tr ' ' '\n' <<<"${rates[$mode]}" | grep . | median "$trials")") deliveries/s"
  done
  echo "Machine: $(nproc) cores, $("$JAVA" -version 2>&1 | head -1); every run in phase4-gui/$log"
}

if [ "${1:-}" = limits ]; then
  limits "${2:-3}"
  exit
fi

if [ "${1:-}" = compare ]; then
  compare "${2:-7}"
  exit
fi

: >"$LOG"
echo "| scenario | deliveries per run | lost (worst run) | deliveries/s | p50 ms | p99 ms | max ms |"
echo "|---|---:|---:|---:|---:|---:|---:|"

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
