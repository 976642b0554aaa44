# `irdrill aar`: the after-action report of a session (docs/debrief.md), included by
# tests/cli/CMakeLists.txt. The report's structure is tested in tests/debrief/.
set(AAR_SESSION ${PROJECT_SOURCE_DIR}/tests/data/sessions/phishing-hot-wash.session.json)
set(AAR_BAD ${PROJECT_SOURCE_DIR}/tests/data/sessions/bad)

add_test(NAME "cli: aar writes DIR/aar.html for a golden session (exit 0)"
  COMMAND ${EXPECT} 0 "^wrote .*aar-ok/aar.html \\(5 entries, 0 refused when replayed; 0 branches\\)"
  -- $<TARGET_FILE:irdrill> aar ${AAR_SESSION} --out ${CMAKE_CURRENT_BINARY_DIR}/aar-ok)
add_test(NAME "cli: aar without --out is a usage error (exit 2)"
  COMMAND ${EXPECT} 2 "--out is required"
  -- $<TARGET_FILE:irdrill> aar ${AAR_SESSION})
add_test(NAME "cli: aar with an unknown --lang lists the languages (exit 2)"
  COMMAND ${EXPECT} 2 "--lang 'fr' is not a language \\(expected one of: en, ja\\)"
  -- $<TARGET_FILE:irdrill> aar ${AAR_SESSION} --lang fr --out ${CMAKE_CURRENT_BINARY_DIR}/aar-fr)
add_test(NAME "cli: aar with a bad --until is a usage error (exit 2)"
  COMMAND ${EXPECT} 2 "--until 'soon' is not a duration"
  -- $<TARGET_FILE:irdrill> aar ${AAR_SESSION} --until soon --out ${CMAKE_CURRENT_BINARY_DIR}/aar-soon)
add_test(NAME "cli: aar of a session with a malformed debrief points at the field (exit 2)"
  COMMAND ${EXPECT} 2 "bad-debrief.session.json:7:46: error: debrief.participants\\[0\\]\\.role: unknown key 'role' \\(expected one of: name, seat, organisation\\)"
  -- $<TARGET_FILE:irdrill> aar ${AAR_BAD}/bad-debrief.session.json --out ${CMAKE_CURRENT_BINARY_DIR}/aar-bad)
add_test(NAME "cli: aar of a session with a malformed debrief reports every problem, not just the first (exit 2)"
  COMMAND ${EXPECT} 2 "bad-debrief.session.json:8:45: error: debrief.improvements\\[0\\]\\.owner: expected a string, got a number"
  -- $<TARGET_FILE:irdrill> aar ${AAR_BAD}/bad-debrief.session.json --out ${CMAKE_CURRENT_BINARY_DIR}/aar-bad)
add_test(NAME "cli: aar of a missing session file names it (exit 2)"
  COMMAND ${EXPECT} 2 "no-such.session.json: error: cannot read session file"
  -- $<TARGET_FILE:irdrill> aar ${AAR_BAD}/no-such.session.json --out ${CMAKE_CURRENT_BINARY_DIR}/aar-missing)

set(IRDRILL_AAR_RENDER_TEST
  "aar: headless Chromium prints the after-action report with every section heading, in English and Japanese")
add_test(NAME ${IRDRILL_AAR_RENDER_TEST}
  COMMAND bash ${PROJECT_SOURCE_DIR}/tests/debrief/aar_render_test.sh
          $<TARGET_FILE:irdrill> ${AAR_SESSION} ${CMAKE_CURRENT_BINARY_DIR}/aar-render)
set_tests_properties(${IRDRILL_AAR_RENDER_TEST} PROPERTIES
  SKIP_RETURN_CODE 77
  TIMEOUT 300
  LABELS report)

add_test(NAME "cli: aar --what-if 6 adds the replications of the session's decisions (exit 0)"
  COMMAND ${EXPECT} 0 "^wrote .*aar-what-if/aar.html \\(5 entries, 0 refused when replayed; 0 branches; 6 what-if replications\\)"
  -- $<TARGET_FILE:irdrill> aar ${AAR_SESSION} --what-if 6 --threads 2 --out ${CMAKE_CURRENT_BINARY_DIR}/aar-what-if)
add_test(NAME "cli: aar of the two-branch golden session lists both branches (exit 0)"
  COMMAND ${EXPECT} 0 "^wrote .*aar-branches/aar.html \\(.*; 2 branches\\)"
  -- $<TARGET_FILE:irdrill> aar ${PROJECT_SOURCE_DIR}/tests/data/sessions/phishing-two-branches.session.json
     --out ${CMAKE_CURRENT_BINARY_DIR}/aar-branches)
