#!/usr/bin/env bash
# Scripted GUI test of the hot wash tab (docs/gui.md#hot-wash, docs/debrief.md): under
# Xvfb, opens a scenario, clicks the Hot wash tab, types an improvement-plan item (issue,
# owner, due date; Japanese text included) and adds it, clicks "Write after-action
# report", saves the session and quits. Then checks that the saved session holds the item
# in its debrief, that the report was written beside it and shows the item, and that
# `irdrill aar` on the saved session writes the same improvement plan.
# Usage: gui_hot_wash_test.sh IRDRILL_GUI IRDRILL SCENARIO WORK_DIR
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

# The tab's click targets: the tab first, then (with the tab showing) its fields.
cat >"$work/script.py" <<'PY'
import json, sys
work, stage = sys.argv[1], sys.argv[2]
def centre(dump, group, name):
    r = json.load(open(work + "/" + dump))[group][name]
    return [round(r["x"] + r["w"] / 2), round(r["y"] + r["h"] / 2)]
steps = [(2, lambda: {"run_until": "d0 12:00"}),
         (3, lambda: {"click": centre("dump-0.json", "items", "tab_hot_wash")})]
if stage != "0":
    steps += [
        (6, lambda: {"click": centre("dump-1.json", "items", "ip_issue")}),
        (8, lambda: {"text": "Alert dismissed too fast 警報の確認不足"}),
        (9, lambda: {"click": centre("dump-1.json", "items", "ip_owner")}),
        (11, lambda: {"text": "Support desk"}),
        (12, lambda: {"click": centre("dump-1.json", "items", "ip_due")}),
        (14, lambda: {"text": "2027-02-28"}),
        (15, lambda: {"click": centre("dump-1.json", "items", "add_improvement")}),
        (18, lambda: {"click": centre("dump-1.json", "items", "write_aar")}),
        (21, lambda: {"screenshot": work + "/hot-wash.png"}),
    ]
for frame, make in steps:
    line = make()
    line["frame"] = frame
    print(json.dumps(line, ensure_ascii=False))
print(json.dumps({"frame": 6 if stage == "0" else 23, "quit": True}))
PY

run_in_xvfb 1600x900x24 "$gui" --scenario "$scenario" --frames 3 --ui-dump "$work/dump-0.json" ||
  fail "the --ui-dump run failed"
python3 "$work/script.py" "$work" 0 >"$work/stage-1.jsonl"
run_in_xvfb 1600x900x24 "$gui" --scenario "$scenario" --play "$work/stage-1.jsonl" --ui-dump "$work/dump-1.json" \
  2>"$work/stage-1.log" || { cat "$work/stage-1.log" >&2; fail "the run to find the hot wash tab's fields failed"; }
python3 "$work/script.py" "$work" 1 >"$work/hot-wash.jsonl"

run_in_xvfb 1600x900x24 "$gui" --scenario "$scenario" --play "$work/hot-wash.jsonl" \
  --save-session "$work/session.json" 2>"$work/gui.log" || { cat "$work/gui.log" >&2; fail "the scripted hot wash failed"; }
cat "$work/gui.log" >&2
[[ -s $work/session.json ]] || fail "no session saved"
grep -q '"issue":"Alert dismissed too fast 警報の確認不足"' "$work/session.json" ||
  fail "the typed improvement item is not in the saved session's debrief"
grep -q '"owner":"Support desk","due":"2027-02-28"' "$work/session.json" || fail "the item's owner and due date are not saved"
grep -q "irdrill-gui: wrote .*\.aar\.html" "$work/gui.log" || fail "the GUI did not say it wrote the report"
report=$(sed -n 's/^irdrill-gui: wrote \(.*\.aar\.html\)$/\1/p' "$work/gui.log" | tail -n 1)
[[ -s $report ]] || fail "no report at '$report'"
grep -q "<td>Alert dismissed too fast 警報の確認不足</td>" "$report" || fail "the GUI's report lacks the improvement item"
rm -f -- "$report"

"$irdrill" aar "$work/session.json" --out "$work/aar" >"$work/aar.log" 2>&1 || fail "irdrill aar failed: $(cat "$work/aar.log")"
grep -q "<td>Support desk</td><td class=\"nowrap\">2027-02-28</td>" "$work/aar/aar.html" ||
  fail "irdrill aar's report lacks the improvement item saved by the GUI"
echo "PASS: hot wash scripted in the GUI ($work)"
