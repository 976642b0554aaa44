#!/usr/bin/env bash
# Usage: output_checks.sh CASE IRDRILL SCENARIO SESSION
# Outputs never damage what is there (docs/cli.md "Output files"): special files, symlinks,
# failures midway and kills leave either the previous output or the new one, never a mix.
# Each case is a test of its own (tests/cli/outputs.cmake); exit 77 means skipped.
set -u
case_name=$1 irdrill=$2 scenario=$3 session=$4
work=$(mktemp -d "${TMPDIR:-/tmp}/irdrill-out-XXXXXX")
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
cd "$work" || exit 1

fail() { printf 'FAIL: %s\n' "$*"; exit 1; }
# expect CODE PATTERN -- irdrill ARGS: the exit code and a line of the combined output.
expect() {
  local want=$1 pattern=$2; shift 3
  "$irdrill" "$@" >last.out 2>&1; local got=$?
  [ "$got" -eq "$want" ] || fail "expected exit $want, got $got from: irdrill $*"$'\n'"$(cat last.out)"
  [ -z "$pattern" ] || grep -Eq -- "$pattern" last.out || fail "no /$pattern/ from: irdrill $*"$'\n'"$(cat last.out)"
}
seed_of() { grep -E '^  "seed": ' "$1/summary.json" | sed -E 's/[^0-9]//g'; }
# The run's files agree: summary.json's seed is runs.csv's seed column and report.html's.
one_run() {
  local dir=$1 seed
  seed=$(seed_of "$dir")
  [ -n "$seed" ] || fail "$dir/summary.json has no seed"
  [ "$(sed -n 2p "$dir/runs.csv" | cut -d, -f2)" = "$seed" ] || fail "$dir: runs.csv is not of seed $seed's run"
  grep -q -- "--seed $seed " "$dir/report.html" || fail "$dir: report.html is not of seed $seed's run"
}
no_leftovers() {
  ! ls -a "$1" | grep -q 'irdrill-\|\.tmp-' || fail "temporary files left in $1: $(ls -a "$1")"
}

case $case_name in
events-device)
  # A character device is written in place, never replaced by a regular file; a full
  # device gives the reason.
  mknod null c 1 3 2>/dev/null || ln -s /dev/null null   # a private /dev/null when root
  expect 0 "" -- run --scenario "$scenario" --events null
  [ -c null ] || fail "the device was replaced: $(ls -l null)"
  expect 3 "irdrill run: error: cannot write '/dev/full': No space left on device" -- \
    run --scenario "$scenario" --events /dev/full
  [ -c /dev/full ] || fail "/dev/full was replaced"
  expect 3 "irdrill replay: error: cannot write '/dev/full': No space left on device" -- \
    replay "$session" --events /dev/full
  ;;
events-fifo)
  # A FIFO is written directly: its reader gets the whole log.
  mkfifo pipe
  cat pipe >got &
  expect 0 "" -- run --scenario "$scenario" --events pipe
  wait
  [ -p pipe ] || fail "the FIFO was replaced"
  tail -1 got | grep -q '"type":"score_total"' || fail "the reader did not get the whole log: $(cat got)"
  ;;
events-symlink)
  # A symlink is followed: its target is written (atomically, in its own directory) and
  # the link stays a link; a dangling link creates its target.
  mkdir real
  echo old >real/events.jsonl
  chmod 640 real/events.jsonl
  ln -s real/events.jsonl link.jsonl
  expect 0 "" -- run --scenario "$scenario" --events link.jsonl
  [ -L link.jsonl ] || fail "the symlink was replaced by a file"
  grep -q '"type":"score_total"' real/events.jsonl || fail "the link's target was not written"
  [ "$(stat -c %a real/events.jsonl)" = 640 ] || fail "the permissions changed: $(stat -c %a real/events.jsonl)"
  ln -s real/new.jsonl dangling.jsonl
  expect 0 "" -- run --scenario "$scenario" --events dangling.jsonl
  [ -L dangling.jsonl ] && [ -s real/new.jsonl ] || fail "a dangling link did not create its target"
  ln -s loop1 loop2; ln -s loop2 loop1
  expect 3 "cannot write 'loop1': Too many levels of symbolic links" -- run --scenario "$scenario" --events loop1
  no_leftovers real; no_leftovers .
  ;;
events-refused)
  # A directory or a socket is refused, with the reason, and left as it was.
  mkdir adir
  expect 3 "cannot write 'adir': it is a directory" -- run --scenario "$scenario" --events adir
  [ -d adir ] || fail "the directory was replaced"
  if command -v python3 >/dev/null; then
    python3 -c 'import socket; socket.socket(socket.AF_UNIX).bind("sock")'
    expect 3 "cannot write 'sock': it is a socket" -- run --scenario "$scenario" --events sock
    [ -S sock ] || fail "the socket was replaced"
  fi
  expect 3 "cannot write 'missing/e.jsonl': No such file or directory" -- \
    run --scenario "$scenario" --events missing/e.jsonl
  ;;
