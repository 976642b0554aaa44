#!/usr/bin/env bash
# Installs the Debian 12 packages irdrill builds and tests with, if any is missing.
# Uses apt-get as root, `sudo -n` otherwise; where neither works it prints the exact
# command to run and exits 3. Exit 0 when everything is present.
set -euo pipefail

packages=(
  cmake g++ make ninja-build pkg-config
  libboost-random-dev libyaml-cpp-dev libcli11-dev catch2 nlohmann-json3-dev
  fonts-noto-cjk      # Japanese text in the GUI
  libsfml-dev libimgui-dev libgl-dev
  xvfb xauth          # runs the GUI smoke test headless
)
# Optional comparisons and report checks; installed when available, never required.
optional=(libns3-dev
  chromium poppler-utils   # render the HTML report to PDF and read its text back
  # The scale-out recipes on the real engines (tests/cli/scale_out_*.sh): a single-node
  # Slurm cluster (the test starts its own daemons; on a machine with systemd, installing
  # munge enables its service with a fresh key) and GNU parallel.
  slurm-wlm munge parallel
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
done
optional_missing=()
if [ "${IRDRILL_OPTIONAL_DEPS:-1}" = 1 ]; then
  for p in "${optional[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || optional_missing+=("$p")
  done
fi
[ ${#missing[@]} -eq 0 ] && [ ${#optional_missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  if [ ${#missing[@]} -eq 0 ]; then exit 0; fi   # only optional ones missing: go on
  echo "irdrill: missing Debian packages: ${missing[*]}" >&2
  echo "irdrill: cannot install them (not root, no password-less sudo). Run:" >&2
  echo "  sudo apt-get install -y ${missing[*]}" >&2
  exit 3
fi

export DEBIAN_FRONTEND=noninteractive
install() { "${as_root[@]}" apt-get install -y -q --no-install-recommends "$@"; }
echo "irdrill: installing Debian packages: ${missing[*]} ${optional_missing[*]}" >&2
if [ ${#missing[@]} -gt 0 ]; then
  if ! install "${missing[@]}"; then
    # A fresh machine may have no package lists yet.
    "${as_root[@]}" apt-get update -q
    install "${missing[@]}" || {
      echo "irdrill: apt-get could not install: ${missing[*]}" >&2; exit 3; }
  fi
fi
if [ ${#optional_missing[@]} -gt 0 ]; then
  install "${optional_missing[@]}" || echo "irdrill: optional packages not installed: ${optional_missing[*]} (continuing)" >&2
fi
