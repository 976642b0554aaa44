#!/usr/bin/env bash
# Scripted session through the real window under Xvfb: find click targets with --ui-dump,
# then play a --play script that clicks tabs, types a Japanese seat name, makes an inject
# and a decision, marks a step and takes screenshots at three points; save the session.
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

fail() {
  echo "FAIL: $*" >&2
  exit 1
}
for tool in xvfb-run python3; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "SKIP: $tool not found"
    exit 77
  fi
done
rm -rf -- "$work"
mkdir -p -- "$work"

# As in gui_smoke.sh: leak checks off for Mesa, retry only when the X server was not
# reachable, the program's own status from inside the X session.
gui_asan_options="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
run_in_xvfb() {
  local attempt status log status_file
  log=$(mktemp)
  status_file=$(mktemp)
  for attempt in 1 2 3; do
    : >"$status_file"
    ASAN_OPTIONS=$gui_asan_options xvfb-run -a -s "-screen 0 1600x900x24" \
      bash -c '"$@"; echo $? >"$0"' "$status_file" "$@" 2>"$log" || true
    status=$(cat "$status_file")
    [[ -n $status ]] || status=125
    if ! grep -q "Failed to open X11 display\|cannot open the window" "$log"; then break; fi
    echo "note: X server not reachable (attempt $attempt), retrying" >&2
    sleep 1
  done
  cat "$log" >&2
  rm -f -- "$log" "$status_file"
  return "$status"
}

# 1. Where things are on screen.
run_in_xvfb "$gui" --scenario "$scenario" --frames 3 --ui-dump "$work/dump.json" || fail "the --ui-dump run failed"
[[ -s $work/dump.json ]] || fail "no ui dump written"

# 2. The script, with click targets from the dump (centres of the named rectangles).
python3 - "$work/dump.json" "$work" >"$work/session.jsonl" <<'PY'
import json, sys
dump = json.load(open(sys.argv[1]))
work = sys.argv[2]
def centre(group, name):
    r = dump[group][name]
    return [round(r["x"] + r["w"] / 2), round(r["y"] + r["h"] / 2)]
lines = [
    # A click moves the pointer in its frame, presses in the next and releases in the one
    # after: keys and text for a field clicked at frame N go in from frame N + 3.
    {"frame": 2, "click": centre("items", "tab_incidents")},
    {"frame": 4, "click": centre("items", "seat")},
    {"frame": 7, "key": "end"},
    {"frame": 8, "text": "・情報システム"},
    {"frame": 9, "key": "enter"},
    {"frame": 10, "run_until": "d0 12:30"},
    {"frame": 10, "inject": {"action": "fire", "source": "tpl-website-defacement", "rationale": "改ざんの通報"}},
    {"frame": 11, "screenshot": work + "/shot1.png"},
    {"frame": 12, "run_until": "d0 20:30"},
    {"frame": 13, "click": centre("items", "tab_play")},
    {"frame": 16, "decision": {"kind": "order_step", "incident": "theft:sales-03/laptop",
                                "step": "revoke-credentials", "rationale": "早めに無効化"}},
    {"frame": 17, "select_incident": "theft:sales-03/laptop"},
    {"frame": 18, "click": centre("items", "tab_incidents")},
    {"frame": 21, "screenshot": work + "/shot2.png"},
    {"frame": 22, "mark": {"incident": "theft:sales-03/laptop", "step": "intake", "mark": "met"}},
    {"frame": 23, "run_until": "d1 12:00"},
    {"frame": 25, "screenshot": work + "/shot3.png"},
    {"frame": 26, "cmd": "run_to_end"},
    {"frame": 27, "quit": True},
]
for line in lines:
    print(json.dumps(line, ensure_ascii=False))
PY

# 3. Play it.
run_in_xvfb "$gui" --scenario "$scenario" --play "$work/session.jsonl" --save-session "$work/session.json" \
  --events "$work/gui-events.jsonl" --ui-dump "$work/dump-end.json" 2>"$work/gui.log" || {
  cat "$work/gui.log" >&2
  fail "the scripted session failed"
}
cat "$work/gui.log" >&2
grep -q "inject fire tpl-website-defacement: applied" "$work/gui.log" || fail "the inject did not apply"
grep -q "order_step theft:sales-03/laptop revoke-credentials: applied" "$work/gui.log" || fail "the decision did not apply"
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
