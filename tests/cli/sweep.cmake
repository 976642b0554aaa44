# `irdrill sweep` (included by tests/cli/CMakeLists.txt): a small trace-mode grid and a
# full-mode one, the same files on any number of threads, and located messages for bad
# grids.
set(SWEEP_SCENARIO ${PROJECT_SOURCE_DIR}/tests/data/scenarios/good/mc-small.yaml)
set(SWEEP_OUT ${CMAKE_CURRENT_BINARY_DIR}/sweep)
add_test(NAME "cli: sweep of a 3 x 2 phone-rule grid runs in trace mode and recommends a setting (exit 0)"
  COMMAND ${EXPECT} 0 "^recommended \\(false alarms per person-day <= 0.5\\): alerts.phone.rssi_threshold_dbm = "
  -- $<TARGET_FILE:irdrill> sweep --scenario ${SWEEP_SCENARIO} --grid alert.rssi_threshold_dbm=-90:-70:10
     --grid alert.hold_s=5,30 --runs 10 --out ${SWEEP_OUT}/trace)
add_test(NAME "cli: sweep over a non-rule key runs in full mode (exit 0)"
  COMMAND ${EXPECT} 0 "full mode"
  -- $<TARGET_FILE:irdrill> sweep --scenario ${SWEEP_SCENARIO} --grid reaction.respond_probability=0.5,1
     --runs 4 --out ${SWEEP_OUT}/full)
add_test(NAME "cli: sweep says so when no grid point meets the constraint (exit 0)"
  COMMAND ${EXPECT} 0 "no recommended setting: no grid point meets the constraint \\(false alarms per person-day <= 0.5 and detection probability >= 1\\)"
  -- $<TARGET_FILE:irdrill> sweep --scenario ${SWEEP_SCENARIO} --grid alert.rssi_threshold_dbm=-70
     --runs 3 --max-false-alarms 0.5 --min-detection 1 --out ${SWEEP_OUT}/none)
add_test(NAME "cli: sweep writes the same files on one thread and on three"
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/sweep_identical.sh $<TARGET_FILE:irdrill>
    ${SWEEP_SCENARIO} ${SWEEP_OUT}/identical)
add_test(NAME "cli: sweep with a malformed --grid is a usage error (exit 2)"
  COMMAND ${EXPECT} 2 "--grid alert.hold_s=5:60: a range is START:STOP:STEP"
  -- $<TARGET_FILE:irdrill> sweep --scenario ${SWEEP_SCENARIO} --grid alert.hold_s=5:60 --runs 1 --out ${SWEEP_OUT}/bad)
add_test(NAME "cli: sweep reports a bad grid value at its --grid option (exit 2)"
  COMMAND ${EXPECT} 2 "^--grid alert.hold_s=-5,10: error: 'hold_s' must be >= 0, got -5 \\(grid value -5\\)"
  -- $<TARGET_FILE:irdrill> sweep --scenario ${SWEEP_SCENARIO} --grid alert.hold_s=-5,10 --runs 1 --out ${SWEEP_OUT}/bad)
add_test(NAME "cli: sweep reports an unknown grid key at its --grid option (exit 2)"
  COMMAND ${EXPECT} 2 "^--grid alert.hold=1,2: error: unknown key 'hold'"
  -- $<TARGET_FILE:irdrill> sweep --scenario ${SWEEP_SCENARIO} --grid alert.hold=1,2 --runs 1 --out ${SWEEP_OUT}/bad)
add_test(NAME "cli: sweep --mode trace refuses a key outside the phone rule (exit 2)"
  COMMAND ${EXPECT} 2 "--mode trace: --grid reaction.respond_probability=0.5,1 does not sweep the phone's rule"
  -- $<TARGET_FILE:irdrill> sweep --scenario ${SWEEP_SCENARIO} --grid reaction.respond_probability=0.5,1
     --mode trace --runs 1 --out ${SWEEP_OUT}/bad)
add_test(NAME "cli: sweep cannot write into a path under a file (exit 3)"
  COMMAND ${EXPECT} 3 "error"
  -- $<TARGET_FILE:irdrill> sweep --scenario ${SWEEP_SCENARIO} --grid alert.hold_s=5 --runs 1
     --out ${SWEEP_SCENARIO}/out)
add_test(NAME "cli: sweep stopped by SIGTERM writes partial files and exits 130"
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/sweep_interrupt.sh $<TARGET_FILE:irdrill>
    ${SWEEP_SCENARIO} ${SWEEP_OUT}/interrupt)
