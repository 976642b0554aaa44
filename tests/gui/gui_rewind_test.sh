#!/usr/bin/env bash
# Rewind and branches through the real window under Xvfb: a scripted session decides to
# isolate the network, clicks that journal entry's "Rewind here", decides differently
# (switch to the analyse-first procedure: a second branch), opens the Branches tab, clicks
# "Switch" on the first branch, and rewinds once more by clicking on the timeline's axis.
# Checks: each step's feedback (stderr of --play); the --events file closed at the first
# rewind with its message; the saved session has both branches with their decisions and
# the first one current; the last ui dump shows the side-by-side table; the saved session
# replays branch by branch with `irdrill replay --branch`.
# Usage: gui_rewind_test.sh IRDRILL_GUI IRDRILL SCENARIO WORK_DIR
# Exit: 0 pass, 1 fail, 2 bad usage, 77 skipped (no xvfb-run or python3).
set -euo pipefail

if [[ $# -ne 4 ]]; then
  echo "usage: $0 IRDRILL_GUI IRDRILL SCENARIO WORK_DIR" >&2
  exit 2
fi
gui=$1
irdrill=$2
scenario=$3
work=$4

# shellcheck source=xvfb_run.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/xvfb_run.sh"
gui_test_setup "$work"

run_in_xvfb 1600x900x24 "$gui" --scenario "$scenario" --seed 1 --frames 3 --ui-dump "$work/dump.json" || fail "the --ui-dump run failed"

# Click targets that exist only once the state is there come from runs of the script up
# to that point (as in gui_session_test.sh). A click moves the pointer in its frame,
# presses in the next and releases in the one after.
cat >"$work/script.py" <<'PY'
import json, sys
work, upto = sys.argv[1], int(sys.argv[2])
def rect(dump, name):
    return json.load(open(work + "/" + dump))["items"][name]
def centre(dump, name):
    r = rect(dump, name)
    return [round(r["x"] + r["w"] / 2), round(r["y"] + r["h"] / 2)]
def axis_point(dump):
    # A quarter of the way along the strip (right of the 150 px label column): before now.
    r = rect(dump, "timeline_axis")
    return [round(r["x"] + 150 + (r["w"] - 150) * 0.25), round(r["y"] + r["h"] / 2)]
steps = [
    (2, lambda: {"run_until": "d2 16:30"}),
    (3, lambda: {"decision": {"kind": "order_step", "incident": "phishing", "step": "isolate", "seat": "IT lead",
                              "rationale": "isolate now"}}),
    (5, lambda: {"run_until": "d2 18:00"}),
    (6, lambda: {"click": centre("dump.json", "tab_play")}),
    (10, lambda: {"click": centre("dump-a.json", "rewind_here:0")}),
    (15, lambda: {"decision": {"kind": "switch_procedure", "incident": "phishing", "procedure": "analyse-first",
                               "seat": "IT lead", "rationale": "analyse first"}}),
    (16, lambda: {"run_until": "d2 18:00"}),
    (17, lambda: {"click": centre("dump-a.json", "tab_branches")}),
    (21, lambda: {"click": centre("dump-b.json", "branch_switch:branch 1")}),
    (26, lambda: {"click": axis_point("dump-b.json")}),
]
for frame, make in steps:
    if frame > upto:
        break
    line = make()
    line["frame"] = frame
    print(json.dumps(line, ensure_ascii=False))
print(json.dumps({"frame": min(upto, 31), "quit": True}))
PY
for stage in a:9 b:20; do
  python3 "$work/script.py" "$work" "${stage#*:}" >"$work/prefix-${stage%%:*}.jsonl"
  # --events as in the full run: the message at the rewind moves the Branches tab's rows.
  run_in_xvfb 1600x900x24 "$gui" --scenario "$scenario" --seed 1 --play "$work/prefix-${stage%%:*}.jsonl" \
    --events "$work/prefix-events.jsonl" --ui-dump "$work/dump-${stage%%:*}.json" 2>"$work/prefix-${stage%%:*}.log" || {
    cat "$work/prefix-${stage%%:*}.log" >&2
    fail "the run to find the click targets of stage ${stage%%:*} failed"
  }
done
python3 "$work/script.py" "$work" 1000 >"$work/session.jsonl"

run_in_xvfb 1600x900x24 "$gui" --scenario "$scenario" --seed 1 --play "$work/session.jsonl" --save-session "$work/session.json" \
  --events "$work/gui-events.jsonl" --ui-dump "$work/dump-end.json" 2>"$work/gui.log" || {
  cat "$work/gui.log" >&2
  fail "the scripted session failed"
}
cat "$work/gui.log" >&2
grep -q "order_step phishing isolate: applied" "$work/gui.log" || fail "the first decision did not apply"
grep -q "Rewound from d2 18:00:00 to d2 16:30:00 (1 later entries pending)" "$work/gui.log" ||
  fail "the journal's Rewind here did not rewind to just before the decision"
grep -q "switch_procedure phishing analyse-first: applied" "$work/gui.log" || fail "the different decision did not apply"
grep -q "gui-events.jsonl' closed at d2 18:00:00" "$work/gui.log" || fail "no message that the events file was closed"
grep -q "Switched to branch 1 at d2 18:00:00" "$work/gui.log" || fail "the Switch button did not switch"
[[ $(grep -c "Rewound from d2 18:00:00 to " "$work/gui.log") == 2 ]] || fail "the click on the timeline's axis did not rewind"
[[ -s $work/gui-events.jsonl ]] || fail "the events file closed at the rewind is missing"

[[ -s $work/session.json ]] || fail "no session saved"
python3 - "$work/session.json" "$work/dump-end.json" <<'PY' || fail "the saved session or the ui dump is not as expected"
import json, sys
s = json.load(open(sys.argv[1]))
names = [b["name"] for b in s["branches"]]
assert names == ["branch 1", "branch 2"], names
assert s["branch"] == "branch 1", s["branch"]
one, two = s["branches"]
# The current branch's log is the top-level "entries" (docs/session-format.md#branches).
assert [e["decision"]["kind"] for e in s["entries"]] == ["order_step"], s["entries"]
assert two["parent"] == "branch 1" and two["fork_entries"] == 0 and two["fork_time"] == "d2 16:30:00", two
assert [e["decision"]["kind"] for e in two["entries"]] == ["switch_procedure"], two
items = json.load(open(sys.argv[2]))["items"]
assert "branch_comparison" in items, sorted(items)
assert "branch_switch:branch 2" in items, sorted(items)
PY
for branch in "branch 1" "branch 2"; do
  "$irdrill" replay "$work/session.json" --branch "$branch" >"$work/replay.log" 2>&1 ||
    fail "irdrill replay --branch '$branch' failed: $(cat "$work/replay.log")"
done
echo "PASS: rewind and branches in the GUI ($work)"
