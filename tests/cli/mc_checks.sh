#!/usr/bin/env bash
# Usage: mc_checks.sh CASE IRDRILL SCENARIO
# End-to-end checks of `irdrill mc`, `merge` and `compare` on a small scenario, each a
# case of its own (tests/cli/mc.cmake). Exits 0 when the case passes.
set -u
case_name=$1 irdrill=$2 scenario=$3
work=$(mktemp -d "${TMPDIR:-/tmp}/irdrill-mc-XXXXXX")
trap 'rm -rf "$work"' EXIT

fail() { printf 'FAIL: %s\n' "$*"; exit 1; }
run() { "$irdrill" "$@" >"$work/last.out" 2>&1 || fail "exit $? from: irdrill $*"$'\n'"$(cat "$work/last.out")"; }
json_field() { grep -E "^  \"$2\": " "$1" | head -1 | sed -E "s/^  \"$2\": (.*),?$/\1/; s/,$//"; }

case $case_name in
threads)
  # Same seed, same scenario: the same bytes on 1, 2 and 4 threads.
  for t in 1 2 4; do run mc --scenario "$scenario" --runs 40 --seed 3 --threads $t --out "$work/t$t"; done
  for t in 2 4; do
    cmp "$work/t1/runs.csv" "$work/t$t/runs.csv" || fail "runs.csv differs between 1 and $t threads"
    cmp "$work/t1/summary.json" "$work/t$t/summary.json" || fail "summary.json differs between 1 and $t threads"
  done
  [ "$(wc -l <"$work/t1/runs.csv")" -eq 41 ] || fail "expected a header and 40 rows"
  [ -s "$work/t1/report.html" ] || fail "no report.html"
  ;;
merge)
  # Three shards, merged in a shuffled order, give one run's files byte for byte.
  run mc --scenario "$scenario" --runs 31 --seed 4 --out "$work/whole"
  for i in 0 1 2; do run mc --scenario "$scenario" --runs 31 --seed 4 --shard $i/3 --threads 1 --out "$work/s$i"; done
  [ "$(json_field "$work/s1/summary.json" first_replication)" = 10 ] || fail "shard 1/3 of 31 starts at 10"
  run merge --out "$work/merged" "$work/s2" "$work/s0" "$work/s1"
  cmp "$work/whole/runs.csv" "$work/merged/runs.csv" || fail "merged runs.csv differs from the whole run's"
  cmp "$work/whole/summary.json" "$work/merged/summary.json" || fail "merged summary.json differs from the whole run's"
  ;;
merge-errors)
  for i in 0 1 2; do run mc --scenario "$scenario" --runs 9 --seed 4 --shard $i/3 --out "$work/s$i"; done
  run mc --scenario "$scenario" --runs 9 --seed 5 --shard 2/3 --out "$work/other-seed"
  "$irdrill" merge --out "$work/m" "$work/s0" "$work/s2" >"$work/out" 2>&1; code=$?
  [ $code -eq 2 ] || fail "a missing shard: expected exit 2, got $code"
  grep -q "shard 1 of 3 missing" "$work/out" || fail "no message for the missing shard: $(cat "$work/out")"
  "$irdrill" merge --out "$work/m" "$work/s0" "$work/s1" "$work/other-seed" >"$work/out" 2>&1; code=$?
  [ $code -eq 2 ] || fail "another seed: expected exit 2, got $code"
  grep -q "other-seed/summary.json: error: not a slice of the same run .* the seed differs" "$work/out" ||
    fail "no message for the other seed: $(cat "$work/out")"
  [ ! -e "$work/m/runs.csv" ] || fail "a failed merge wrote runs.csv"
  # --out one of its own inputs: refused, the shard untouched.
  before=$(cksum <"$work/s1/runs.csv")
  "$irdrill" merge --out "$work/s1" "$work/s0" "$work/s1" "$work/s2" >"$work/out" 2>&1; code=$?
  [ $code -eq 2 ] || fail "--out a shard: expected exit 2, got $code"
  grep -q "is one of the shards being merged" "$work/out" || fail "no message for --out a shard: $(cat "$work/out")"
  [ "$(cksum <"$work/s1/runs.csv")" = "$before" ] || fail "merge --out a shard changed the shard"
  ;;
