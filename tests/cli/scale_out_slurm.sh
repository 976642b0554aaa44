#!/usr/bin/env bash
# Usage: scale_out_slurm.sh IRDRILL SOURCE_DIR
# The script `irdrill mc --emit-slurm` writes, run on a real Slurm: a single-node cluster
# started here (tools/local-slurm.sh) and stopped by process id on any exit.
# 1. The job array of 4 shards and the dependent merge give byte for byte the runs.csv and
#    summary.json of one `irdrill mc` on this machine.
# 2. With shard 1 cancelled and shard 2 failed, the merge job never runs, the merged
#    directory is untouched, and the script's merge command refuses, naming both shards.
# 3. `bash SCRIPT 1 2` reruns them; the merge then gives the single-machine files again.
# Paths and --set values hold spaces, quotes, braces and '%'. Exit 77 (skipped) with the
# reason when the cluster cannot start (not root, packages missing).
set -u
irdrill=$1 source_dir=$2
# shellcheck source=../../tools/local-slurm.sh
. "$source_dir/tools/local-slurm.sh"

# Nothing of an enclosing Slurm job (if the suite runs in one) may leak into these jobs.
while read -r name; do unset "$name"; done < <(compgen -e | grep -E '^(SLURM|SBATCH|SALLOC|SRUN)_')

work=$(mktemp -d "${TMPDIR:-/tmp}/irdrill-slurm-XXXXXX")
chmod 711 "$work"  # munged's socket lies below: every directory above it searchable by all
cleanup() {
  local_slurm_stop "$work/cluster"
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

fail() {
  printf 'FAIL: %s\n' "$*"
  for log in "$work"/cluster/slurmctld.log "$work"/cluster/slurmd.log; do
    [ -f "$log" ] && { echo "--- last lines of $log"; tail -n 15 "$log"; }
  done
  exit 1
}

local_slurm_start "$work/cluster" || exit $?  # 77: skipped, the reason printed
node=$(hostname -s)

run_dir="$work/run dir"
mkdir -p "$run_dir"
cd "$run_dir" || exit 1
scenarios="it's \"scen\" dir"
ln -s "$source_dir/tests/data/scenarios" "$scenarios"
scenario="$scenarios/good/mc-small.yaml"
out="out/it's {} 100% \$HOME"
shards="$out-shards"
set_value='human_error.leave_behind_probability={laptop: 0.3, keys: 0.2}'
options=(--scenario "$scenario" --runs 29 --seed 6 --set "$set_value")

"$irdrill" mc "${options[@]}" --out whole >whole.log 2>&1 || fail "the single-machine run: $(cat whole.log)"
"$irdrill" mc "${options[@]}" --out "$out" --shards 4 --emit-slurm "mc slurm.sh" >emit.log 2>&1 ||
  fail "--emit-slurm: $(cat emit.log)"

# Runs the script with the given shard arguments; sets array_job and merge_job.
submit() {
  bash "mc slurm.sh" "$@" >submit.log 2>&1 || fail "bash 'mc slurm.sh' $*: $(cat submit.log)"
  array_job=$(sed -n 's/.*: job array \([0-9]*\); merge: job \([0-9]*\),.*/\1/p' submit.log)
  merge_job=$(sed -n 's/.*: job array \([0-9]*\); merge: job \([0-9]*\),.*/\2/p' submit.log)
  [ -n "$array_job" ] && [ -n "$merge_job" ] || fail "no job ids in: $(cat submit.log)"
}
wait_until_no_jobs() {
  _local_slurm_wait_for 30 bash -c '[ -z "$(squeue -h)" ]' || fail "jobs still queued after 30 s: $(squeue)"
}
job_state() { scontrol show job "$1" | grep -o 'JobState=[A-Z_]*' | head -n 1 | cut -d= -f2; }
expect_state() {
  local state
  state=$(job_state "$1")
  [ "$state" = "$2" ] || fail "job $1 is $state, expected $2: $(scontrol show job "$1")"
}
same_as_whole() {
  cmp whole/runs.csv "$out/runs.csv" || fail "merged runs.csv differs from the single-machine run's ($1)"
  cmp whole/summary.json "$out/summary.json" || fail "merged summary.json differs from the single-machine run's ($1)"
}

# 1. Every shard, then the merge.
submit
wait_until_no_jobs
for task in 0 1 2 3; do expect_state "${array_job}_$task" COMPLETED; done
expect_state "$merge_job" COMPLETED
same_as_whole "all shards"
for task in 0 1 2 3; do
  [ -s "$shards/slurm-${array_job}_$task.out" ] || fail "no log of shard $task in '$shards': $(ls "$shards")"
  grep -q "\"shard\": {\"index\": $task, \"count\": 4}" "$shards/shard-$task/summary.json" ||
    fail "shard-$task does not hold shard $task/4"
done

# 2. Shard 1 cancelled before it starts (the node drained while the array is queued), shard
# 2 failing (a file where its output directory goes: exit 3).
before=$(ls -li --full-time "$out")
rm -rf "$shards"
mkdir -p "$shards"
echo "not a directory" >"$shards/shard-2"
scontrol update nodename="$node" state=drain reason="irdrill test: hold the array" || fail "cannot drain $node"
submit
scancel "${array_job}_1" || fail "scancel ${array_job}_1"
scontrol update nodename="$node" state=resume || fail "cannot resume $node"
wait_until_no_jobs
expect_state "${array_job}_0" COMPLETED
# A task cancelled while the array is pending leaves no job record: it must never have run.
[ ! -e "$shards/slurm-${array_job}_1.out" ] && [ ! -e "$shards/shard-1" ] ||
  fail "the cancelled shard 1 ran: $(ls "$shards")"
expect_state "${array_job}_2" FAILED
expect_state "${array_job}_3" COMPLETED
expect_state "$merge_job" CANCELLED
scontrol show job "$merge_job" | grep -q 'Reason=DependencyNeverSatisfied' ||
  fail "the merge job was not cancelled for its dependency: $(scontrol show job "$merge_job")"
[ "$(ls -li --full-time "$out")" = "$before" ] || fail "the merged directory changed: $(ls -li --full-time "$out")"
# The script's own merge job (its here-document), run by hand: refused, naming both shards.
sed -n "/<<'IRDRILL_MERGE'\$/,/^IRDRILL_MERGE\$/{//!p}" "mc slurm.sh" >merge-job.sh
grep -q ' merge ' merge-job.sh || fail "no merge job in the script: $(cat "mc slurm.sh")"
bash merge-job.sh >merge.log 2>&1
code=$?
[ $code -eq 2 ] || fail "the merge with shards missing: expected exit 2, got $code: $(cat merge.log)"
grep -q "shards 1, 2 of 4 missing" merge.log || fail "the merge does not name shards 1 and 2: $(cat merge.log)"
[ "$(ls -li --full-time "$out")" = "$before" ] || fail "a refused merge changed the merged directory"

# 3. The two shards again, then the merge.
rm -f "$shards/shard-2"
submit 1 2
wait_until_no_jobs
expect_state "${array_job}_1" COMPLETED
expect_state "${array_job}_2" COMPLETED
expect_state "$merge_job" COMPLETED
same_as_whole "shards 1 and 2 rerun"
echo "Slurm on $node: 4 shards merged into the single-machine files; a cancelled and a failed shard refused, then rerun"
exit 0
