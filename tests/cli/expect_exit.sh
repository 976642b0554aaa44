#!/usr/bin/env bash
# Usage: expect_exit.sh CODE PATTERN -- COMMAND...
# Runs COMMAND, passes when it exits with CODE and its combined output matches the
# extended regular expression PATTERN (empty pattern: any output).
set -u
want=$1 pattern=$2; shift 3
out=$("$@" 2>&1); got=$?
if [ "$got" -ne "$want" ]; then
  printf 'expected exit %s, got %s from: %s\n%s\n' "$want" "$got" "$*" "$out"; exit 1
fi
if [ -n "$pattern" ] && ! grep -Eq -- "$pattern" <<<"$out"; then
  printf 'output does not match /%s/ from: %s\n%s\n' "$pattern" "$*" "$out"; exit 1
fi
exit 0
