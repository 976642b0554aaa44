# Sourced by the report render tests: headless Chromium and pdftotext, shared.
#
#   require_chromium_and_pdftotext   sets $chromium, or exits 77 (ctest's SKIP_RETURN_CODE)
#                                    saying what is missing (tools/install-deps.sh installs both)
#   chromium_work_dir PARENT         makes $work (removed on exit) and a private $HOME in it
#   run_chromium ARGS...             one headless run on a local file, in a fresh profile
#   rendered_text FILE.html          the page printed to PDF, its text on one line
#
# The caller defines fail() (message, exit 1) before using these.

require_chromium_and_pdftotext() {
  chromium=${IRDRILL_CHROMIUM:-}
  if [[ -z $chromium ]]; then
    local candidate
    for candidate in chromium chromium-browser; do
      if command -v "$candidate" >/dev/null 2>&1; then
        chromium=$candidate
        break
      fi
    done
  fi
  if [[ -z $chromium ]]; then
    echo "SKIP: chromium not found (install it with tools/install-deps.sh or apt-get install chromium)"
    exit 77
  fi
  if ! command -v pdftotext >/dev/null 2>&1; then
    echo "SKIP: pdftotext not found (Debian package poppler-utils)"
    exit 77
  fi
}

chromium_work_dir() {
  mkdir -p -- "$1"
  work=$(mktemp -d "$1/run.XXXXXX")
  trap 'rm -rf -- "$work"' EXIT
  # Chromium keeps its profile, caches and crash reports under these: all inside $work.
  export HOME=$work/home XDG_CONFIG_HOME=$work/home/.config XDG_CACHE_HOME=$work/home/.cache
  mkdir -p -- "$HOME"
}

# Every host name fails to resolve, so nothing can reach the network even if the page
# asked for it.
run_chromium() {
  local log=$work/chromium.log status=0
  timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --no-proxy-server \
    --host-resolver-rules="MAP * ~NOTFOUND" --user-data-dir="$work/profile" \
    --no-first-run --no-default-browser-check --disable-extensions --disable-sync \
    --disable-background-networking --disable-component-update --disable-default-apps \
    --hide-scrollbars "$@" >"$log" 2>&1 || status=$?
  if [[ $status -ne 0 ]]; then
    tail -n 20 "$log" >&2
    fail "chromium exited with $status (124: timed out) for: $*"
  fi
}

# White space squeezed, so a test can look for phrases across line breaks.
rendered_text() {
  local html=$1 pdf=${1%.html}.pdf
  run_chromium --no-pdf-header-footer --print-to-pdf="$pdf" "file://$html"
  [[ -s $pdf ]] || fail "no PDF written for $html"
  pdftotext -enc UTF-8 "$pdf" - | tr -s ' \n\t\f' ' '
}
