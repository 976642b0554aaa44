// Opening, replaying and saving sessions for the GUI (see session_host.hpp).
#include "session_host.hpp"

#include <unistd.h>

#include <sstream>
#include <system_error>

#include "sim/core/clock_text.hpp"
#include "sim/scenario/scenario_hash.hpp"
#include "sim/scenario/scenario_loader.hpp"

namespace irdrill::gui {
namespace fs = std::filesystem;
namespace {

// Same directory as the target so the rename cannot cross file systems; the pid keeps two
// concurrent runs apart.
// Built by appending: GCC 12 warns (falsely, -Wrestrict) on "literal" + std::string.
fs::path tempPathFor(const fs::path& target) {
  std::string name = ".";
  name += target.filename().string();
  name += ".tmp-";
  name += std::to_string(::getpid());
  return target.parent_path() / name;
}

std::string quotedPath(const fs::path& path) {
  std::string out = "'";
  out += path.string();
  out += '\'';
  return out;
}

std::optional<std::string> refuseNonRegular(const fs::path& path) {
  std::error_code ec;
  const fs::file_status status = fs::symlink_status(path, ec);
  if (ec || status.type() == fs::file_type::not_found) return std::nullopt;
  if (status.type() != fs::file_type::regular) {
    return quotedPath(path) + " exists and is not a regular file (a symlink, device or directory): not replaced";
  }
  return std::nullopt;
}

std::optional<std::string> renameIntoPlace(const fs::path& temp, const fs::path& target) {
  if (auto refused = refuseNonRegular(target)) {
    std::error_code ignored;
    fs::remove(temp, ignored);
    return refused;
  }
  std::error_code ec;
  fs::rename(temp, target, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove(temp, ignored);
    return "cannot move " + quotedPath(target) + " into place: " + ec.message();
  }
  return std::nullopt;
}

std::vector<std::string> formatted(const core::Diagnostics& diagnostics) {
  std::vector<std::string> out;
  for (const auto& d : diagnostics.items()) out.push_back(core::formatDiagnostic(d));
  return out;
}

}  // namespace

std::optional<std::string> writeFileReplacing(const fs::path& path, const std::string& text) {
  if (auto refused = refuseNonRegular(path)) return refused;
  const fs::path temp = tempPathFor(path);
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) {
      std::error_code ignored;
      fs::remove(temp, ignored);
      return "cannot write " + quotedPath(path) + " (does its directory exist and is it writable?)";
    }
  }
  return renameIntoPlace(temp, path);
}

SessionHost::~SessionHost() {
  // A window closed without finish() (an exception) leaves no half-written events file.
  if (eventsFile_.is_open()) {
    eventsFile_.close();
    std::error_code ignored;
    fs::remove(eventsTempPath_, ignored);
  }
}

std::optional<std::string> SessionHost::writeEventsTo(const fs::path& path) {
  if (auto refused = refuseNonRegular(path)) return refused;
  eventsPath_ = path;
  eventsTempPath_ = tempPathFor(path);
  eventsFile_.open(eventsTempPath_, std::ios::binary | std::ios::trunc);
  if (!eventsFile_) return "cannot write " + quotedPath(path) + " (does its directory exist and is it writable?)";
  eventsSink_ = std::make_unique<exercise::JsonLinesEventSink>(eventsFile_);
  return std::nullopt;
}

OpenOutcome SessionHost::start(std::shared_ptr<const scenario::ScenarioDef> scenario, session::SessionDef header) {
  OpenOutcome out;
  if (eventsFile_.is_open()) {
    // One events file holds one exercise: a second scenario opened from the picker starts afresh.
    eventsFile_.seekp(0);
    fs::resize_file(eventsTempPath_, 0);
  }
  if (eventsSink_) {
    // The same header line as `irdrill run` and `irdrill replay` write (docs/cli.md).
    exercise::writeHeaderLine(eventsFile_, {fs::path(header.scenarioPath).filename().string(), scenario->name,
                                            header.scenarioHash, header.seed, header.replication});
  }
  checkpoints_.reset();  // its worker may be building a checkpoint of the old scenario
  checkpoints_ = std::make_unique<session::RewindCheckpoints>(scenario, header);
  live_ = std::make_unique<session::LiveSession>(std::move(scenario), std::move(header), eventsSink_.get());
  out.ok = true;
  return out;
}

