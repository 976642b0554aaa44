#!/usr/bin/env bash
# Usage: sweep_interrupt.sh IRDRILL SCENARIO WORKDIR
# SIGTERM (what Slurm sends; Ctrl-C's SIGINT is handled the same way, but a background job
# of a script ignores it) stops a long sweep cleanly: exit 130, and the files written are
# complete and marked partial.
set -u
irdrill=$1 scenario=$2 work=$3
rm -rf "$work"
mkdir -p "$work"
"$irdrill" sweep --scenario "$scenario" --grid alert.hold_s=5,30 --runs 100000 --threads 2 \
  --out "$work/out" > "$work/stdout.txt" 2> "$work/stderr.txt" &
pid=$!
sleep 2
kill -TERM "$pid"
wait "$pid"
code=$?
if [ "$code" -ne 130 ]; then echo "expected exit 130, got $code"; cat "$work/stderr.txt"; exit 1; fi
grep -q '"partial": true' "$work/out/sweep.json" || { echo "sweep.json is not marked partial"; exit 1; }
grep -q 'PARTIAL' "$work/out/report.html" || { echo "report.html is not marked partial"; exit 1; }
grep -q 'partial: interrupted' "$work/stdout.txt" || { echo "stdout does not say partial"; exit 1; }
ls "$work/out" | grep -q tmp && { echo "a temporary file was left behind"; exit 1; }
echo "stopped cleanly: $(grep -o '"replications": [0-9]*' "$work/out/sweep.json")"