sigint)
  # Ctrl-C: the finished replications are written, complete and marked partial; a file
  # that was in the directory before is untouched; no temporary file is left.
  mkdir -p "$work/out"
  echo "notes from an earlier run" >"$work/out/notes.txt"
  set -m  # background jobs get default signal handling (not SIGINT-ignored)
  "$irdrill" mc --scenario "$scenario" --runs 1000000 --threads 2 --out "$work/out" >"$work/stdout" 2>"$work/stderr" &
  pid=$!
  set +m
  for _ in $(seq 1 300); do
    tmp=$(ls "$work"/.out.irdrill-*/runs.csv.tmp-* 2>/dev/null | head -1)  # staged: output_directory.hpp
    if [ -n "$tmp" ] && [ "$(wc -l <"$tmp")" -gt 20 ]; then break; fi
    sleep 0.1
  done
  kill -INT $pid
  wait $pid; code=$?
  [ $code -eq 130 ] || fail "expected exit 130 after SIGINT, got $code: $(cat "$work/stderr")"
  [ "$(json_field "$work/out/summary.json" partial)" = true ] || fail "summary.json is not marked partial"
  k=$(json_field "$work/out/summary.json" replications)
  [ "$k" -gt 0 ] && [ "$k" -lt 1000000 ] || fail "replications in the summary: $k"
  [ "$(wc -l <"$work/out/runs.csv")" -eq $((k + 1)) ] || fail "runs.csv does not have $k rows"
  tail -c 1 "$work/out/runs.csv" | od -c | grep -q '\\n' || fail "runs.csv does not end with a whole line"
  [ "$(tail -1 "$work/out/runs.csv" | cut -d, -f1)" -eq $((k - 1)) ] || fail "the rows are not replications 0..$((k - 1))"
  grep -q "PARTIAL\|partial\|Partial" "$work/out/report.html" || fail "report.html does not say partial"
  [ "$(cat "$work/out/notes.txt")" = "notes from an earlier run" ] || fail "notes.txt was changed"
  ! ls "$work/out"/*.tmp-* >/dev/null 2>&1 || fail "temporary files left: $(ls "$work/out")"
  ! ls -a "$work" | grep -q '^\.out\.irdrill-' || fail "staging directory left: $(ls -a "$work")"
  ;;
set)
  # --set changes the scenario: no item can be left behind, so none are.
  run mc --scenario "$scenario" --runs 10 --out "$work/none" \
    --set "human_error.leave_behind_probability={laptop: 0, keys: 0}"
  grep -A14 '"name": "items_left_behind"' "$work/none/summary.json" | grep -q '"max": 0,' ||
    fail "items were left behind with zero probabilities"
  grep -q '"overrides": \["human_error.leave_behind_probability={laptop: 0, keys: 0}"\]' "$work/none/summary.json" ||
    fail "summary.json does not list the override"
  run mc --scenario "$scenario" --runs 10 --out "$work/plain"
  [ "$(json_field "$work/none/summary.json" scenario_hash)" != "$(json_field "$work/plain/summary.json" scenario_hash)" ] ||
    fail "an override does not change the scenario hash"
  ;;
compare-self)
  # A scenario against itself on common random numbers: every difference exactly 0.
  run compare "$scenario" "$scenario" --runs 12 --out "$work/cmp"
  grep -q '"difference": ' "$work/cmp/compare.json" || fail "no differences in compare.json"
  if grep -E '"difference": ' "$work/cmp/compare.json" | grep -vqE '"difference": (0|null), "ci95_low": (0|null), "ci95_high": (0|null), "interval": "[a-z-]+", "better": "[a-z]+", "significant": false'; then
    fail "a nonzero difference: $(grep -E '"difference"' "$work/cmp/compare.json")"
  fi
  ! grep -qE ' (B better|B worse|differs)$' "$work/last.out" || fail "a metric marked significant: $(cat "$work/last.out")"
  grep -q '^verdict: No significant difference' "$work/last.out" || fail "no verdict line: $(cat "$work/last.out")"
  [ "$(wc -l <"$work/cmp/pairs.csv")" -eq 13 ] || fail "pairs.csv: expected a header and 12 rows"
  [ -s "$work/cmp/report.html" ] || fail "no report.html"
  ;;
compare-set)
  # B forgets nothing: fewer items left behind, significantly.
  run compare "$scenario" "$scenario" --runs 30 --set-b "human_error.leave_behind_probability={laptop: 0, keys: 0}"
  grep -qE '^  items_left_behind .* B better$' "$work/last.out" || fail "items_left_behind not significant: $(cat "$work/last.out")"
  grep -E '^  items_left_behind ' "$work/last.out" | grep -qE ' -[0-9.]+ ' || fail "the difference is not negative: $(cat "$work/last.out")"
  ;;
*)
  fail "unknown case $case_name"
  ;;
esac
exit 0