OpenOutcome SessionHost::openScenario(const fs::path& path, std::optional<std::uint64_t> seed,
                                      const std::vector<std::string>& overrideTexts) {
  OpenOutcome out;
  std::vector<scenario::Override> overrides;
  for (const auto& text : overrideTexts) {
    std::string problem;
    if (const auto o = scenario::parseOverride(text, problem)) {
      overrides.push_back(*o);
    } else {
      out.messages.push_back("--set " + text + ": " + problem);
    }
  }
  if (!out.messages.empty()) return out;
  scenario::LoadResult loaded = scenario::loadScenarioFile(path.string(), nullptr, overrides);
  out.messages = formatted(loaded.diagnostics);
  if (!loaded.scenario) {
    if (out.messages.empty()) out.messages.push_back(path.string() + ": error: the scenario did not load");
    return out;
  }
  session::SessionDef header;
  header.scenarioPath = path.string();
  header.scenarioHash = scenario::scenarioHash(path.string(), overrides);
  header.seed = seed.value_or(loaded.scenario->defaultSeed);
  header.overrides = overrideTexts;
  title_ = path.filename().string() + ", seed " + std::to_string(header.seed);
  scenarioDir_ = fs::absolute(path).parent_path();
  auto shared = std::make_shared<const scenario::ScenarioDef>(std::move(*loaded.scenario));
  OpenOutcome started = start(std::move(shared), std::move(header));
  started.messages = std::move(out.messages);  // warnings stay visible
  return started;
}

OpenOutcome SessionHost::openSession(const fs::path& path) {
  OpenOutcome out;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    out.messages.push_back(path.string() + ": error: cannot read the session file");
    return out;
  }
  std::stringstream text;
  text << in.rdbuf();
  core::Diagnostics diagnostics;
  const auto def = session::sessionFromJson(text.str(), path.string(), diagnostics);
  out.messages = formatted(diagnostics);
  if (!def || diagnostics.hasErrors()) {
    if (out.messages.empty()) out.messages.push_back(path.string() + ": error: not a session file");
    return out;
  }
  const std::string sessionDir = path.parent_path().string();
  session::SessionScenario loaded = session::loadSessionScenario(*def, sessionDir);
  for (auto& message : formatted(loaded.diagnostics)) out.messages.push_back(std::move(message));
  if (!loaded.scenario || loaded.diagnostics.hasErrors()) return out;

  session::SessionDef header = *def;
  header.scenarioPath = loaded.resolvedPath;
  title_ = path.filename().string() + " (" + fs::path(loaded.resolvedPath).filename().string() + ", seed " +
           std::to_string(def->seed) + ")";
  scenarioDir_ = fs::absolute(loaded.resolvedPath).parent_path();
  OpenOutcome started = start(loaded.scenario, header);
  if (auto refused = live_->replay(def->entries, def->lastUs)) {
    out.messages.push_back(path.string() + ": error: the session does not replay: " + *refused);
    live_.reset();
    return out;
  }
  started.messages = std::move(out.messages);
  return started;
}

