#!/usr/bin/env bash
# Usage: replay_golden.sh IRDRILL SESSION WORKDIR
# A golden session replayed headless must write its golden event log (SESSION with
# .session.json replaced by .events.jsonl) byte for byte, and its score must differ from
# the same scenario and seed played without the session's entries: a golden whose
# decisions change nothing would pin nothing.
set -eu
irdrill=$1 session=$2 work=$3
golden=${session%.session.json}.events.jsonl
mkdir -p "$work"
"$irdrill" replay "$session" --events "$work/replayed.jsonl" > "$work/replayed.txt"
if ! cmp -s "$golden" "$work/replayed.jsonl"; then
  echo "the replay of $session differs from $golden:"
  diff "$golden" "$work/replayed.jsonl" | head -n 20
  echo "(if the change of the model is intended: tools/repin-golden-sessions.sh, and say why in the commit)"
  exit 1
fi
# The same run without the entries: scenario (relative to the session) and seed from the header.
scenario=$(sed -n 's/^  "scenario": "\(.*\)",$/\1/p' "$session")
seed=$(sed -n 's/^  "seed": \([0-9]*\),$/\1/p' "$session")
case $scenario in /*) ;; *) scenario=$(dirname "$session")/$scenario ;; esac
"$irdrill" run --scenario "$scenario" --seed "$seed" --events "$work/without.jsonl" > /dev/null
if [ "$(tail -n 1 "$work/without.jsonl")" = "$(tail -n 1 "$golden")" ]; then
  echo "$session: the score is the same without its entries: $(tail -n 1 "$golden")"; exit 1
fi
# Every other branch of a session with branches (docs/session-format.md#branches) replays
# to its own golden log: SESSION's name, ".branch.", the branch name with spaces as "-".
current=$(sed -n 's/^  "branch": "\(.*\)",$/\1/p' "$session")
sed -n 's/^    {"name":"\([^"]*\)","parent".*/\1/p' "$session" | while IFS= read -r branch; do
  [ "$branch" = "$current" ] && continue
  branch_golden=${session%.session.json}.branch.${branch// /-}.events.jsonl
  [ -f "$branch_golden" ] || { echo "no golden log $branch_golden for branch '$branch'"; exit 1; }
  "$irdrill" replay "$session" --branch "$branch" --events "$work/branch.jsonl" > /dev/null
  if ! cmp -s "$branch_golden" "$work/branch.jsonl"; then
    echo "the replay of branch '$branch' of $session differs from $branch_golden:"
    diff "$branch_golden" "$work/branch.jsonl" | head -n 20
    exit 1
  fi
  if cmp -s "$branch_golden" "$golden"; then echo "branch '$branch' replays to the same log as '$current'"; exit 1; fi
  echo "branch '$branch': $(wc -l < "$branch_golden") lines; $(tail -n 1 "$branch_golden")"
done
echo "golden: $(wc -l < "$golden") lines; $(tail -n 1 "$golden") (without the entries: $(tail -n 1 "$work/without.jsonl"))"
