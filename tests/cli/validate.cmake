# `irdrill validate`: exit codes and messages (included by tests/cli/CMakeLists.txt).
set(SCENARIOS ${PROJECT_SOURCE_DIR}/scenarios)
set(BAD ${PROJECT_SOURCE_DIR}/tests/data/scenarios/bad)
add_test(NAME "cli: validate accepts the bundled office day and prints its counts (exit 0)"
  COMMAND ${EXPECT} 0 "office-day.yaml: OK: scenario 'Office day': 1 floor, 10 rooms, 48 desks, 6 gateways, 40 employees, [0-9]+ items, [0-9]+ tags"
  -- $<TARGET_FILE:irdrill> validate ${SCENARIOS}/office-day.yaml)
add_test(NAME "cli: validate reports an unknown key as file:line:col with the valid keys (exit 2)"
  COMMAND ${EXPECT} 2 "unknown-key.yaml:8:30: error: unknown key 'tx_powr_dbm' \\(expected one of: form, interval_ms, tx_power_dbm"
  -- $<TARGET_FILE:irdrill> validate ${BAD}/unknown-key.yaml)
add_test(NAME "cli: validate locates an error inside an included file (exit 2)"
  COMMAND ${EXPECT} 2 "included/office-with-typo.yaml:5:5: error: unknown key 'widht_m'"
  -- $<TARGET_FILE:irdrill> validate ${BAD}/error-in-included-file.yaml)
add_test(NAME "cli: validate fails when any one of several files is invalid (exit 2)"
  COMMAND ${EXPECT} 2 "invalid-yaml.yaml: invalid \\(1 error\\)"
  -- $<TARGET_FILE:irdrill> validate ${SCENARIOS}/office-day.yaml ${BAD}/invalid-yaml.yaml)
add_test(NAME "cli: validate of a missing file names it (exit 2)"
  COMMAND ${EXPECT} 2 "no-such.yaml: error: cannot read scenario file: no such file"
  -- $<TARGET_FILE:irdrill> validate ${BAD}/no-such.yaml)
add_test(NAME "cli: validate without a file is a usage error (exit 2)"
  COMMAND ${EXPECT} 2 "files is required"
  -- $<TARGET_FILE:irdrill> validate)
