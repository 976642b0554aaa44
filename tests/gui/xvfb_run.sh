# Sourced by the GUI tests: run_in_xvfb SCREEN COMMAND... runs a command in a fresh
# virtual X server of SCREEN ("1600x900x24") and returns the command's own exit status.
#
# Leak checking is off for the GUI runs only: LeakSanitizer reports allocations made by
# Mesa's dlopen'ed GL driver that are not ours, and with the multi-threaded llvmpipe
# driver it even crashes itself at exit, failing the run. Every other ASan and UBSan
# check stays on. Appended last so it wins over a detect_leaks in the caller's options.
gui_asan_options="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
# `xvfb-run -a` picks a free display number by looking for lock files, which races with
# another X server starting at the same moment (a parallel test run, say), and a loaded
# machine starts the server slowly: the client then cannot connect. That case, and only
# that case, is retried, backing off.
# The program's own exit status is written to a file from inside the X session: xvfb-run
# replaces it with its own when its clean-up fails ("problem while cleaning up temporary
# directory", seen on CI), which says nothing about the program under test.
run_in_xvfb() {
  local screen=$1
  shift
  local attempt status log status_file
  log=$(mktemp)
  status_file=$(mktemp)
  for attempt in 1 2 3 4 5; do
    : >"$status_file"
    ASAN_OPTIONS=$gui_asan_options xvfb-run -a -s "-screen 0 $screen" \
      bash -c '"$@"; echo $? >"$0"' "$status_file" "$@" 2>"$log" || true
    status=$(cat "$status_file")
    [[ -n $status ]] || status=125  # the program never ran: xvfb-run itself failed
    if ! grep -q "Failed to open X11 display\|cannot open the window" "$log"; then break; fi
    echo "note: X server not reachable (attempt $attempt), retrying" >&2
    sleep "$attempt"
  done
  cat "$log" >&2
  rm -f -- "$log" "$status_file"
  return "$status"
}

# The set-up of a scripted GUI test: fail() (message, exit 1), a skip (exit 77, ctest's
# SKIP_RETURN_CODE) when xvfb-run or python3 is missing, and an empty WORK_DIR.
fail() {
  echo "FAIL: $*" >&2
  exit 1
}
gui_test_setup() {
  local work_dir=$1 tool
  for tool in xvfb-run python3; do
    if ! command -v "$tool" >/dev/null 2>&1; then
      echo "SKIP: $tool not found"
      exit 77
    fi
  done
  rm -rf -- "$work_dir"
  mkdir -p -- "$work_dir"
}
