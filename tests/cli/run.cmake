# `irdrill run`: every bundled scenario runs with its default procedure and scores; same
# seed, same event log (included by tests/cli/CMakeLists.txt).
set(SCENARIOS ${PROJECT_SOURCE_DIR}/scenarios)
foreach(name lost-laptop phishing-exfiltration phishing-isolate-first website-defacement insider-usb)
  # With the scenario's own seed: each bundled scenario's default seed plays its incident.
  add_test(NAME "cli: run plays and scores the bundled ${name} scenario (exit 0)"
    COMMAND ${EXPECT} 0 "^incidents: [1-9]"
    -- $<TARGET_FILE:irdrill> run --scenario ${SCENARIOS}/${name}.yaml)
  add_test(NAME "cli: run of ${name} writes the same event log for the same seed"
    COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/run_identical.sh $<TARGET_FILE:irdrill>
      ${SCENARIOS}/${name}.yaml ${CMAKE_CURRENT_BINARY_DIR}/run-identical-${name})
endforeach()
add_test(NAME "cli: run plays the bundled office day with its lost items and scores it (exit 0)"
  COMMAND ${EXPECT} 0 "^office day: 40 people"
  -- $<TARGET_FILE:irdrill> run --scenario ${SCENARIOS}/office-day.yaml --seed 1)
add_test(NAME "cli: run --until stops the clock early (exit 0)"
  COMMAND ${EXPECT} 0 "run to 09:00:00"
  -- $<TARGET_FILE:irdrill> run --scenario ${SCENARIOS}/insider-usb.yaml --until 2h)
add_test(NAME "cli: run with a bad --until is a usage error (exit 2)"
  COMMAND ${EXPECT} 2 "--until 'soon' is not a duration"
  -- $<TARGET_FILE:irdrill> run --scenario ${SCENARIOS}/insider-usb.yaml --until soon)
add_test(NAME "cli: run cannot write its event log into a missing folder (exit 3)"
  COMMAND ${EXPECT} 3 "error"
  -- $<TARGET_FILE:irdrill> run --scenario ${SCENARIOS}/insider-usb.yaml --events /nonexistent-dir/x.jsonl)
add_test(NAME "cli: run --set overrides a value; alert.X is alerts.phone.X"
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/run_set.sh $<TARGET_FILE:irdrill>
    ${SCENARIOS}/office-day.yaml ${CMAKE_CURRENT_BINARY_DIR}/run-set)
add_test(NAME "cli: run with a bad --set is a usage error naming the valid keys (exit 2)"
  COMMAND ${EXPECT} 2 "unknown key 'nosuch' \\(expected one of: rssi_threshold_dbm"
  -- $<TARGET_FILE:irdrill> run --scenario ${SCENARIOS}/insider-usb.yaml --set alert.nosuch=3)
