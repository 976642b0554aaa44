#!/usr/bin/env bash
# Usage: sweep_identical.sh IRDRILL SCENARIO WORKDIR
# `irdrill sweep` on one thread and on three must write byte-identical files (run from two
# folders with the same relative --out, so even the command line they record is the same),
# with one CSV row per grid point and the recommendation in sweep.json.
set -eu
irdrill=$1 scenario=$2 work=$3
rm -rf "$work"
mkdir -p "$work/one" "$work/three"
for threads in one:1 three:3; do
  (cd "$work/${threads%%:*}" &&
   "$irdrill" sweep --scenario "$scenario" --grid alert.rssi_threshold_dbm=-90:-70:10 \
     --grid alert.hold_s=5,30 --runs 12 --seed 3 --threads "${threads##*:}" --out out > stdout.txt)
done
for file in sweep.csv sweep.json report.html; do cmp "$work/one/out/$file" "$work/three/out/$file"; done
cmp "$work/one/stdout.txt" "$work/three/stdout.txt"
test "$(wc -l < "$work/one/out/sweep.csv")" -eq 7  # header and 3 x 2 points
grep -q '"format": "irdrill-sweep/2"' "$work/one/out/sweep.json"
grep -q '"recommended_point": ' "$work/one/out/sweep.json"
# The recommendation as options to paste, and one numbering of points everywhere.
grep -q '"recommended_set": "--set alerts.phone' "$work/one/out/sweep.json"
grep -q '^  as options: --set alerts.phone' "$work/one/stdout.txt"
recommended=$(grep -o '"recommended_point": [0-9]*' "$work/one/out/sweep.json" | grep -o '[0-9]*$')
grep -qE "^ +$recommended .*recommended" "$work/one/stdout.txt"
awk -F, -v r="$recommended" 'NR > 1 && $1 == r && $NF == 1 { found = 1 } END { exit !found }' "$work/one/out/sweep.csv"
grep -q "<tr class=\"rec\"><td class=\"num\">$recommended</td>" "$work/one/out/report.html"
grep -q 'Pareto front' "$work/one/out/report.html"
echo "identical: $(tail -n +2 "$work/one/out/sweep.csv" | wc -l) grid points"