permission)
  # The reason of a refused write (root may write anywhere: skipped then).
  [ "$(id -u)" -ne 0 ] || { echo "skipped: root is not refused"; exit 77; }
  mkdir ro && chmod 555 ro
  expect 3 "cannot write 'ro/e.jsonl': Permission denied" -- run --scenario "$scenario" --events ro/e.jsonl
  expect 3 "cannot write to 'ro/out': cannot create its staging directory in 'ro': Permission denied" -- \
    mc --scenario "$scenario" --runs 2 --out ro/out
  ;;
dir-failure-midway)
  # A write that fails after runs.csv (a file size limit stands in for a full disk):
  # exit 3 with the reason, the previous run's files untouched, nothing left over.
  echo "my notes" >notes.txt
  expect 0 "" -- mc --scenario "$scenario" --runs 6 --seed 5 --out out
  cp notes.txt out/
  before=$(md5sum out/* | md5sum)
  (trap '' XFSZ; ulimit -f 20; "$irdrill" mc --scenario "$scenario" --runs 6 --seed 6 --out out >last.out 2>&1
   echo $? >code)
  [ "$(cat code)" = 3 ] || fail "expected exit 3, got $(cat code): $(cat last.out)"
  grep -q "irdrill mc: error: cannot write 'out/.*': File too large" last.out || fail "no reason: $(cat last.out)"
  [ "$(md5sum out/* | md5sum)" = "$before" ] || fail "the previous output changed"
  no_leftovers .
  # The same, killed by the signal (as by a second Ctrl-C): untouched; the next run
  # removes the staging directory the killed one left and keeps the user's notes.
  (ulimit -f 20; "$irdrill" mc --scenario "$scenario" --runs 6 --seed 6 --out out >last.out 2>&1)
  [ "$(md5sum out/* | md5sum)" = "$before" ] || fail "the previous output changed when killed"
  ls -a | grep -q '^\.out\.irdrill-' || fail "expected the killed run's staging directory"
  expect 0 "" -- mc --scenario "$scenario" --runs 6 --seed 7 --out out
  one_run out
  [ "$(seed_of out)" = 7 ] || fail "the new run is not in place"
  [ "$(cat out/notes.txt)" = "my notes" ] || fail "the user's file was lost"
  no_leftovers .
  ;;
dir-interrupt-twice)
  # Ctrl-C twice at any moment: the directory holds one run's files, never a mix.
  expect 0 "" -- mc --scenario "$scenario" --runs 4 --seed 5 --out out
  for delay in 0.3 0.6 1.0 1.5; do
    set -m
    "$irdrill" mc --scenario "$scenario" --runs 100000 --seed 8 --threads 2 --out out >/dev/null 2>&1 &
    pid=$!
    set +m
    sleep "$delay"
    kill -INT $pid 2>/dev/null
    kill -INT $pid 2>/dev/null
    wait $pid
    one_run out
  done
  ;;
dir-symlink)
  # --out through a symlink replaces the directory it names; the link stays.
  mkdir -p runs/real
  ln -s runs/real latest
  expect 0 "wrote latest/runs.csv" -- mc --scenario "$scenario" --runs 3 --out latest
  [ -L latest ] || fail "the symlink was replaced"
  one_run runs/real
  expect 0 "" -- sweep --scenario "$scenario" --grid alert.hold_s=5,30 --runs 2 --out latest
  [ -L latest ] && [ -s runs/real/sweep.json ] || fail "sweep did not write through the link"
  no_leftovers runs
  ;;
dir-refused)
  # What cannot be an output directory is refused before any work, with the reason.
  echo text >afile
  expect 3 "irdrill mc: error: cannot write to 'afile': it exists and is not a directory" -- \
    mc --scenario "$scenario" --runs 2 --out afile
  [ "$(cat afile)" = text ] || fail "the file was changed"
  mkdir -p keep/sub
  expect 3 "cannot write to 'keep': it holds a directory 'sub' that irdrill did not write" -- \
    compare "$scenario" "$scenario" --runs 2 --out keep
  [ -d keep/sub ] || fail "the sub-directory was removed"
  mkdir here && cd here
  expect 3 "cannot write to '.': it is the working directory or holds it" -- \
    mc --scenario "$scenario" --runs 2 --out .
  expect 3 "cannot write to '..': it is the working directory or holds it" -- \
    mc --scenario "$scenario" --runs 2 --out ..
  cd ..
  expect 3 "cannot create directory 'afile/out': Not a directory" -- \
    sweep --scenario "$scenario" --grid alert.hold_s=5 --runs 1 --out afile/out
  ;;
merge-into-shard)
  # merge --out may name a directory that holds a previous merge and the user's files.
  for i in 0 1; do expect 0 "" -- mc --scenario "$scenario" --runs 6 --seed 4 --shard $i/2 --out s$i; done
  mkdir all && echo "readme" >all/README
  expect 0 "" -- merge --out all s0 s1
  expect 0 "" -- merge --out all s1 s0
  [ "$(cat all/README)" = readme ] || fail "README was lost"
  [ "$(wc -l <all/runs.csv)" -eq 7 ] || fail "runs.csv of the merge has $(wc -l <all/runs.csv) lines"
  no_leftovers .
  ;;
*)
  fail "unknown case $case_name"
  ;;
esac
exit 0
