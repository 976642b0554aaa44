#!/usr/bin/env bash
# Usage: scale_out_parallel.sh IRDRILL SOURCE_DIR
# The script `irdrill mc --emit-parallel` writes, run by the real GNU parallel:
# 1. 4 shards and the merge give byte for byte the runs.csv and summary.json of one
#    `irdrill mc` on this machine.
# 2. With shard 2 failing, the script stops before the merge, the merged directory is
#    untouched, and the script's merge command refuses, naming shard 2.
# 3. `bash SCRIPT 2` reruns it and merges: the single-machine files again.
# Paths and --set values hold spaces, quotes, braces (GNU parallel's `{}`) and '%'. Exit
# 77 (skipped) when GNU parallel is not installed.
set -u
irdrill=$1 source_dir=$2
if ! parallel --version 2>/dev/null | grep -q "GNU parallel"; then
  echo "GNU parallel is not installed (Debian package parallel; tools/install-deps.sh): skipped"
  exit 77
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/irdrill-parallel-XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { printf 'FAIL: %s\n' "$*"; exit 1; }

run_dir="$work/run dir"
mkdir -p "$run_dir"
cd "$run_dir" || exit 1
scenarios="it's \"scen\" dir"
ln -s "$source_dir/tests/data/scenarios" "$scenarios"
out="out/it's {} 100% \$HOME"
shards="$out-shards"
options=(--scenario "$scenarios/good/mc-small.yaml" --runs 29 --seed 6
         --set 'human_error.leave_behind_probability={laptop: 0.3, keys: 0.2}')

"$irdrill" mc "${options[@]}" --out whole >whole.log 2>&1 || fail "the single-machine run: $(cat whole.log)"
"$irdrill" mc "${options[@]}" --out "$out" --shards 4 --emit-parallel "mc parallel.sh" >emit.log 2>&1 ||
  fail "--emit-parallel: $(cat emit.log)"
same_as_whole() {
  cmp whole/runs.csv "$out/runs.csv" || fail "merged runs.csv differs from the single-machine run's ($1)"
  cmp whole/summary.json "$out/summary.json" || fail "merged summary.json differs from the single-machine run's ($1)"
}

# 1. Every shard, then the merge.
bash "mc parallel.sh" >run.log 2>&1 || fail "bash 'mc parallel.sh': $(cat run.log)"
same_as_whole "all shards"
for shard in 0 1 2 3; do
  grep -q "\"shard\": {\"index\": $shard, \"count\": 4}" "$shards/shard-$shard/summary.json" ||
    fail "shard-$shard does not hold shard $shard/4"
done

# 2. Shard 2 fails (a file where its output directory goes: exit 3).
before=$(ls -li --full-time "$out")
rm -rf "$shards"
mkdir -p "$shards"
echo "not a directory" >"$shards/shard-2"
bash "mc parallel.sh" >run.log 2>&1
code=$?
[ $code -ne 0 ] || fail "the script succeeded with a failed shard: $(cat run.log)"
grep -q "a shard failed .*not merged" run.log || fail "the script does not say it did not merge: $(cat run.log)"
for shard in 0 1 3; do
  [ -f "$shards/shard-$shard/summary.json" ] || fail "shard $shard did not run beside the failed one"
done
[ "$(ls -li --full-time "$out")" = "$before" ] || fail "the merged directory changed: $(ls -li --full-time "$out")"
# The script's own merge command (its last lines), run by hand: refused, naming shard 2.
sed -n '/^exec .* merge /,$p' "mc parallel.sh" >merge.sh
[ -s merge.sh ] || fail "the script does not end with the merge: $(cat "mc parallel.sh")"
bash merge.sh >merge.log 2>&1
code=$?
[ $code -eq 2 ] || fail "the merge with shard 2 missing: expected exit 2, got $code: $(cat merge.log)"
grep -q "shard 2 of 4 missing" merge.log || fail "the merge does not name shard 2: $(cat merge.log)"
[ "$(ls -li --full-time "$out")" = "$before" ] || fail "a refused merge changed the merged directory"

# 3. Shard 2 again, then the merge.
rm -f "$shards/shard-2"
bash "mc parallel.sh" 2 >run.log 2>&1 || fail "bash 'mc parallel.sh' 2: $(cat run.log)"
same_as_whole "shard 2 rerun"
echo "GNU parallel $(parallel --version | head -n 1 | awk '{print $3}'): 4 shards merged into the single-machine files; a failed shard refused, then rerun"
exit 0
