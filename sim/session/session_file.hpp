// Reading a session file from disk: the text, parsed by sessionFromJson, with a located
// message when the file cannot be read. Shared by `irdrill replay`, `irdrill mc
// --decisions` and the training app.
#pragma once

#include <optional>
#include <string>

#include "sim/core/diagnostics.hpp"
#include "sim/session/session.hpp"

namespace irdrill::session {

// nullopt with the reason in `diagnostics` when the file cannot be read or is not a session.
std::optional<SessionDef> readSessionFile(const std::string& path, core::Diagnostics& diagnostics);

}  // namespace irdrill::session
