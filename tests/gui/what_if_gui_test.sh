#!/usr/bin/env bash
# The What-if tab through the real window under Xvfb: a script opens the tab, sets 20
# replications, runs them on fresh seeds, then from here; the --ui-dump of each stage must
# hold the results (the variant line, the score and time-to-contain histograms, the
# deadline table) and the screenshot must show the histogram bars and this run's marker.
# The window keeps drawing frames while the replications run (the script's frames go on).
# Usage: what_if_gui_test.sh IRDRILL_GUI PNG_REGION SCENARIO WORK_DIR
# Exit: 0 pass, 1 fail, 2 bad usage, 77 skipped (no xvfb-run or python3).
set -euo pipefail

if [[ $# -ne 4 ]]; then
  echo "usage: $0 IRDRILL_GUI PNG_REGION SCENARIO WORK_DIR" >&2
  exit 2
fi
gui=$1
region=$2
scenario=$3
work=$4

# shellcheck source=xvfb_run.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/xvfb_run.sh"
gui_test_setup "$work"

run_in_xvfb 1600x900x24 "$gui" --scenario "$scenario" --frames 3 --ui-dump "$work/dump.json" || fail "the --ui-dump run failed"

# The tab's controls exist once it shows: their places come from a run up to frame 5
# (stage a), the results' from a run up to the end of the fresh run (stage b).
cat >"$work/script.py" <<'PY'
import json, sys
work, upto = sys.argv[1], int(sys.argv[2])
def centre(dump, group, name):
    r = json.load(open(work + "/" + dump))[group][name]
    return [round(r["x"] + r["w"] / 2), round(r["y"] + r["h"] / 2)]
steps = [
    (2, lambda: {"run_until": "d1 12:00"}),
    (2, lambda: {"click": centre("dump.json", "items", "tab_what_if")}),
    # 20 replications: a click selects the whole number (ImGui's InputScalar), typing replaces it.
    (6, lambda: {"click": centre("dump-a.json", "items", "what_if_replications")}),
    (9, lambda: {"text": "20"}),
    (11, lambda: {"key": "enter"}),
    (16, lambda: {"click": centre("dump-a.json", "items", "what_if_run")}),
    (60, lambda: {"screenshot": work + "/fresh.png"}),
    (62, lambda: {"click": centre("dump-a.json", "items", "what_if_from_here")}),
    (66, lambda: {"click": centre("dump-a.json", "items", "what_if_run")}),
]
last = 0
for frame, make in steps:
    if frame > upto:
        break
    line = make()
    line["frame"] = frame
    last = frame
    print(json.dumps(line, ensure_ascii=False))
print(json.dumps({"frame": min(upto, 110), "quit": True}))
PY
for stage in a:5 b:61; do
  python3 "$work/script.py" "$work" "${stage#*:}" >"$work/prefix-${stage%%:*}.jsonl"
  run_in_xvfb 1600x900x24 "$gui" --scenario "$scenario" --play "$work/prefix-${stage%%:*}.jsonl" \
    --ui-dump "$work/dump-${stage%%:*}.json" 2>"$work/prefix-${stage%%:*}.log" || {
    cat "$work/prefix-${stage%%:*}.log" >&2
    fail "the run up to stage ${stage%%:*} failed"
  }
done
python3 "$work/script.py" "$work" 1000 >"$work/whole.jsonl"
run_in_xvfb 1600x900x24 "$gui" --scenario "$scenario" --play "$work/whole.jsonl" --ui-dump "$work/dump-end.json" \
  2>"$work/gui.log" || {
  cat "$work/gui.log" >&2
  fail "the scripted what-if run failed"
}

# The results, as the ui dump records them.
python3 - "$work" <<'PY' || fail "the ui dump lacks the what-if results"
import json, sys
work = sys.argv[1]
def items(name):
    return json.load(open(work + "/" + name))["items"]
fresh, end = items("dump-b.json"), items("dump-end.json")
for name in ["what_if_shown_fresh", "what_if_score_histogram", "what_if_contain_histogram", "what_if_deadlines",
             "what_if_progress"]:
    assert name in fresh, "stage b: no " + name
assert "what_if_shown_from_here" in end, "end: the from-here run's variant line is missing"
assert "what_if_score_histogram" in end, "end: no score histogram"
assert json.load(open(work + "/dump-end.json"))["windows"].get("what_if_results"), "no results window"
PY

# The screenshot of the fresh run: bars (the histogram colour) and this run's marker.
read -r score_rect < <(python3 - "$work/dump-b.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["items"]["what_if_score_histogram"]
print("%d %d %d %d" % (r["x"], r["y"], r["w"], r["h"]))
PY
)
[[ -s $work/fresh.png ]] || fail "no screenshot"
# shellcheck disable=SC2086
"$region" "$work/fresh.png" $score_rect colour 70 130 200 40 || fail "no histogram bars in the score histogram"
# shellcheck disable=SC2086
"$region" "$work/fresh.png" $score_rect colour 250 200 40 10 || fail "no marker of this run in the score histogram"
echo "PASS: what-if tab ($work)"
