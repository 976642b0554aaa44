#include "sim/session/session_file.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace irdrill::session {

std::optional<SessionDef> readSessionFile(const std::string& path, core::Diagnostics& diagnostics) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diagnostics.error({path, 0, 0}, std::string("cannot read session file: ") + std::strerror(errno));
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  auto session = sessionFromJson(text.str(), path, diagnostics);
  if (diagnostics.hasErrors()) return std::nullopt;
  return session;
}

}  // namespace irdrill::session
