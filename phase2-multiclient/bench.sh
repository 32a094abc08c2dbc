#!/usr/bin/env bash
# Phase 2's benchmark: the table in report/02-multiclient.md comes from this script.
#
# For each kind of thread (virtual, platform) and each number of clients (1,000 and 10,000), it
# starts the server and the load generator as two processes on this machine, over loopback, and
# records what the load generator prints and what the server's process costs (peak resident
# memory, peak thread count, CPU time). Each case runs 3 times; the table gives the medians.
#
#   ./mvnw -q -pl phase2-multiclient package -DskipTests     # builds target/phase2-multiclient.jar
#   bash phase2-multiclient/bench.sh                         # about 2 minutes on 2 cores
#
# Settings, from the environment: RUNS (3), ROUNDS (10), WARMUP (1), CLIENTS ("1000 10000"),
# THREADS ("virtual platform"), BACKLOG (the server's default, 4096), JAVA_HOME.
# Linux only: it reads /proc/<pid>/status, and nstat (iproute2), if installed, for the number of
# connections the kernel dropped because the server's accept queue was full.
set -euo pipefail
cd "$(dirname "$0")"

JAR=target/phase2-multiclient.jar
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
RUNS=${RUNS:-3}
ROUNDS=${ROUNDS:-10}
WARMUP=${WARMUP:-1}
CLIENTS=${CLIENTS:-"1000 10000"}
THREADS=${THREADS:-"virtual platform"}
BACKLOG=${BACKLOG:-4096}

[ -f "$JAR" ] || { echo "No $JAR: build it first (see the top of this script)." >&2; exit 1; }

# Every connection is a file descriptor, in the server and in the load generator: 10,000 clients
# need more than 10,000 in each process. Raised here, for this script and what it starts, no
# further than the hard limit (ulimit -Hn), which only root can raise.
ulimit -n 16384

work=$(mktemp -d)
server_pid=""
trap '[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$work"' EXIT

# The value of a field of /proc/<pid>/status, e.g. "VmHWM" -> "204980" (kB) or "Threads" -> "23".
status_field() { awk -v f="$1:" '$1 == f { print $2 }' "/proc/$2/status" 2>/dev/null || true; }

# CPU time (user + system) of a process so far, in seconds.
cpu_seconds() {
  awk -v tck="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / tck }' "/proc/$1/stat"
}

# Connections the kernel turned away since the last call because an accept queue was full
# (TcpExtListenOverflows, for the whole machine), or "-" without nstat.
listen_overflows() {
  command -v nstat >/dev/null || { echo -; return; }
  nstat -z TcpExtListenOverflows | awk '$1 == "TcpExtListenOverflows" { print $2 }'
}

