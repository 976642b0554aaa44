# `irdrill replay SESSION --what-if N --out DIR` (docs/cli.md): replications of a session's
# decisions, fresh seeds or from here (included by tests/cli/CMakeLists.txt).
set(WHAT_IF_SESSION ${PROJECT_SOURCE_DIR}/tests/data/sessions/phishing-early-isolate.session.json)
foreach(what_if_case threads fresh-is-mc from-here errors)
  add_test(NAME "cli: replay --what-if ${what_if_case}"
    COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/what_if_checks.sh ${what_if_case} $<TARGET_FILE:irdrill> ${WHAT_IF_SESSION})
endforeach()
