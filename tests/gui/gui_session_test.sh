#!/usr/bin/env bash
# Scripted session through the real window under Xvfb: find click targets with --ui-dump,
# then play a --play script that clicks tabs, types a Japanese seat name, clicks an MSEL
# inject's "fire now" and a step's "order now", marks a step and takes screenshots at three
# points; save the session.
# Checks: the typed text reached the session file; `irdrill replay` of the saved session
# writes exactly the GUI's own --events log (byte for byte); the screenshots show people
# on the map and a timeline and checklist that are not blank.
# Usage: gui_session_test.sh IRDRILL_GUI IRDRILL PNG_REGION SCENARIO WORK_DIR
# Exit: 0 pass, 1 fail, 2 bad usage, 77 skipped (no xvfb-run or python3).
set -euo pipefail

if [[ $# -ne 5 ]]; then
  echo "usage: $0 IRDRILL_GUI IRDRILL PNG_REGION SCENARIO WORK_DIR" >&2
  exit 2
fi
gui=$1
irdrill=$2
region=$3
scenario=$4
work=$5

# shellcheck source=xvfb_run.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/xvfb_run.sh"
gui_test_setup "$work"

# 1. Where things are on screen.
run_in_xvfb 1600x900x24 "$gui" --scenario "$scenario" --frames 3 --ui-dump "$work/dump.json" || fail "the --ui-dump run failed"
[[ -s $work/dump.json ]] || fail "no ui dump written"

# 2. The script. Click targets come from --ui-dump: the tabs and the seat field from a
# first dump; the buttons of the panels (the MSEL's "fire now", a step's "order now") from a
# run of the script up to that point, since they exist only once the state is there.
# A click moves the pointer in its frame, presses in the next and releases in the one
# after: keys and text for a field clicked at frame N go in from frame N + 3.
cat >"$work/script.py" <<'PY'
import json, sys
work, upto = sys.argv[1], int(sys.argv[2])
def centre(dump, group, name):
    r = json.load(open(work + "/" + dump))[group][name]
    return [round(r["x"] + r["w"] / 2), round(r["y"] + r["h"] / 2)]
steps = [
    (2, lambda: {"click": centre("dump.json", "items", "tab_incidents")}),
    (4, lambda: {"click": centre("dump.json", "items", "seat")}),
    (7, lambda: {"key": "end"}),
    (8, lambda: {"text": "・情報システム"}),
    (9, lambda: {"key": "enter"}),
    (10, lambda: {"run_until": "d0 12:30"}),
    # The facilitator plans an inject for 15:00 (an MSEL row), then brings it forward by
    # clicking its "fire now".
    (10, lambda: {"inject": {"action": "schedule", "source": "tpl-website-defacement", "at": "d0 15:00",
                             "rationale": "改ざんの通報"}}),
    (11, lambda: {"click": centre("dump.json", "items", "tab_play")}),
    (15, lambda: {"click": centre("dump-a.json", "items", "msel_fire:tpl-website-defacement@1")}),
    (18, lambda: {"screenshot": work + "/shot1.png"}),
    (19, lambda: {"run_until": "d0 20:30"}),
    (20, lambda: {"select_incident": "theft:sales-03/laptop"}),
    (20, lambda: {"click": centre("dump.json", "items", "tab_incidents")}),
    # The team orders a step by clicking its "order now" in the checklist.
    (25, lambda: {"click": centre("dump-b.json", "items", "order_now:revoke-credentials")}),
    (28, lambda: {"screenshot": work + "/shot2.png"}),
    (29, lambda: {"mark": {"incident": "theft:sales-03/laptop", "step": "intake", "mark": "met"}}),
    (30, lambda: {"run_until": "d1 12:00"}),
    (32, lambda: {"screenshot": work + "/shot3.png"}),
    (33, lambda: {"cmd": "run_to_end"}),
]
for frame, make in steps:
    if frame > upto:
        break
    line = make()
    line["frame"] = frame
    print(json.dumps(line, ensure_ascii=False))
print(json.dumps({"frame": min(upto, 34), "quit": True}))
PY
for stage in a:14 b:24; do
  python3 "$work/script.py" "$work" "${stage#*:}" >"$work/prefix-${stage%%:*}.jsonl"
  run_in_xvfb 1600x900x24 "$gui" --scenario "$scenario" --play "$work/prefix-${stage%%:*}.jsonl" \
    --ui-dump "$work/dump-${stage%%:*}.json" 2>"$work/prefix-${stage%%:*}.log" || {
    cat "$work/prefix-${stage%%:*}.log" >&2
    fail "the run to find the click targets of stage ${stage%%:*} failed"
  }
done
python3 "$work/script.py" "$work" 1000 >"$work/session.jsonl"

# 3. Play it.
run_in_xvfb 1600x900x24 "$gui" --scenario "$scenario" --play "$work/session.jsonl" --save-session "$work/session.json" \
  --events "$work/gui-events.jsonl" --ui-dump "$work/dump-end.json" 2>"$work/gui.log" || {
  cat "$work/gui.log" >&2
  fail "the scripted session failed"
}
cat "$work/gui.log" >&2
grep -q "inject fire tpl-website-defacement: applied" "$work/gui.log" || fail "the clicked inject did not apply"
grep -q "inject skip tpl-website-defacement@1: applied" "$work/gui.log" || fail "the fired arrival was not taken off the MSEL"
grep -q "order_step theft:sales-03/laptop revoke-credentials: applied" "$work/gui.log" || fail "the clicked decision did not apply"
[[ -s $work/session.json ]] || fail "no session saved"
grep -q '"seat":"facilitator・情報システム"' "$work/session.json" || fail "the typed seat name is not in the session"
grep -q '"kind":"mark"' "$work/session.json" || fail "the mark is not in the session"

# 4. The headless replay of the saved session writes the same log, byte for byte.
"$irdrill" replay "$work/session.json" --events "$work/replay-events.jsonl" >"$work/replay.log" ||
  fail "irdrill replay failed: $(cat "$work/replay.log")"
cmp -- "$work/gui-events.jsonl" "$work/replay-events.jsonl" || fail "the GUI's event log and the replay's differ"

# 5. Screenshots: people on the map, a timeline and a checklist with content.
read -r map_rect timeline_rect panels_rect < <(python3 - "$work/dump-end.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
def rect(group, name):
    r = d[group][name]
    return "%d,%d,%d,%d" % (r["x"], r["y"], r["w"], r["h"])
print(rect("items", "map_canvas"), rect("windows", "timeline"), rect("windows", "panels"))
PY
)
for shot in shot1 shot2 shot3; do
  png=$work/$shot.png
  [[ -s $png ]] || fail "no $shot.png"
  # The person colour of gui/floor_map.hpp (kPersonColour): six people, several pixels each.
  "$region" "$png" ${map_rect//,/ } colour 240 140 40 60 || fail "$shot: no people on the map"
  "$region" "$png" ${timeline_rect//,/ } not-blank || fail "$shot: the timeline is blank"
  "$region" "$png" ${panels_rect//,/ } not-blank || fail "$shot: the panels are blank"
done
echo "PASS: scripted GUI session ($work)"
