#!/usr/bin/env bash
# Usage: scale_out_emit.sh IRDRILL SOURCE_DIR
# `irdrill mc --shards 4 --emit-slurm --emit-parallel` with spaces, quotes, braces, '%',
# '$', line breaks and lines equal to the scripts' here-document delimiters in its paths
# and --set value:
# - writes the golden scripts tests/data/scale-out/{slurm,parallel}.golden.sh byte for
#   byte, valid bash, executable, without running anything (no output directory appears);
#   with IRDRILL_UPDATE_GOLDEN=1 it rewrites the goldens instead (say why in the commit);
# - every word reaches irdrill intact: the scripts are run with recording stand-ins for
#   irdrill, sbatch and parallel first on PATH (the real engines run the scripts in
#   scale_out_slurm.sh and scale_out_parallel.sh), and the arguments of a shard and of
#   the merge are compared with the expected ones;
# - a bad shard argument is refused (exit 2) before anything is submitted.
set -u
irdrill=$1 source_dir=$2
golden_dir=$source_dir/tests/data/scale-out
work=$(mktemp -d "${TMPDIR:-/tmp}/irdrill-emit-XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { printf 'FAIL: %s\n' "$*"; exit 1; }

cd "$work" || exit 1
scenarios="it's \"scen\" dir"
ln -s "$source_dir/tests/data/scenarios" "$scenarios"
# Called through PATH, as a user would: the scripts call `irdrill` the same way.
scenario="$scenarios/good/mc-small.yaml"
set_value='human_error.leave_behind_probability={laptop: 0.3, keys: 0.2}'
out="out/it's {} 100% \$HOME"$'\n'"IRDRILL_SHARD"$'\n'"IRDRILL_MERGE"$'\n'"end"
PATH="$(dirname "$irdrill"):$PATH" irdrill mc --scenario "$scenario" --runs 29 --seed 6 \
  --threads 2 --set "$set_value" --out "$out" --shards 4 \
  --emit-slurm "mc slurm.sh" --emit-parallel "mc parallel.sh" >emit.log 2>&1 ||
  fail "exit $?: $(cat emit.log)"
grep -q "^wrote mc slurm.sh: 4 shards with a Slurm job array" emit.log || fail "no message for the Slurm script: $(cat emit.log)"
grep -q "run it with: bash 'mc parallel.sh'" emit.log || fail "no message for the parallel script: $(cat emit.log)"
[ ! -e out ] || fail "emitting the scripts created the output directory: $(ls -R out)"

for engine in slurm parallel; do
  script="mc $engine.sh"
  [ -x "$script" ] || fail "'$script' is not executable: $(ls -l "$script")"
  bash -n "$script" || fail "'$script' is not valid bash"
  if [ "${IRDRILL_UPDATE_GOLDEN:-0}" = 1 ]; then
    cp "$script" "$golden_dir/$engine.golden.sh"
    echo "rewrote $golden_dir/$engine.golden.sh"
  elif ! cmp -s "$golden_dir/$engine.golden.sh" "$script"; then
    echo "'$script' differs from tests/data/scale-out/$engine.golden.sh:"
    diff "$golden_dir/$engine.golden.sh" "$script"
    fail "(if the change is intended: IRDRILL_UPDATE_GOLDEN=1 bash $0 ...)"
  fi
done

# Recording stand-ins: irdrill writes its arguments (NUL-terminated) to one file per call;
# sbatch runs its standard input as array task 1 with 2 CPUs; parallel calls the exported
# function for each argument after ':::'.
mkdir -p stand-ins calls
cat >stand-ins/irdrill <<'STAND_IN'
#!/usr/bin/env bash
printf '%s\0' "$@" >"$CALLS/$(ls "$CALLS" | wc -l)"
STAND_IN
cat >stand-ins/sbatch <<'STAND_IN'
#!/usr/bin/env bash
cat >"$CALLS.job"
SLURM_ARRAY_TASK_ID=1 SLURM_CPUS_PER_TASK=2 bash "$CALLS.job"
echo 42
STAND_IN
cat >stand-ins/parallel <<'STAND_IN'
#!/usr/bin/env bash
while [ "$1" != ::: ]; do shift; done
shift
for argument in "$@"; do bash -c "run_shard $argument"; done
STAND_IN
chmod +x stand-ins/*
expected_shard() {  # the arguments of shard $1 of 4
  printf '%s\0' mc --scenario "$scenario" --runs 29 --seed 6 --set "$set_value" --threads 2 \
    --shard "$1/4" --out "$out-shards/shard-$1"
}
expected_merge() { printf '%s\0' merge --out "$out" "$out-shards"/shard-{0..3}; }
for engine in slurm parallel; do
  rm -rf calls/* out
  CALLS="$work/calls" PATH="$work/stand-ins:$PATH" bash "mc $engine.sh" 1 >run.log 2>&1 ||
    fail "'mc $engine.sh' 1 with the stand-ins: $(cat run.log)"
  [ "$(ls calls | wc -l)" -eq 2 ] || fail "'mc $engine.sh' 1: expected 2 calls of irdrill, got: $(ls calls)"
  cmp -s calls/0 <(expected_shard 1) ||
    fail "'mc $engine.sh': shard 1 got [$(tr '\0' '|' <calls/0)], expected [$(expected_shard 1 | tr '\0' '|')]"
  cmp -s calls/1 <(expected_merge) ||
    fail "'mc $engine.sh': the merge got [$(tr '\0' '|' <calls/1)], expected [$(expected_merge | tr '\0' '|')]"
done
rm -rf out

# A bad shard argument is refused before anything is submitted or run.
for engine in slurm parallel; do
  for bad in 4 -1 x 1x ''; do
    bash "mc $engine.sh" "$bad" >bad.log 2>&1
    code=$?
    [ $code -eq 2 ] || fail "'mc $engine.sh' '$bad': expected exit 2, got $code: $(cat bad.log)"
    grep -q "'$bad' is not a shard index (0 to 3)" bad.log || fail "'mc $engine.sh' '$bad': $(cat bad.log)"
  done
done
[ ! -e out ] || fail "a refused shard argument created the output directory"
exit 0
