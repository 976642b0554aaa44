#!/usr/bin/env bash
# Usage: what_if_checks.sh CASE IRDRILL SESSION
# End-to-end checks of `irdrill replay SESSION --what-if N --out DIR`, each a case of its
# own (tests/cli/what_if.cmake). The session is copied beside a re-pinned hash first, so a
# change of the bundled scenario does not hide what is tested here. Exits 0 on a pass.
set -u
case_name=$1 irdrill=$2 golden=$3
work=$(mktemp -d "${TMPDIR:-/tmp}/irdrill-what-if-XXXXXX")
trap 'rm -rf "$work"' EXIT

fail() { printf 'FAIL: %s\n' "$*"; exit 1; }
run() { "$irdrill" "$@" >"$work/last.out" 2>&1 || fail "exit $? from: irdrill $*"$'\n'"$(cat "$work/last.out")"; }
column_of() { head -1 "$1" | tr ',' '\n' | grep -nx "$2" | cut -d: -f1; }

session=$work/s.json
scenario=$(sed -nE 's/^  "scenario": "(.*)",$/\1/p' "$golden")
case $scenario in /*) ;; *) scenario=$(cd "$(dirname "$golden")" && realpath "$scenario") ;; esac
sed -E "s#^  \"scenario\": \".*\",\$#  \"scenario\": \"$scenario\",#" "$golden" >"$session"
run replay "$session" --rehash
seed=$(sed -nE 's/^  "seed": ([0-9]+),$/\1/p' "$session")

case $case_name in
threads)
  # Same session, same plan: the same bytes on 1, 2 and 4 threads, in both variants.
  for variant in fresh here; do
    flag=; [ $variant = here ] && flag=--from-here
    for t in 1 2 4; do run replay "$session" --what-if 24 $flag --threads $t --out "$work/$variant-$t"; done
    for t in 2 4; do
      cmp "$work/$variant-1/runs.csv" "$work/$variant-$t/runs.csv" || fail "$variant: runs.csv differs between 1 and $t threads"
      cmp "$work/$variant-1/summary.json" "$work/$variant-$t/summary.json" || fail "$variant: summary.json differs between 1 and $t threads"
    done
    [ "$(wc -l <"$work/$variant-1/runs.csv")" -eq 25 ] || fail "$variant: expected a header and 24 rows"
  done
  ;;
fresh-is-mc)
  # Fresh seeds are `irdrill mc --decisions` on the same seeds: the same scores, row by row.
  run replay "$session" --what-if 15 --seed-base 9 --out "$work/w"
  run mc --scenario "$scenario" --runs 15 --seed 9 --decisions "$session" --out "$work/mc"
  a=$(column_of "$work/w/runs.csv" score) b=$(column_of "$work/mc/runs.csv" score)
  [ -n "$a" ] && [ -n "$b" ] || fail "no score column"
  diff <(cut -d, -f1,2,"$a" "$work/w/runs.csv") <(cut -d, -f1,2,"$b" "$work/mc/runs.csv") \
    || fail "what-if scores differ from mc --decisions"
  grep -q '"variant": "fresh"' "$work/w/summary.json" || fail "summary.json does not name the fresh variant"
  grep -q '"seed_base": 9' "$work/w/summary.json" || fail "summary.json does not give the seed base"
  grep -q 'What if: fresh seeds' "$work/w/report.html" || fail "the report does not say fresh seeds"
  ;;
from-here)
  # From here: the variant, the time and the salt rule in every file; the session's own
  # seed in every row.
  run replay "$session" --what-if 12 --from-here --out "$work/h"
  grep -q '"variant": "from_here"' "$work/h/summary.json" || fail "summary.json does not name from_here"
  grep -q '"salt_rule": "salt = replication index' "$work/h/summary.json" || fail "no salt rule in summary.json"
  grep -q '"from_time": "d' "$work/h/summary.json" || fail "no from_time in summary.json"
  grep -q 'What if: from here, d' "$work/h/report.html" || fail "the report does not say from here and when"
  grep -q 'Salt rule: salt = replication index' "$work/h/report.html" || fail "the report does not give the salt rule"
  [ "$(cut -d, -f2 "$work/h/runs.csv" | tail -n +2 | sort -u)" = "$seed" ] || fail "rows not on the session's seed"
  grep -q 'P(.* missed) = ' "$work/last.out" || fail "no deadline probabilities on stdout"
  ;;
errors)
  expect() {  # expect CODE PATTERN ARGS...
    local code=$1 pattern=$2; shift 2
    "$irdrill" "$@" >"$work/out" 2>&1; local got=$?
    [ $got -eq "$code" ] || fail "expected exit $code, got $got from: irdrill $*"$'\n'"$(cat "$work/out")"
    grep -qE -- "$pattern" "$work/out" || fail "no '$pattern' from: irdrill $*"$'\n'"$(cat "$work/out")"
  }
  expect 2 "error: --what-if needs --out DIR" replay "$session" --what-if 5
  expect 2 "error: --seed-base is for fresh seeds" replay "$session" --what-if 5 --from-here --seed-base 3 --out "$work/x"
  expect 2 "error: --out DIR is for --what-if N" replay "$session" --out "$work/x"
  expect 2 "error: --events writes one replay's log" replay "$session" --what-if 5 --events "$work/e.jsonl" --out "$work/x"
  expect 2 "what-if" replay "$session" --what-if 0 --out "$work/x"
  [ ! -e "$work/x" ] || fail "a refused command left an output directory"
  : >"$work/a-file"
  expect 3 "irdrill replay: error: .*a-file" replay "$session" --what-if 3 --out "$work/a-file/out"
  ;;
*) fail "unknown case $case_name" ;;
esac
