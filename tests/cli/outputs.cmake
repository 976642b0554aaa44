# Outputs never damage what is there (included by tests/cli/CMakeLists.txt): devices,
# FIFOs, symlinks, refused paths, a failure midway and kills, for every command's outputs.
# The cases are in output_checks.sh; exit 77 there means skipped (e.g. a permission case
# run as root).
set(OUTPUT_CHECKS bash ${CMAKE_CURRENT_SOURCE_DIR}/output_checks.sh)
set(OUTPUT_SCENARIO ${PROJECT_SOURCE_DIR}/tests/data/scenarios/good/mc-small.yaml)
set(OUTPUT_SESSION ${PROJECT_SOURCE_DIR}/tests/data/sessions/phishing-early-isolate.session.json)
foreach(output_case events-device events-fifo events-symlink events-refused permission
        dir-failure-midway dir-interrupt-twice dir-symlink dir-refused merge-into-shard)
  add_test(NAME "cli: outputs: ${output_case}"
    COMMAND ${OUTPUT_CHECKS} ${output_case} $<TARGET_FILE:irdrill> ${OUTPUT_SCENARIO} ${OUTPUT_SESSION})
  set_tests_properties("cli: outputs: ${output_case}" PROPERTIES SKIP_RETURN_CODE 77)
endforeach()
