#!/usr/bin/env bash
# Render test of the HTML report (sim/montecarlo/report_html.hpp): writes a sample report
# from synthetic data, prints it to PDF with headless Chromium, reads the PDF's text back
# with pdftotext and checks that the titles, the charts' own text (axis titles, tick
# labels, the recommended point's label) and the formatted figures are there, as a reader
# would see them. Also checks the file references nothing outside itself.
# Usage: report_render_test.sh MAKE_SAMPLE_REPORT WORK_DIR
# Set IRDRILL_REPORT_SCREENSHOT=FILE.png to also keep a full-page screenshot to look at.
# Exit: 0 pass, 1 fail, 2 bad usage, 77 skipped (no chromium or no pdftotext: ctest's
# SKIP_RETURN_CODE; tools/install-deps.sh installs both).
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 MAKE_SAMPLE_REPORT WORK_DIR" >&2
  exit 2
fi
maker=$1
work_parent=$2

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

source "$(dirname -- "${BASH_SOURCE[0]}")/../support/headless_chromium.sh"
require_chromium_and_pdftotext
chromium_work_dir "$work_parent"

expect_text() {
  local text=$1 want=$2
  grep -qF -- "$want" <<<"$text" || fail "the rendered report does not show: $want"
}

"$maker" "$work/report.html" || fail "$maker could not write the sample report"
"$maker" "$work/partial.html" --partial || fail "$maker could not write the partial report"

# Self-contained: no URL but the SVG namespace, no stylesheet links, no src attributes.
if sed 's#xmlns="http://www.w3.org/2000/svg"##g' "$work/report.html" | grep -qE 'https?://'; then
  fail "the report contains a URL"
fi
if grep -qiE '<link|<script|src=' "$work/report.html"; then
  fail "the report loads something from outside (a <link>, <script> or src=)"
fi

text=$(rendered_text "$work/report.html")
# Header: title and the scenario name, whose < & " must come back as written.
expect_text "$text" "irdrill sample report: office day"
expect_text "$text" 'Office day <HQ> & "annex"'
# Section headings.
expect_text "$text" "Summary of metrics"
expect_text "$text" "Time to contain"
expect_text "$text" "Detection and containment times"
expect_text "$text" "Score breakdown"
expect_text "$text" "Pareto front: detection against false alarms"
expect_text "$text" "Heat maps"
# Figures as formatted in the summary table: time_to_contain_h's mean and its interval.
expect_text "$text" "2.21"
expect_text "$text" "2.05 – 2.38"
# The recommended setting: the box above the charts and the label beside its star.
expect_text "$text" "Recommended setting (point 9): alerts.phone.hold_s = 20, radio.scan.interval_ms = 500"
expect_text "$text" "hold_s = 20, interval_ms = 500"
# Text that only the SVG charts contain: axis titles, duration ticks, bar and cell labels.
expect_text "$text" "Share of replications (%)"
expect_text "$text" "Replications at or below (%)"
expect_text "$text" "10 min"
expect_text "$text" "False alarms per person-day"
expect_text "$text" "limit 0.5"
expect_text "$text" "+12.4"
expect_text "$text" "B − A, % of A's mean"
expect_text "$text" "88.5%"
[[ $text != *PARTIAL* ]] || fail "a complete run shows the PARTIAL banner"

partial_text=$(rendered_text "$work/partial.html")
expect_text "$partial_text" "PARTIAL: stopped after 137 replications"

if [[ -n ${IRDRILL_REPORT_SCREENSHOT:-} ]]; then
  run_chromium --window-size=1050,7000 --screenshot="$IRDRILL_REPORT_SCREENSHOT" \
    "file://$work/report.html"
  echo "screenshot: $IRDRILL_REPORT_SCREENSHOT"
fi

echo "PASS: the report renders in $("$chromium" --version 2>/dev/null | tail -n 1)"
