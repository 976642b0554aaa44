# `irdrill replay`: session files replayed headless (included by tests/cli/CMakeLists.txt).
# Formats: docs/session-format.md; golden sessions: tests/data/sessions/.
set(SESSIONS ${PROJECT_SOURCE_DIR}/tests/data/sessions)
set(BAD_SESSIONS ${SESSIONS}/bad)

# Each bad session file and the message it must produce.
add_test(NAME "cli: replay of a session that is not valid JSON points at the line (exit 2)"
  COMMAND ${EXPECT} 2 "invalid-json.session.json:5:11: error: not valid JSON: .*expected '}'"
  -- $<TARGET_FILE:irdrill> replay ${BAD_SESSIONS}/invalid-json.session.json)
add_test(NAME "cli: replay of an unknown decision kind names the entry and lists the kinds (exit 2)"
  COMMAND ${EXPECT} 2 "unknown-decision-kind.session.json:7:53: error: entries\\[0\\]\\.decision\\.kind: unknown decision kind 'ignore_alert' \\(expected one of: order_step, skip_step, switch_procedure, call_on_call, react_to_alert, dismiss_alert, mark_report_sent\\)"
  -- $<TARGET_FILE:irdrill> replay ${BAD_SESSIONS}/unknown-decision-kind.session.json)
add_test(NAME "cli: replay of entries whose times go backwards names the entry (exit 2)"
  COMMAND ${EXPECT} 2 "time-backwards.session.json:8:6: error: entries\\[1\\]\\.t_s: d0 11:56:40 is before the previous entry's d0 11:58:00"
  -- $<TARGET_FILE:irdrill> replay ${BAD_SESSIONS}/time-backwards.session.json)
add_test(NAME "cli: replay locates a wrong type in the header (exit 2)"
  COMMAND ${EXPECT} 2 "wrong-types.session.json:5:3: error: seed: expected a whole number >= 0, got a string"
  -- $<TARGET_FILE:irdrill> replay ${BAD_SESSIONS}/wrong-types.session.json)
add_test(NAME "cli: replay reports the wrong types after the first, inside an entry too (exit 2)"
  COMMAND ${EXPECT} 2 "wrong-types.session.json:7:80: error: entries\\[0\\]\\.decision\\.item: expected a string, got a number"
  -- $<TARGET_FILE:irdrill> replay ${BAD_SESSIONS}/wrong-types.session.json)
add_test(NAME "cli: replay of a session whose scenario cannot be found names both places looked (exit 2)"
  COMMAND ${EXPECT} 2 "missing-scenario.session.json: error: cannot find the session's scenario: neither '.*bad/no-such-scenario.yaml' \\(beside the session\\) nor 'no-such-scenario.yaml' exists"
  -- $<TARGET_FILE:irdrill> replay ${BAD_SESSIONS}/missing-scenario.session.json)
add_test(NAME "cli: replay of a missing session file names it (exit 2)"
  COMMAND ${EXPECT} 2 "no-such.session.json: error: cannot read session file"
  -- $<TARGET_FILE:irdrill> replay ${BAD_SESSIONS}/no-such.session.json)
add_test(NAME "cli: replay with a bad --until is a usage error (exit 2)"
  COMMAND ${EXPECT} 2 "--until 'soon' is not a duration"
  -- $<TARGET_FILE:irdrill> replay ${SESSIONS}/phishing-early-isolate.session.json --until soon)
add_test(NAME "cli: replay --until stops the clock early and leaves later entries unplayed (exit 0)"
  COMMAND ${EXPECT} 0 "^session .*: 0 of 2 entries replayed"
  -- $<TARGET_FILE:irdrill> replay ${SESSIONS}/phishing-early-isolate.session.json --until 1h)

add_test(NAME "cli: replay --branch of an unknown branch lists the branches (exit 2)"
  COMMAND ${EXPECT} 2 "phishing-two-branches.session.json: error: --branch 'nope': the session has no such branch \\(expected one of: isolate now, analyse first\\)"
  -- $<TARGET_FILE:irdrill> replay ${SESSIONS}/phishing-two-branches.session.json --branch nope)

# Hash mismatch, --rehash, a refused entry, and the empty session against `irdrill run`.
foreach(name phishing-exfiltration lost-laptop website-defacement)
  add_test(NAME "cli: replay of an empty ${name} session writes run's event log byte for byte; wrong hashes and refused entries exit 2"
    COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/replay_checks.sh $<TARGET_FILE:irdrill>
      ${PROJECT_SOURCE_DIR}/scenarios/${name}.yaml 3 ${CMAKE_CURRENT_BINARY_DIR}/replay-checks-${name})
endforeach()

# Golden sessions: each replays to its checked-in event log and score, byte for byte.
file(GLOB golden_sessions CONFIGURE_DEPENDS ${SESSIONS}/*.session.json)
foreach(golden_session ${golden_sessions})
  get_filename_component(golden_name ${golden_session} NAME_WE)
  add_test(NAME "cli: golden session ${golden_name} replays to its golden event log and score"
    COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/replay_golden.sh $<TARGET_FILE:irdrill> ${golden_session}
      ${CMAKE_CURRENT_BINARY_DIR}/replay-golden-${golden_name})
endforeach()
