# Inputs that must neither hang nor eat the machine (included by tests/cli/CMakeLists.txt):
# every input of every command is a regular file within its size limit, else exit 2 with
# the reason; an alias bomb with --set is refused at once. Loader cases with their
# messages: tests/data/scenarios/bad/ and tests/scenario/hostile_inputs_test.cpp.
set(INPUT_BAD ${PROJECT_SOURCE_DIR}/tests/data/scenarios/bad)
add_test(NAME "cli: inputs: radio fit refuses /dev/zero (exit 2)"
  COMMAND ${EXPECT} 2 "/dev/zero: error: cannot open the file: not a regular file \\(it is a character device\\)"
  -- $<TARGET_FILE:irdrill> radio fit /dev/zero)
add_test(NAME "cli: inputs: radio fit refuses a FIFO without waiting for a writer (exit 2)"
  COMMAND bash -c "d=$(mktemp -d) && mkfifo \"$d/m.csv\" && timeout 10 \"$0\" radio fit \"$d/m.csv\" 2>&1 | grep -q 'not a regular file (it is a FIFO)'; r=$?; rm -rf \"$d\"; exit $r"
    $<TARGET_FILE:irdrill>)
add_test(NAME "cli: inputs: replay refuses a session file that is a device (exit 2)"
  COMMAND ${EXPECT} 2 "/dev/urandom: error: cannot read session file: not a regular file"
  -- $<TARGET_FILE:irdrill> replay /dev/urandom)
add_test(NAME "cli: inputs: mc --decisions refuses a device (exit 2)"
  COMMAND ${EXPECT} 2 "/dev/zero: error: cannot read session file: not a regular file"
  -- $<TARGET_FILE:irdrill> mc --scenario ${PROJECT_SOURCE_DIR}/tests/data/scenarios/good/mc-small.yaml
     --runs 1 --decisions /dev/zero --out ${CMAKE_CURRENT_BINARY_DIR}/inputs-decisions)
add_test(NAME "cli: inputs: validate refuses a device as a scenario (exit 2)"
  COMMAND ${EXPECT} 2 "/dev/zero: error: cannot read scenario file: not a regular file \\(it is a character device\\)"
  -- $<TARGET_FILE:irdrill> validate /dev/zero)
add_test(NAME "cli: inputs: an alias bomb with --set is refused at once, naming the limit (exit 2)"
  COMMAND ${EXPECT} 2 "alias-bomb\\.yaml:6:26: error: the document is too large: more than 2000000 values with YAML aliases expanded"
  -- $<TARGET_FILE:irdrill> mc --scenario ${INPUT_BAD}/alias-bomb.yaml --runs 1 --set alerts.phone.hold_s=20
     --out ${CMAKE_CURRENT_BINARY_DIR}/inputs-bomb)
set_tests_properties("cli: inputs: an alias bomb with --set is refused at once, naming the limit (exit 2)"
  PROPERTIES TIMEOUT 10)
add_test(NAME "cli: inputs: merge refuses a shard whose files are devices (exit 2)"
  COMMAND bash -c "d=$(mktemp -d) && ln -s /dev/zero \"$d/summary.json\" && \"$0\" merge --out \"$d/m\" \"$d\" 2>&1 | grep -q 'summary.json: error: cannot read the file: not a regular file'; r=$?; rm -rf \"$d\"; exit $r"
    $<TARGET_FILE:irdrill>)
