#!/usr/bin/env bash
# Usage: replay_checks.sh IRDRILL SCENARIO SEED WORKDIR
# Sessions written here against SCENARIO (absolute path), so no checked-in hash has to
# follow the bundled scenarios:
#  1. a session with a wrong scenario_hash is refused (exit 2) naming both hashes and the
#     scenario, and writes no event log;
#  2. --rehash accepts it and rewrites the hash; then the session replays as is (exit 0);
#  3. the empty session's event log equals `irdrill run --events` with the same seed, byte
#     for byte, and so does the printed summary but for its first line;
#  4. a decision that does not apply is refused (exit 2) naming the entry, no log written.
set -u
irdrill=$1 scenario=$2 seed=$3 work=$4
rm -rf "$work"; mkdir -p "$work"
fail() { echo "FAILED: $*"; exit 1; }
session() {  # session FILE HASH ENTRIES
  printf '{\n  "format": "irdrill-session/1",\n  "scenario": "%s",\n  "scenario_hash": "%s",\n  "seed": %s,\n  "entries": [%s]\n}\n' \
    "$scenario" "$2" "$seed" "$3" > "$1"
}

session "$work/empty.json" "fnv1a64:0000000000000000" ""
out=$("$irdrill" replay "$work/empty.json" --events "$work/refused.jsonl" 2>&1); code=$?
[ $code -eq 2 ] || fail "a wrong hash gave exit $code: $out"
grep -Eq "expects scenario_hash fnv1a64:0000000000000000, .* has fnv1a64:[0-9a-f]{16}" <<<"$out" || fail "no hashes in: $out"
grep -Fq "$scenario" <<<"$out" || fail "the scenario is not named in: $out"
[ ! -e "$work/refused.jsonl" ] || fail "an event log was written for a refused session"

"$irdrill" replay "$work/empty.json" --rehash > "$work/rehash.txt" 2>&1 || fail "--rehash: $(cat "$work/rehash.txt")"
grep -q "scenario_hash fnv1a64:0000000000000000 -> fnv1a64:" "$work/rehash.txt" || fail "--rehash said: $(cat "$work/rehash.txt")"
hash=$(sed -n 's/^  "scenario_hash": "\(.*\)",$/\1/p' "$work/empty.json")
[ -n "$hash" ] && [ "$hash" != "fnv1a64:0000000000000000" ] || fail "the hash was not rewritten"

"$irdrill" replay "$work/empty.json" --events "$work/replay.jsonl" > "$work/replay.txt" || fail "replay of the empty session"
"$irdrill" run --scenario "$scenario" --seed "$seed" --events "$work/run.jsonl" > "$work/run.txt" || fail "run"
cmp "$work/run.jsonl" "$work/replay.jsonl" || fail "the empty session's event log differs from run's"
diff <(grep -v '^event log:' "$work/run.txt") <(grep -v -e '^event log:' -e '^session ' "$work/replay.txt") ||
  fail "the summaries differ"

session "$work/refused.json" "$hash" \
  '{"t_s": 36000, "kind": "decision", "decision": {"kind": "call_on_call", "role": "astronaut"}}'
out=$("$irdrill" replay "$work/refused.json" --events "$work/refused.jsonl" 2>&1); code=$?
[ $code -eq 2 ] || fail "a refused decision gave exit $code: $out"
grep -q "refused.json: error: entry 1 (decision call_on_call at 10:00:00): .*astronaut" <<<"$out" || fail "message: $out"
[ ! -e "$work/refused.jsonl" ] || fail "an event log was written for a refused entry"
echo "replay checks passed ($(wc -l < "$work/replay.jsonl") lines)"
