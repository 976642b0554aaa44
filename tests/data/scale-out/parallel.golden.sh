#!/bin/bash
# The Monte Carlo run
#   irdrill mc --scenario 'it'\''s "scen" dir/good/mc-small.yaml' --runs 29 --seed 6 \
#     --set 'human_error.leave_behind_probability={laptop: 0.3, keys: 0.2}' --threads 2 \
#     --out 'out/it'\''s {} 100% $HOME\nIRDRILL_SHARD\nIRDRILL_MERGE\nend'
# as 4 shards run by GNU parallel (2 threads each, as many at once as the cores allow),
# shard I into 'out/it'\''s {} 100%
# $HOME\nIRDRILL_SHARD\nIRDRILL_MERGE\nend-shards'/shard-I, then `irdrill merge` into
# 'out/it'\''s {} 100% $HOME\nIRDRILL_SHARD\nIRDRILL_MERGE\nend' if every shard succeeded.
# Written by `irdrill mc --emit-parallel` (docs/montecarlo.md).
#
# Run it with bash from the directory irdrill mc was run in: the paths are relative to it.
# `bash SCRIPT 3 5` runs shards 3 and 5 again (after a failure), then the merge. GNU
# parallel reads more options from $PARALLEL: PARALLEL='-S host1,host2 --wd .' runs shards
# on machines that share this directory.
set -euo pipefail

selected=()
for shard in "$@"; do
  [[ $shard =~ ^[0-9]{1,18}$ ]] && ((10#$shard <= 3)) ||
    { echo "$0: '$shard' is not a shard index (0 to 3)" >&2; exit 2; }
  selected+=("$((10#$shard))")
done
if [ ${#selected[@]} -eq 0 ]; then selected=({0..3}); fi
command -v parallel >/dev/null || { echo "$0: GNU parallel is not installed" >&2; exit 1; }
jobs=$(($(nproc) / 2)); [ "$jobs" -ge 1 ] || jobs=1

run_shard() {
  irdrill mc --scenario 'it'\''s "scen" dir/good/mc-small.yaml' --runs 29 --seed 6 \
    --set 'human_error.leave_behind_probability={laptop: 0.3, keys: 0.2}' --threads 2 \
    --shard "$1/4" \
    --out 'out/it'\''s {} 100% $HOME
IRDRILL_SHARD
IRDRILL_MERGE
end-shards/shard-'"$1"
}
export -f run_shard
if ! parallel --jobs "$jobs" --env run_shard run_shard ::: "${selected[@]}"; then
  echo "$0: a shard failed (its messages are above): not merged; run it again with: bash $0 SHARD" >&2
  exit 1
fi
exec irdrill merge --out 'out/it'\''s {} 100% $HOME
IRDRILL_SHARD
IRDRILL_MERGE
end' \
  'out/it'\''s {} 100% $HOME
IRDRILL_SHARD
IRDRILL_MERGE
end-shards/shard-'{0..3}
