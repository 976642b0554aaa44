#include "sim/session/session_file.hpp"

#include "sim/core/input_file.hpp"

namespace irdrill::session {

std::optional<SessionDef> readSessionFile(const std::string& path, core::Diagnostics& diagnostics) {
  // Only a regular file within the size limit (input_file.hpp): never a device or a FIFO.
  std::string problem;
  const auto text = core::readInputFile(path, core::kSessionFileMaxBytes, "a session file", problem);
  if (!text) {
    diagnostics.error({path, 0, 0}, "cannot read session file: " + problem);
    return std::nullopt;
  }
  auto session = sessionFromJson(*text, path, diagnostics);
  if (diagnostics.hasErrors()) return std::nullopt;
  return session;
}

}  // namespace irdrill::session
