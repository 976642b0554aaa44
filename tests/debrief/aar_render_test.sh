#!/usr/bin/env bash
# Render test of the after-action report (docs/debrief.md): `irdrill aar` writes the report
# of a golden session in English and in Japanese; headless Chromium prints each to PDF and
# pdftotext reads the text back, which must show every section heading (numbered, in HSEEP
# order), the timeline's own SVG text, rows of the improvement plan and the Japanese free
# text, as a reader of the printed report sees them. Also checks that the file is
# self-contained, and that a failing run leaves the previous report in place.
# Usage: aar_render_test.sh IRDRILL SESSION WORK_DIR
# Set IRDRILL_AAR_SCREENSHOT=FILE.png to also keep a full-page screenshot to look at.
# Exit: 0 pass, 1 fail, 2 bad usage, 77 skipped (no chromium or no pdftotext: ctest's
# SKIP_RETURN_CODE; tools/install-deps.sh installs both).
set -euo pipefail

if [[ $# -ne 3 ]]; then
  echo "usage: $0 IRDRILL SESSION WORK_DIR" >&2
  exit 2
fi
irdrill=$1
session=$2
work_parent=$3

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

source "$(dirname -- "${BASH_SOURCE[0]}")/../support/headless_chromium.sh"
require_chromium_and_pdftotext
chromium_work_dir "$work_parent"

expect_text() {
  local text=$1 want=$2
  grep -qF -- "$want" <<<"$text" || fail "the printed report does not show: $want"
}

# In order: each heading must come after the previous one in the printed text.
expect_in_order() {
  local text=$1 rest
  shift
  rest=$text
  for want in "$@"; do
    [[ $rest == *"$want"* ]] || fail "the printed report does not show '$want' after the previous heading"
    rest=${rest#*"$want"}
  done
}

"$irdrill" aar "$session" --out "$work/en" >"$work/en.log" 2>&1 || { cat "$work/en.log" >&2; fail "irdrill aar failed"; }
grep -q "wrote $work/en/aar.html" "$work/en.log" || fail "irdrill aar did not say where it wrote: $(cat "$work/en.log")"
"$irdrill" aar "$session" --out "$work/ja" --lang ja >/dev/null 2>&1 || fail "irdrill aar --lang ja failed"
report=$work/en/aar.html

# Self-contained: no URL but the SVG namespace, no stylesheet links, no scripts, no src.
if sed 's#xmlns="http://www.w3.org/2000/svg"##g' "$report" | grep -qE 'https?://'; then
  fail "the report contains a URL"
fi
if grep -qiE '<link|<script|src=' "$report"; then
  fail "the report loads something from outside (a <link>, <script> or src=)"
fi

# Whole or not at all: a run that fails (a bad option value) leaves the report as it was.
before=$(sha256sum <"$report")
if "$irdrill" aar "$session" --out "$work/en" --until soon >/dev/null 2>&1; then
  fail "irdrill aar --until soon succeeded"
fi
[[ $(sha256sum <"$report") == "$before" ]] || fail "a failed run changed the previous report"

text=$(rendered_text "$report")
expect_in_order "$text" "1. Exercise overview" "2. Objectives" "3. Incident timelines" \
  "4. Analysis of procedures" "5. Decision journal" "6. Discussion" "7. Score and ledger" "8. Improvement plan"
expect_text "$text" "After-action report: Phishing to exfiltration"
expect_text "$text" "Security & Risk <HQ>"
expect_text "$text" "S: performed with some challenges"
# The timeline's SVG text: milestone labels and the axis title.
expect_text "$text" "detected d2 16:12:04"
expect_text "$text" "Time since the incident started"
expect_text "$text" "Areas for improvement"
expect_text "$text" "Put the security on-call number on the IT desk card"
expect_text "$text" "解析より先にネットワークを隔離する。"
expect_text "$text" "2027-03-31"
# A4 pages: pdfinfo reports the page size when it is installed (poppler-utils has both).
if command -v pdfinfo >/dev/null 2>&1; then
  pdfinfo "${report%.html}.pdf" | grep -q 'Page size:.*(A4)' || fail "the PDF pages are not A4"
  pages=$(pdfinfo "${report%.html}.pdf" | awk '/^Pages:/ {print $2}')
  [[ $pages -ge 6 ]] || fail "expected a page per section or so, got $pages pages"
fi

ja_text=$(rendered_text "$work/ja/aar.html")
expect_in_order "$ja_text" "1. 演習の概要" "2. 目標" "3. インシデントの経過" "4. 手順の分析" \
  "5. 意思決定の記録" "6. 討議" "7. 得点と内訳" "8. 改善計画"
expect_text "$ja_text" "解析手順を事前に用意する"

if [[ -n ${IRDRILL_AAR_SCREENSHOT:-} ]]; then
  run_chromium --window-size=1050,5200 --screenshot="$IRDRILL_AAR_SCREENSHOT" "file://$report"
  echo "screenshot: $IRDRILL_AAR_SCREENSHOT"
fi

echo "PASS: the after-action report prints in $("$chromium" --version 2>/dev/null | tail -n 1)"
