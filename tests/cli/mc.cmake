# `irdrill mc`, `merge` and `compare` (included by tests/cli/CMakeLists.txt): exit codes
# and messages with the EXPECT helper, file-level checks with mc_checks.sh.
set(MC_SCENARIO ${PROJECT_SOURCE_DIR}/tests/data/scenarios/good/mc-small.yaml)
set(MC_CHECKS bash ${CMAKE_CURRENT_SOURCE_DIR}/mc_checks.sh)

foreach(mc_case threads merge merge-errors sigint set compare-self compare-set)
  add_test(NAME "cli: mc checks: ${mc_case}"
    COMMAND ${MC_CHECKS} ${mc_case} $<TARGET_FILE:irdrill> ${MC_SCENARIO})
endforeach()
set_tests_properties("cli: mc checks: threads" "cli: mc checks: merge" "cli: mc checks: sigint"
  PROPERTIES DESCRIPTION "same bytes on any thread count; shards merge into one run; Ctrl-C writes a partial run")

add_test(NAME "cli: mc --set with a misspelt key is located at the option (exit 2)"
  COMMAND ${EXPECT} 2 "--set alerts\\.phone\\.rssi_thresh: error: unknown key 'rssi_thresh' \\(expected one of: rssi_threshold_dbm"
  -- $<TARGET_FILE:irdrill> mc --scenario ${MC_SCENARIO} --runs 2 --out ${CMAKE_CURRENT_BINARY_DIR}/mc-bad-set
     --set alerts.phone.rssi_thresh=-80)
add_test(NAME "cli: mc --set with a bad value is a type error at the option (exit 2)"
  COMMAND ${EXPECT} 2 "--set alerts\\.phone\\.hold_s=soon: error: expected a number for 'hold_s', got 'soon'"
  -- $<TARGET_FILE:irdrill> mc --scenario ${MC_SCENARIO} --runs 2 --out ${CMAKE_CURRENT_BINARY_DIR}/mc-bad-set
     --set alerts.phone.hold_s=soon)
add_test(NAME "cli: mc --set without '=' is a usage error (exit 2)"
  COMMAND ${EXPECT} 2 "irdrill mc: error: --set alerts\\.phone\\.hold_s: expected PATH=VALUE"
  -- $<TARGET_FILE:irdrill> mc --scenario ${MC_SCENARIO} --runs 2 --out ${CMAKE_CURRENT_BINARY_DIR}/mc-bad-set
     --set alerts.phone.hold_s)
add_test(NAME "cli: mc --shard out of range is a usage error (exit 2)"
  COMMAND ${EXPECT} 2 "--shard '3/3': expected INDEX/COUNT"
  -- $<TARGET_FILE:irdrill> mc --scenario ${MC_SCENARIO} --runs 2 --shard 3/3 --out ${CMAKE_CURRENT_BINARY_DIR}/mc-bad-shard)
add_test(NAME "cli: mc with an invalid scenario prints located errors (exit 2)"
  COMMAND ${EXPECT} 2 "unknown-key\\.yaml:8:30: error: unknown key 'tx_powr_dbm'"
  -- $<TARGET_FILE:irdrill> mc --scenario ${PROJECT_SOURCE_DIR}/tests/data/scenarios/bad/unknown-key.yaml
     --runs 2 --out ${CMAKE_CURRENT_BINARY_DIR}/mc-bad-scenario)
add_test(NAME "cli: mc into a directory that cannot be created is an I/O error (exit 3)"
  COMMAND ${EXPECT} 3 "cannot create directory"
  -- $<TARGET_FILE:irdrill> mc --scenario ${MC_SCENARIO} --runs 2 --out /dev/null/mc)
add_test(NAME "cli: merge of a directory without summary.json names the file (exit 2)"
  COMMAND ${EXPECT} 2 "summary\\.json: error: cannot read the file"
  -- $<TARGET_FILE:irdrill> merge --out ${CMAKE_CURRENT_BINARY_DIR}/mc-merge-none ${CMAKE_CURRENT_BINARY_DIR}/no-such-shard)
add_test(NAME "cli: compare of scenarios with different metrics or a bad file fails (exit 2)"
  COMMAND ${EXPECT} 2 "unknown-key\\.yaml:8:30: error"
  -- $<TARGET_FILE:irdrill> compare ${MC_SCENARIO} ${PROJECT_SOURCE_DIR}/tests/data/scenarios/bad/unknown-key.yaml --runs 2)
# Readable option errors and refusals (issue 11).
add_test(NAME "cli: mc --runs 0 says the bound, not a 300-digit range (exit 2)"
  COMMAND ${EXPECT} 2 "--runs: must be at least 1, got 0"
  -- $<TARGET_FILE:irdrill> mc --scenario ${MC_SCENARIO} --runs 0 --out ${CMAKE_CURRENT_BINARY_DIR}/mc-runs-0)
add_test(NAME "cli: an unknown subcommand is named with the valid ones (exit 2)"
  COMMAND ${EXPECT} 2 "irdrill: error: unknown subcommand 'foo' \\(expected one of: .*mc, compare, merge, sweep"
  -- $<TARGET_FILE:irdrill> foo)
add_test(NAME "cli: compare refuses scenarios that are not variants of one (exit 2)"
  COMMAND ${EXPECT} 2 "- the people differ \\(A: "
  -- $<TARGET_FILE:irdrill> compare ${PROJECT_SOURCE_DIR}/scenarios/office-day.yaml
     ${PROJECT_SOURCE_DIR}/scenarios/lost-laptop.yaml --runs 2)