std::vector<std::string> SessionHost::scenarioTexts() const {
  std::vector<std::string> texts;
  if (!live_) return texts;
  const scenario::ScenarioDef& s = live_->scenario();
  texts.push_back(s.name);
  texts.push_back(s.description);
  texts.push_back(s.office.name);
  for (const auto& floor : s.office.floors) {
    for (const auto& room : floor.rooms) texts.push_back(room.id);
  }
  for (const auto& place : s.office.offsitePlaces) texts.push_back(place.id);
  for (const auto& employee : s.employees) texts.push_back(employee.id);
  for (const auto& [id, procedure] : s.procedures) {
    texts.push_back(procedure.title);
    for (const auto& step : procedure.steps) texts.push_back(step.title);
  }
  for (const auto& role : s.team.roles) texts.push_back(role.title);
  for (const auto& source : s.incidents) texts.push_back(source.id);
  for (const auto& t : live_->exercise().injectCatalogue()) texts.push_back(t.what);
  return texts;
}

std::optional<std::string> SessionHost::saveSession(const fs::path& path) const {
  if (!live_) return std::string("no session is open: nothing to save");
  session::SessionDef def = live_->session();
  // Relative to the session file's folder (where loadSessionScenario looks first) when the
  // scenario is in that folder's tree, so the pair can be moved together; else absolute,
  // so the file replays from any working directory.
  std::error_code ec;
  const fs::path scenarioAbsolute = fs::absolute(def.scenarioPath, ec).lexically_normal();
  const fs::path sessionDir = fs::absolute(path, ec).parent_path().lexically_normal();
  if (!ec) {
    const fs::path relative = scenarioAbsolute.lexically_relative(sessionDir);
    const bool inTree = !relative.empty() && *relative.begin() != "..";
    def.scenarioPath = inTree ? relative.generic_string() : scenarioAbsolute.generic_string();
  }
  return writeFileReplacing(path, session::sessionToJson(def));
}

void SessionHost::closeEventsAtRewind(OpenOutcome& out) {
  if (!eventsFile_.is_open()) return;
  const std::string at = core::clockText(live_->now());
  if (auto error = finish()) {
    out.messages.push_back(*error);
  } else {
    // The rebuilt session has no forward sink (LiveSession takes it only when made): the
    // file stays the run as played up to here, and later branches are not written to it.
    out.messages.push_back(quotedPath(*eventsPath_) + " closed at " + at +
                           ": an events file holds one unbranched run; `irdrill replay --branch NAME --events FILE` "
                           "writes any branch's");
  }
  eventsSink_.reset();
  eventsPath_.reset();
}

OpenOutcome SessionHost::rewind(session::RewindPoint point) {
  OpenOutcome out;
  if (!live_) return out;
  std::unique_ptr<session::LiveSession> rewound;
  try {
    rewound = session::rewindSession(*live_, point, checkpoints_.get());
  } catch (const std::exception& e) {
    out.messages.push_back(std::string("the rewind failed: ") + e.what());
    return out;
  }
  closeEventsAtRewind(out);
  live_ = std::move(rewound);
  out.ok = true;
  return out;
}

OpenOutcome SessionHost::switchBranch(const std::string& branchName) {
  OpenOutcome out;
  if (!live_) return out;
  std::unique_ptr<session::LiveSession> switched;
  try {
    switched = session::switchToBranch(*live_, branchName, checkpoints_.get());
  } catch (const std::exception& e) {
    out.messages.push_back("cannot switch to '" + branchName + "': " + e.what());
    return out;
  }
  closeEventsAtRewind(out);
  live_ = std::move(switched);
  out.ok = true;
  return out;
}

void SessionHost::followCheckpoints() {
  if (live_ && checkpoints_) checkpoints_->follow(live_->log(), live_->now());
}

std::optional<std::string> SessionHost::finish() {
  if (!eventsFile_.is_open()) return std::nullopt;
  if (live_) exercise::writeScoreLines(eventsFile_, live_->exercise().score());
  eventsFile_.flush();
  const bool good = static_cast<bool>(eventsFile_);
  eventsFile_.close();
  if (!good) {
    std::error_code ignored;
    fs::remove(eventsTempPath_, ignored);
    return "cannot write " + quotedPath(*eventsPath_);
  }
  return renameIntoPlace(eventsTempPath_, *eventsPath_);
}

}  // namespace irdrill::gui
