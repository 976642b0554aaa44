#!/usr/bin/env bash
# Usage: run_identical.sh IRDRILL SCENARIO WORKDIR
# `irdrill run` twice with the same seed (2) must write byte-identical event logs, and a
# different seed a different one.
set -eu
irdrill=$1 scenario=$2 work=$3
mkdir -p "$work"
"$irdrill" run --scenario "$scenario" --seed 2 --events "$work/a.jsonl" > "$work/a.txt"
"$irdrill" run --scenario "$scenario" --seed 2 --events "$work/b.jsonl" > "$work/b.txt"
"$irdrill" run --scenario "$scenario" --seed 5 --events "$work/c.jsonl" > /dev/null
cmp "$work/a.jsonl" "$work/b.jsonl"
# The summaries too, but for the line naming the log file.
diff <(grep -v '^event log:' "$work/a.txt") <(grep -v '^event log:' "$work/b.txt")
if cmp -s "$work/a.jsonl" "$work/c.jsonl"; then
  echo "seeds 2 and 5 gave the same event log"; exit 1
fi
# The log ends with the score ledger and its total.
tail -n 1 "$work/a.jsonl" | grep -q '"type":"score_total"'
echo "identical: $(wc -l < "$work/a.jsonl") events"
