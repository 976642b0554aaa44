#!/bin/bash
# The Monte Carlo run
#   irdrill mc --scenario 'it'\''s "scen" dir/good/mc-small.yaml' --runs 29 --seed 6 \
#     --set 'human_error.leave_behind_probability={laptop: 0.3, keys: 0.2}' --threads 2 \
#     --out 'out/it'\''s {} 100% $HOME\nIRDRILL_SHARD\nIRDRILL_MERGE\nend'
# as a Slurm job array of 4 shards (2 CPUs each), shard I into 'out/it'\''s {} 100%
# $HOME\nIRDRILL_SHARD\nIRDRILL_MERGE\nend-shards'/shard-I, then `irdrill merge` into
# 'out/it'\''s {} 100% $HOME\nIRDRILL_SHARD\nIRDRILL_MERGE\nend' as a job that starts only
# if every shard succeeded (afterok). Logs: 'out/it'\''s {} 100%
# $HOME\nIRDRILL_SHARD\nIRDRILL_MERGE\nend-shards'/slurm-*.out. Written by `irdrill mc
# --emit-slurm` (docs/montecarlo.md).
#
# Run it with bash, not sbatch, from the directory irdrill mc was run in: the paths are
# relative to it, and the jobs start there. `bash SCRIPT 3 5` submits shards 3 and 5 again
# (after a failure), then the merge. sbatch reads more options from the environment:
# SBATCH_PARTITION, SBATCH_TIMELIMIT, SBATCH_ACCOUNT...
set -euo pipefail

selected=()
for shard in "$@"; do
  [[ $shard =~ ^[0-9]{1,18}$ ]] && ((10#$shard <= 3)) ||
    { echo "$0: '$shard' is not a shard index (0 to 3)" >&2; exit 2; }
  selected+=("$((10#$shard))")
done
array=0-3
if [ ${#selected[@]} -gt 0 ]; then array=$(IFS=,; echo "${selected[*]}"); fi

mkdir -p 'out/it'\''s {} 100% $HOME
IRDRILL_SHARD
IRDRILL_MERGE
end-shards'
array_job=$(sbatch --parsable --job-name=irdrill-mc --array="$array" --cpus-per-task=2 \
  --output='out/it'\''s {} 100%% $HOME
IRDRILL_SHARD
IRDRILL_MERGE
end-shards/slurm-%A_%a.out' <<'IRDRILL_SHARD_'
#!/bin/bash
exec irdrill mc --scenario 'it'\''s "scen" dir/good/mc-small.yaml' --runs 29 --seed 6 \
  --set 'human_error.leave_behind_probability={laptop: 0.3, keys: 0.2}' \
  --threads "$SLURM_CPUS_PER_TASK" --shard "$SLURM_ARRAY_TASK_ID/4" \
  --out 'out/it'\''s {} 100% $HOME
IRDRILL_SHARD
IRDRILL_MERGE
end-shards/shard-'"$SLURM_ARRAY_TASK_ID"
IRDRILL_SHARD_
)
array_job=${array_job%%;*}  # "ID;CLUSTER" where Slurm federates clusters
merge_job=$(sbatch --parsable --job-name=irdrill-merge --dependency=afterok:"$array_job" \
  --kill-on-invalid-dep=yes \
  --output='out/it'\''s {} 100%% $HOME
IRDRILL_SHARD
IRDRILL_MERGE
end-shards/slurm-%j-merge.out' <<'IRDRILL_MERGE_'
#!/bin/bash
exec irdrill merge --out 'out/it'\''s {} 100% $HOME
IRDRILL_SHARD
IRDRILL_MERGE
end' \
  'out/it'\''s {} 100% $HOME
IRDRILL_SHARD
IRDRILL_MERGE
end-shards/shard-'{0..3}
IRDRILL_MERGE_
)
echo "irdrill: shards $array of 4: job array $array_job; merge: job ${merge_job%%;*}, once every shard succeeded"
