#!/usr/bin/env bash
# The training app in Japanese under Xvfb (--lang ja): labels are drawn with real glyphs,
# not the font's fallback '?', and the --ui-dump names that scripts click are the same in
# both languages. Glyphs are told apart by shape (png_region ... glyphs MIN): a label whose
# characters all fell back to '?' shows one shape repeated. As a control, when the test
# may hide the CJK font from the program (root and unshare), the same check must fail.
# Usage: gui_japanese_test.sh IRDRILL_GUI PNG_REGION SCENARIO.yaml WORK_DIR
# Exit: 0 pass, 1 fail, 2 bad usage, 77 skipped (no xvfb-run or python3).
set -euo pipefail

if [[ $# -ne 4 ]]; then
  echo "usage: $0 IRDRILL_GUI PNG_REGION SCENARIO.yaml WORK_DIR" >&2
  exit 2
fi
gui=$1
region=$2
scenario=$3
work=$4

# shellcheck source=xvfb_run.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/xvfb_run.sh"
gui_test_setup "$work"

# --lang is checked before any window opens.
status=0
"$gui" --lang jp --frames 1 2>"$work/bad-lang.log" || status=$?
[[ $status -eq 2 ]] || fail "--lang jp: expected exit 2, got $status"
grep -q "expected one of: en, ja" "$work/bad-lang.log" || fail "--lang jp does not list the languages: $(cat "$work/bad-lang.log")"

for lang in en ja; do
  run_in_xvfb 1600x900x24 "$gui" --lang "$lang" --scenario "$scenario" --frames 3 \
    --screenshot "$work/$lang.png" --ui-dump "$work/$lang.json" || fail "the --lang $lang run failed"
done

# The names scripts click do not depend on the language.
python3 - "$work/en.json" "$work/ja.json" <<'PY' || fail "the --ui-dump names differ between English and Japanese"
import json, sys
en, ja = (json.load(open(p)) for p in sys.argv[1:3])
for group in ("windows", "items"):
    if set(en[group]) != set(ja[group]):
        print("only in en:", sorted(set(en[group]) - set(ja[group])), "only in ja:", sorted(set(ja[group]) - set(en[group])))
        sys.exit(1)
PY

# Labels with several different kana and kanji, and the least distinct shapes each must
# show (small kana, repeated characters and kanji that split at a gap are allowed for):
#   save_session  セッションを保存   step  1ステップ   tab_incidents  インシデント
#   tab_pause_rules  一時停止ルール; without the font each shows about 3 (the '?' drawn at
# different sub-pixel offsets), which the control below checks fails.
# In English (Save session, Step, Incidents, Pause rules) letters may touch, so fewer.
checks_ja="save_session:5 step:4 tab_incidents:4 tab_pause_rules:5"
checks_en="save_session:4 step:3 tab_incidents:4 tab_pause_rules:4"
rect() {  # rect DUMP NAME -> "x y w h" of the item, 2 px inside its frame
  python3 - "$1" "$2" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["items"][sys.argv[2]]
print(int(r["x"]) + 2, int(r["y"]) + 2, int(r["w"]) - 4, int(r["h"]) - 4)
PY
}
check_labels() {  # check_labels PNG DUMP CHECKS: 0 when every label shows enough distinct glyphs
  local png=$1 dump=$2 checks=$3 item
  for item in $checks; do
    # shellcheck disable=SC2046
    "$region" "$png" $(rect "$dump" "${item%%:*}") glyphs "${item#*:}" || return 1
  done
}
check_labels "$work/ja.png" "$work/ja.json" "$checks_ja" || fail "a Japanese label is not drawn with its glyphs"
check_labels "$work/en.png" "$work/en.json" "$checks_en" || fail "an English label is not drawn with its glyphs"

# Control: without the CJK font the app falls back to ImGui's built-in font, Japanese
# shows as '?', and the check above must notice.
font=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
if [[ $(id -u) -eq 0 ]] && command -v unshare >/dev/null 2>&1 && [[ -f $font ]]; then
  run_in_xvfb 1600x900x24 unshare -m bash -c 'mount --bind /dev/null "$0" && exec "$@"' "$font" \
    "$gui" --lang ja --scenario "$scenario" --frames 3 --screenshot "$work/no-font.png" \
    --ui-dump "$work/no-font.json" 2>"$work/no-font.log" || fail "the run without the font failed"
  grep -q "Japanese text shows as '?'" "$work/no-font.log" || fail "no warning about the missing font"
  if check_labels "$work/no-font.png" "$work/no-font.json" "$checks_ja"; then
    fail "the glyph check passed without the Japanese font: it cannot tell glyphs from fallbacks"
  fi
else
  echo "note: the no-font control needs root and unshare; not run"
fi
echo "PASS: GUI in Japanese ($work)"
