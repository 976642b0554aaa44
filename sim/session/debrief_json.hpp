// The "debrief" object of a session file (docs/session-format.md#debrief): written and
// read here, hooked into the session's own reader and writer (session_json.cpp), with the
// same located messages ("debrief.improvements[0].owner: expected a string, got a number").
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "sim/core/diagnostics.hpp"
#include "sim/session/debrief_notes.hpp"
#include "sim/session/json_locations.hpp"

namespace irdrill::session {

// The debrief as JSON text laid out for diffs: one key per line, one list element per
// line, every line after the first indented by `indent` spaces (the closing brace too).
// UTF-8 kept as is.
std::string debriefToJsonText(const DebriefNotes& debrief, int indent);

// Reads the value of the "debrief" key (at path "debrief"). Every problem goes to
// `diagnostics`, located through `where`; what is well formed is kept.
DebriefNotes debriefFromJson(const nlohmann::ordered_json& value, const JsonLocations& where,
                             core::Diagnostics& diagnostics);

}  // namespace irdrill::session