# Runs one case; appends "threads clients connected answered expected connect_ms warmup_p99
# p50 p99 max idle_mb peak_mb peak_threads cpu_s overflows" to results.
run_case() {
  local threads=$1 clients=$2 run=$3
  "$JAVA" -jar "$JAR" server --host 127.0.0.1 --port 0 --threads "$threads" \
    --backlog "$BACKLOG" >"$work/server.log" 2>&1 &
  server_pid=$!
  local port=""
  for _ in $(seq 100); do
    port=$(sed -n 's/^Listening on .*:\([0-9]*\)$/\1/p' "$work/server.log")
    [ -n "$port" ] && break
    sleep 0.1
  done
  [ -n "$port" ] || { echo "The server did not start:" >&2; cat "$work/server.log" >&2; exit 1; }
  local idle_kb
  idle_kb=$(status_field VmRSS "$server_pid")

  # The peak number of threads: sampled every 50 ms while the load runs (VmHWM, the peak
  # resident memory, is kept by the kernel itself).
  echo 0 >"$work/threads"
  (
    peak=0
    while kill -0 "$server_pid" 2>/dev/null; do
      now=$(status_field Threads "$server_pid")
      if [ -n "$now" ] && [ "$now" -gt "$peak" ]; then peak=$now; echo "$peak" >"$work/threads"; fi
      sleep 0.05
    done
  ) &
  local sampler=$!

  listen_overflows >/dev/null # from now on
  "$JAVA" -jar "$JAR" load --port "$port" --clients "$clients" --rounds "$ROUNDS" \
    --warmup "$WARMUP" >"$work/load.txt" 2>&1 || true
  local overflows peak_kb cpu
  overflows=$(listen_overflows)
  peak_kb=$(status_field VmHWM "$server_pid")
  cpu=$(cpu_seconds "$server_pid")
  kill -TERM "$server_pid"
  wait "$server_pid" || true # 143: ended by SIGTERM, as expected
  server_pid=""
  kill "$sampler" 2>/dev/null || true
  wait "$sampler" 2>/dev/null || true

  echo "--- $threads threads, $clients clients, run $run" >>"$work/transcripts"
  cat "$work/load.txt" >>"$work/transcripts"
  # The numbers out of the load generator's report, e.g.
  #   connected:  10000 of 10000 clients in 768 ms
  #   answered:   110000 of 110000 lines (1 warm-up round + 10 rounds)
  #   warm-up:    p50 26.9 ms, p99 173.4 ms, max 180.8 ms (not counted below)
  #   round trip: p50 29.2 ms, p99 155.7 ms, max 186.8 ms
  awk -v t="$threads" -v c="$clients" -v idle="$idle_kb" -v peak="$peak_kb" \
    -v th="$(cat "$work/threads")" -v cpu="$cpu" -v drops="$overflows" '
    /^connected:/  { conn = $2; ms = ($6 == "in") ? $7 : "-" }
    /^answered:/   { ans = $2; expected = $4 }
    /^warm-up:/    { wp99 = $6 }
    /^round trip:/ { p50 = $4; p99 = $7; max = $10 }
    END {
      gsub(",", "", wp99); gsub(",", "", p50); gsub(",", "", p99)
      printf "%s %s %s %s %s %s %s %s %s %s %.0f %.0f %s %s %s\n", t, c, conn, ans, expected,
        ms, (wp99 == "" ? "-" : wp99), p50, p99, max, idle / 1024, peak / 1024, th, cpu, drops
    }' "$work/load.txt" >>"$work/results"
}

# How idle the CPUs were over the next 3 seconds, in percent (from /proc/stat).
idle_percent() {
  local before after
  before=$(awk '/^cpu / { print $5 + $6, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat)
  sleep 3
  after=$(awk '/^cpu / { print $5 + $6, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat)
  echo "$before $after" | awk '{ printf "%.0f", 100 * ($3 - $1) / ($4 - $2) }'
}

# The median of the numbers on standard input (the middle one of 3).
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "Machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)," \
  "$(uname -sr); $("$JAVA" -version 2>&1 | head -1)"
echo "net.core.somaxconn=$(cat /proc/sys/net/core/somaxconn)," \
  "net.ipv4.ip_local_port_range=\"$(cat /proc/sys/net/ipv4/ip_local_port_range | tr '\t' ' ')\"," \
  "ulimit -n $(ulimit -n)"
echo "CPU idle before the first run: $(idle_percent)% over 3 s (other work on the machine skews the figures)"
echo "Each case: server --threads T --backlog $BACKLOG, load --clients N --rounds $ROUNDS" \
  "--warmup $WARMUP; $RUNS runs, medians below."
echo

for threads in $THREADS; do
  for clients in $CLIENTS; do
    for run in $(seq "$RUNS"); do
      run_case "$threads" "$clients" "$run"
      tail -1 "$work/results" >&2
    done
  done
done

echo "Every run (threads clients connected answered expected connect_ms warmup_p99 p50 p99 max" \
  "idle_MB peak_MB peak_threads server_cpu_s listen_overflows):"
cat "$work/results"
echo
echo "| threads | clients | connected | answered | connect all | warm-up p99 | p50 | p99 | max" \
  "| server RSS idle → peak | per client | peak threads | server CPU | accept-queue drops |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for threads in $THREADS; do
  for clients in $CLIENTS; do
    rows=$(awk -v t="$threads" -v c="$clients" '$1 == t && $2 == c' "$work/results")
    col() { echo "$rows" | awk -v i="$1" '{ print $i }' | median; }
    idle=$(col 11)
    peak=$(col 12)
    echo "| $threads | $clients | $(col 3) / $clients | $(col 4) / $(col 5) | $(col 6) ms" \
      "| $(col 7) ms | $(col 8) ms | $(col 9) ms | $(col 10) ms | $idle → $peak MB" \
      "| $(awk -v i="$idle" -v p="$peak" -v c="$clients" 'BEGIN { printf "%.1f KB", (p - i) * 1024 / c }')" \
      "| $(col 13) | $(col 14) s | $(col 15) |"
  done
done
echo
echo "Transcripts of the load generator, run by run:"
cat "$work/transcripts"
