#!/usr/bin/env bash
# Smoke test of irdrill-gui: its command-line contract (help, bad usage, no display) and,
# under a virtual X server, that --screenshot writes a picture that is not blank and that
# a screenshot which cannot be written fails with the documented code and leaves nothing.
# Usage: gui_smoke.sh IRDRILL_GUI PNG_NOT_BLANK OUT.png
# Exit: 0 pass, 1 fail, 2 bad usage, 77 skipped (no xvfb-run; ctest's SKIP_RETURN_CODE).
set -euo pipefail

if [[ $# -ne 3 ]]; then
  echo "usage: $0 IRDRILL_GUI PNG_NOT_BLANK OUT.png" >&2
  exit 2
fi
gui=$1
checker=$2
out=$3
out_dir=$(dirname -- "$out")
out_name=$(basename -- "$out")

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# Runs a command and checks its exit status; the output is shown so a failure explains
# itself in the ctest log.
expect_status() {
  local want=$1
  shift
  local got=0
  "$@" || got=$?
  [[ $got -eq $want ]] || fail "expected exit $want, got $got from: $*"
}

# --- Command line: needs no display. ---
help_text=$("$gui" --help) || fail "--help exited non-zero"
grep -q "Exit codes" <<<"$help_text" || fail "--help does not document the exit codes"
expect_status 2 "$gui" --no-such-flag
expect_status 2 "$gui" --frames abc
expect_status 2 "$gui" --screenshot "$out_dir/not-a-png.bmp"
expect_status 4 env -u DISPLAY "$gui" --frames 1

# --- A real window on a virtual X server. ---
if ! command -v xvfb-run >/dev/null 2>&1; then
  echo "SKIP: xvfb-run not found"
  exit 77
fi

# shellcheck source=xvfb_run.sh
source "$(dirname -- "${BASH_SOURCE[0]}")/xvfb_run.sh"

rm -f -- "$out"
expect_status 0 run_in_xvfb 1280x800x24 "$gui" --screenshot "$out"
[[ -s $out ]] || fail "no screenshot at $out"
"$checker" "$out" || fail "screenshot $out looks blank"

# Saving into a missing directory must fail with code 3 and create nothing.
missing_dir="$out_dir/no-such-dir-$$"
expect_status 3 run_in_xvfb 1280x800x24 "$gui" --screenshot "$missing_dir/shot.png"
[[ ! -e $missing_dir ]] || fail "$missing_dir was created by a failed screenshot"

leftovers=$(find "$out_dir" -maxdepth 1 -name ".$out_name.tmp-*" -print)
[[ -z $leftovers ]] || fail "temporary files left behind: $leftovers"

echo "PASS: gui smoke test ($out)"
