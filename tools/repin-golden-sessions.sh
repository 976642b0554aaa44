#!/usr/bin/env bash
# Re-pins the golden sessions of tests/data/sessions/: replays each *.session.json with
# `irdrill replay --rehash` (the scenario hash in the session is updated to the scenario
# as it is now) and rewrites its golden event log and score, *.events.jsonl; each other
# branch of a session with branches to *.branch.<name, spaces as ->.events.jsonl.
#
# Usage: tools/repin-golden-sessions.sh [IRDRILL]   (default: build/release/sim/cli/irdrill)
#
# When re-pinning is legitimate: only after an intended change that alters what a session
# replays to - a change of the simulation model (a new draw, a new event kind, a fixed
# bug), of a bundled scenario or procedure the sessions play, or of the event-log format -
# and then in the same commit as that change, saying which it was. Read the diff of the
# golden logs before committing: it must show the change you meant and nothing else.
# Never re-pin to make a failing golden test pass without knowing why it changed: the
# goldens are what guarantee that a saved session replays the exercise the players saw.
#
# A session whose entries no longer apply (the incident, step or item it names is gone or
# happens at another time) is not re-pinned: the script stops and names the entry, and
# the session file itself must be edited (times, ids) to tell the same story again.
set -euo pipefail
cd "$(dirname "$0")/.."
irdrill=${1:-build/release/sim/cli/irdrill}
[ -x "$irdrill" ] || { echo "no $irdrill: build it first (cmake --build build/release --target irdrill)"; exit 2; }
shopt -s nullglob
sessions=(tests/data/sessions/*.session.json)
[ ${#sessions[@]} -gt 0 ] || { echo "no golden sessions in tests/data/sessions/"; exit 2; }
for session in "${sessions[@]}"; do
  golden=${session%.session.json}.events.jsonl
  "$irdrill" replay "$session" --rehash --events "$golden" > /dev/null
  echo "re-pinned $golden ($(wc -l < "$golden") lines; $(tail -n 1 "$golden"))"
  # The other branches of a session with branches, each to its own golden log.
  current=$(sed -n 's/^  "branch": "\(.*\)",$/\1/p' "$session")
  while IFS= read -r branch; do
    [ -z "$branch" ] || [ "$branch" = "$current" ] && continue
    branch_golden=${session%.session.json}.branch.${branch// /-}.events.jsonl
    "$irdrill" replay "$session" --branch "$branch" --events "$branch_golden" > /dev/null
    echo "re-pinned $branch_golden ($(wc -l < "$branch_golden") lines; $(tail -n 1 "$branch_golden"))"
  done < <(sed -n 's/^    {"name":"\([^"]*\)","parent".*/\1/p' "$session")
done
git --no-pager diff --stat -- tests/data/sessions/ || true
