// Finding and checking the scenario a session was played on (see live_session.hpp).
#include <filesystem>
#include <system_error>

#include "sim/scenario/scenario_hash.hpp"
#include "sim/scenario/scenario_loader.hpp"
#include "sim/session/live_session.hpp"

namespace irdrill::session {
namespace fs = std::filesystem;

namespace {

// A relative path is first looked for beside the session file (sessions are saved next
// to, or in a tree with, their scenarios), then as given, from the working directory.
std::string resolveScenarioPath(const std::string& scenarioPath, const std::string& sessionDir) {
  const fs::path given(scenarioPath);
  if (given.is_absolute() || sessionDir.empty()) return scenarioPath;
  const fs::path besideSession = (fs::path(sessionDir) / given).lexically_normal();
  std::error_code ignored;
  if (fs::exists(besideSession, ignored)) return besideSession.string();
  return scenarioPath;
}

}  // namespace

SessionScenario loadSessionScenario(const SessionDef& session, const std::string& sessionDir) {
  SessionScenario out;
  out.resolvedPath = resolveScenarioPath(session.scenarioPath, sessionDir);

  std::vector<scenario::Override> overrides;
  for (const auto& text : session.overrides) {
    std::string problem;
    if (const auto o = scenario::parseOverride(text, problem)) {
      overrides.push_back(*o);
    } else {
      out.diagnostics.error({}, "the session's override '" + text + "': " + problem);
    }
  }
  if (out.diagnostics.hasErrors()) return out;

  std::error_code ignored;
  if (!fs::exists(out.resolvedPath, ignored)) {
    std::string message = "cannot find the session's scenario: ";
    if (!fs::path(session.scenarioPath).is_absolute() && !sessionDir.empty()) {
      message += "neither '" + (fs::path(sessionDir) / session.scenarioPath).lexically_normal().string() +
                 "' (beside the session) nor '" + session.scenarioPath + "' exists";
    } else {
      message += "'" + session.scenarioPath + "' does not exist";
    }
    out.diagnostics.error({}, message);  // no file to point at: the caller names the session
    return out;
  }

  // An empty hash (a session built in code, not read from a file) is not checked.
  const std::string actualHash = scenario::scenarioHash(out.resolvedPath, overrides);
  if (!session.scenarioHash.empty() && actualHash != session.scenarioHash) {
    out.diagnostics.error({out.resolvedPath, 0, 0},
                          "the scenario is not the one the session was played on: the session expects "
                          "scenario_hash " + session.scenarioHash + ", the file (with the session's overrides) has " +
                              actualHash + "; the decisions would not replay the same exercise");
    return out;
  }

  scenario::LoadResult loaded = scenario::loadScenarioFile(out.resolvedPath, nullptr, overrides);
  out.diagnostics.append(loaded.diagnostics);
  if (loaded.scenario && !loaded.diagnostics.hasErrors()) {
    out.scenario = std::make_shared<const scenario::ScenarioDef>(std::move(*loaded.scenario));
  }
  return out;
}

}  // namespace irdrill::session
