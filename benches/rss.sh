#!/usr/bin/env bash
# Resident memory of a command over time, for BENCHMARKS.md's memory traces.
#
#   bash benches/rss.sh OUT COMMAND…
#
# Runs COMMAND and writes to OUT one line every half second: seconds since the start and
# the command's resident set size in MB (VmRSS from /proc). Exits with COMMAND's status.
set -uo pipefail
out=$1
shift
: > "$out"
"$@" &
pid=$!
start=$(date +%s.%N)
while kill -0 "$pid" 2>/dev/null; do
  rss=$(awk '/^VmRSS/ { print int($2 / 1024) }' "/proc/$pid/status" 2>/dev/null)
  [ -n "$rss" ] && awk -v s="$start" -v now="$(date +%s.%N)" -v r="$rss" 'BEGIN { printf "%.1f %s\n", now - s, r }' >> "$out"
  sleep 0.5
done
wait "$pid"
