#!/usr/bin/env bash
# Usage: scale_out_docs.sh IRDRILL SOURCE_DIR
# The scale-out recipes in README.md and docs/montecarlo.md are what irdrill writes:
# - the `irdrill mc ... --emit-slurm ... --emit-parallel ...` command in the block after
#   `<!-- scale-out example -->` (in both files) is run as shown, from a directory with the
#   bundled scenarios, and every script it writes equals the block after
#   `<!-- scale-out script: NAME -->` in docs/montecarlo.md byte for byte;
# - the slurm.conf after `<!-- local-slurm conf -->` is what tools/local-slurm.sh writes
#   for the values the text names.
set -u
irdrill=$1 source_dir=$2
work=$(mktemp -d "${TMPDIR:-/tmp}/irdrill-docs-XXXXXX")
trap 'rm -rf "$work"' EXIT
fail() { printf 'FAIL: %s\n' "$*"; exit 1; }
doc=$source_dir/docs/montecarlo.md

# The fenced block after the first line of FILE starting with MARKER (its lines, without
# the fences).
block_after() {
  awk -v marker="$2" '
    !found && index($0, marker) == 1 { found = 1; next }
    found == 1 && /^```/ { found = 2; next }
    found == 2 && /^```/ { exit }
    found == 2 { print }' "$1"
}

checked=0
for file in "$source_dir/README.md" "$doc"; do
  name=${file#"$source_dir/"}
  block=$(block_after "$file" "<!-- scale-out example")
  [ -n "$block" ] || fail "$name: no block after <!-- scale-out example -->"
  # The first command of the block, its continuation lines joined.
  command=$(sed -e ':a' -e '/\\$/N; s/\\\n//; ta' <<<"$block" | grep -m1 '^irdrill mc ')
  [ -n "$command" ] || fail "$name: no 'irdrill mc' command in the scale-out example: $block"
  dir="$work/$(basename "$name" .md)"
  mkdir -p "$dir"
  ln -s "$source_dir/scenarios" "$dir/scenarios"
  (cd "$dir" && PATH="$(dirname "$irdrill"):$PATH" bash -c "$command") >"$dir.log" 2>&1 ||
    fail "$name: the documented command failed: $command"$'\n'"$(cat "$dir.log")"
  scripts=$(grep -o -- '--emit-[a-z]* [^ ]*' <<<"$command" | awk '{print $2}')
  [ "$(wc -l <<<"$scripts")" -eq 2 ] || fail "$name: expected --emit-slurm and --emit-parallel in: $command"
  for script in $scripts; do
    grep -q "^bash $script" <<<"$block" || fail "$name: the example does not run 'bash $script'"
    block_after "$doc" "<!-- scale-out script: $script -->" >"$dir/$script.documented"
    [ -s "$dir/$script.documented" ] || fail "docs/montecarlo.md: no block after <!-- scale-out script: $script -->"
    if ! cmp -s "$dir/$script.documented" "$dir/$script"; then
      diff "$dir/$script.documented" "$dir/$script"
      fail "docs/montecarlo.md shows another $script than the one $name's command writes (above: < docs, > written)"
    fi
    checked=$((checked + 1))
  done
done

# shellcheck source=../../tools/local-slurm.sh
. "$source_dir/tools/local-slurm.sh"
block_after "$doc" "<!-- local-slurm conf -->" >"$work/conf.documented"
local_slurm_conf /tmp/slurm-trial laptop 6817 6818 4 >"$work/conf.written"
if ! cmp -s "$work/conf.documented" "$work/conf.written"; then
  diff "$work/conf.documented" "$work/conf.written"
  fail "docs/montecarlo.md shows another slurm.conf than tools/local-slurm.sh writes (above: < docs, > written)"
fi
echo "$checked documented scripts and the local slurm.conf are what irdrill and tools/local-slurm.sh write"
exit 0
