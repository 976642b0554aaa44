#!/usr/bin/env bash
# Usage: run_set.sh IRDRILL SCENARIO WORKDIR
# `irdrill run --set`: the alert.X shorthand gives the very log of the full path
# alerts.phone.X; the override changes the run (against no --set) and goes into the log
# header's scenario hash, as in a session file.
set -euo pipefail
irdrill=$1 scenario=$2 work=$3
rm -rf -- "$work"
mkdir -p -- "$work"
"$irdrill" run --scenario "$scenario" --seed 1 --set alert.hold_s=60 --events "$work/short.jsonl" >/dev/null
"$irdrill" run --scenario "$scenario" --seed 1 --set alerts.phone.hold_s=60 --events "$work/full.jsonl" >/dev/null
"$irdrill" run --scenario "$scenario" --seed 1 --events "$work/plain.jsonl" >/dev/null
cmp "$work/short.jsonl" "$work/full.jsonl"
if cmp -s "$work/short.jsonl" "$work/plain.jsonl"; then
  echo "FAIL: --set alert.hold_s=60 changed nothing"
  exit 1
fi
hash_of() { head -n 1 "$1" | sed -n 's/.*"scenario_hash":"\([^"]*\)".*/\1/p'; }
if [[ $(hash_of "$work/short.jsonl") == "$(hash_of "$work/plain.jsonl")" ]]; then
  echo "FAIL: the header's scenario hash ignores --set"
  exit 1
fi
echo "PASS: run --set, shorthand and full path alike"
