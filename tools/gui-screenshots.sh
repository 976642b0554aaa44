#!/usr/bin/env bash
# Regenerates the screenshots of docs/gui.md (docs/images/gui-*.png) by playing --play
# scripts through the real GUI under a virtual X server. Run from anywhere after a build:
#   tools/gui-screenshots.sh [IRDRILL_GUI]    (default: build/release/gui/irdrill-gui)
# Needs xvfb-run and python3.
set -euo pipefail

root=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)
gui=${1:-$root/build/release/gui/irdrill-gui}
out=$root/docs/images
work=$(mktemp -d)
trap 'rm -rf -- "$work"' EXIT
mkdir -p -- "$out"
cd -- "$root"  # scenario paths in the pictures stay relative

shoot() {  # shoot NAME ARGS...: one run of the GUI in a fresh virtual X server
  local name=$1
  shift
  xvfb-run -a -s "-screen 0 1600x900x24" "$gui" "$@" 2> >(grep -v "vertical sync" >&2)
  echo "wrote docs/images/$name.png"
}

# Click targets come from the GUI itself (--ui-dump), not from guessed pixels.
xvfb-run -a -s "-screen 0 1600x900x24" "$gui" --scenario scenarios/lost-laptop.yaml --frames 3 \
  --ui-dump "$work/dump.json" 2>/dev/null
centre() {  # centre NAME: "[x, y]" of a named item of the dump
  python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["items"][sys.argv[2]]; print("[%d, %d]" % (r["x"]+r["w"]/2, r["y"]+r["h"]/2))' \
    "$work/dump.json" "$1"
}
tab_incidents=$(centre tab_incidents)
tab_play=$(centre tab_play)
tab_record=$(centre tab_record)
tab_rules=$(centre tab_pause_rules)

# 1. The scenario picker (no argument).
shoot gui-picker --screenshot "$out/gui-picker.png"

# 2. The office day at lunchtime: 40 people, their items, gateways, off-site places.
shoot gui-office-day --scenario scenarios/office-day.yaml --until "d0 12:40" --screenshot "$out/gui-office-day.png"

# 3-6. The lost laptop: an inject, a decision with a Japanese rationale, the checklist,
# the play tab, the record tab and the player view.
cat >"$work/lost-laptop.jsonl" <<JSONL
{"frame":2,"seat":"IT lead"}
{"frame":2,"run_until":"d0 12:30"}
{"frame":3,"inject":{"action":"fire","source":"tpl-website-defacement","rationale":"改ざんの通報があった"}}
{"frame":5,"run_until":"d0 20:30"}
{"frame":6,"decision":{"kind":"order_step","incident":"theft:sales-03/laptop","step":"revoke-credentials","rationale":"夜のうちにアカウントを無効化する"}}
{"frame":7,"select_incident":"theft:sales-03/laptop"}
{"frame":8,"click":$tab_incidents}
{"frame":8,"mark":{"incident":"theft:sales-03/laptop","step":"intake","mark":"met","note":"last seen place looked up at once"}}
{"frame":11,"screenshot":"$out/gui-checklist.png"}
{"frame":12,"click":$tab_play}
{"frame":15,"screenshot":"$out/gui-play.png"}
{"frame":16,"run_until":"d1 12:00"}
{"frame":16,"click":$tab_record}
{"frame":19,"screenshot":"$out/gui-record.png"}
{"frame":20,"view":"player"}
{"frame":20,"click":$tab_incidents}
{"frame":23,"screenshot":"$out/gui-player-view.png"}
{"frame":24,"view":"facilitator"}
{"frame":24,"click":$tab_rules}
{"frame":27,"screenshot":"$out/gui-pause-rules.png"}
{"frame":28,"quit":true}
JSONL
shoot gui-lost-laptop --scenario scenarios/lost-laptop.yaml --play "$work/lost-laptop.jsonl"

# The What-if tab: the phishing intrusion on seed 1 at d1 12:00, undetected so far; 200
# replications from here. The tab's buttons exist once it shows: their places come from a
# first run that opens it.
tab_what_if=$(centre tab_what_if)
printf '{"frame":2,"click":%s}\n{"frame":5,"quit":true}\n' "$tab_what_if" >"$work/what-if-open.jsonl"
xvfb-run -a -s "-screen 0 1600x900x24" "$gui" --scenario scenarios/phishing-exfiltration.yaml \
  --play "$work/what-if-open.jsonl" --ui-dump "$work/dump.json" 2>/dev/null
cat >"$work/what-if.jsonl" <<JSONL
{"frame":2,"run_until":"d1 12:00"}
{"frame":5,"click":$tab_what_if}
{"frame":8,"click":$(centre what_if_from_here)}
{"frame":11,"click":$(centre what_if_run)}
{"frame":90,"screenshot":"$out/gui-what-if.png"}
{"frame":91,"quit":true}
JSONL
shoot gui-what-if --scenario scenarios/phishing-exfiltration.yaml --seed 1 --play "$work/what-if.jsonl"

# 7-8. The same in Japanese (--lang ja): the picker and the checklist with the bundled
# procedure's Japanese step titles.
shoot gui-picker-ja --lang ja --screenshot "$out/gui-picker-ja.png"
cat >"$work/lost-laptop-ja.jsonl" <<JSONL
{"frame":2,"seat":"情報システム部"}
{"frame":2,"run_until":"d0 20:30"}
{"frame":3,"decision":{"kind":"order_step","incident":"theft:sales-03/laptop","step":"revoke-credentials","rationale":"夜のうちにアカウントを無効化する"}}
{"frame":4,"select_incident":"theft:sales-03/laptop"}
{"frame":5,"click":$tab_incidents}
{"frame":5,"mark":{"incident":"theft:sales-03/laptop","step":"intake","mark":"met","note":"最終受信場所をすぐに確認した"}}
{"frame":8,"screenshot":"$out/gui-checklist-ja.png"}
{"frame":9,"quit":true}
JSONL
shoot gui-checklist-ja --lang ja --scenario scenarios/lost-laptop.yaml --play "$work/lost-laptop-ja.jsonl"

# 9-10. The Hot wash tab of the golden session with a debrief, in English and Japanese.
tab_hot_wash=$(centre tab_hot_wash)
for lang in en ja; do
  suffix=$([[ $lang == ja ]] && echo "-ja" || true)
  printf '{"frame":2,"click":%s}\n{"frame":6,"screenshot":"%s"}\n{"frame":7,"quit":true}\n' \
    "$tab_hot_wash" "$out/gui-hot-wash$suffix.png" >"$work/hot-wash-$lang.jsonl"
  shoot "gui-hot-wash$suffix" --lang "$lang" --session tests/data/sessions/phishing-hot-wash.session.json \
    --play "$work/hot-wash-$lang.jsonl"
done

# 11. Rewind and branches: the two-branch phishing session, its Branches tab with the
# side-by-side table, and the other branch's milestones as faded ticks on the timeline.
tab_branches=$(centre tab_branches)
printf '{"frame":2,"click":%s}\n{"frame":6,"screenshot":"%s"}\n{"frame":7,"quit":true}\n' \
  "$tab_branches" "$out/gui-branches.png" >"$work/branches.jsonl"
shoot gui-branches --session tests/data/sessions/phishing-two-branches.session.json --play "$work/branches.jsonl"
