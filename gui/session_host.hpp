// The session the GUI plays: opening a scenario (with seed and --set overrides) or a saved
// session (replayed to its last time), the optional --events file, and saving. Failures
// come back as located messages for the window (and stderr), never as a crash.
#pragma once

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sim/exercise/event_log_jsonl.hpp"
#include "sim/session/live_session.hpp"
#include "sim/session/rewind.hpp"

namespace irdrill::gui {

struct OpenOutcome {
  bool ok = false;
  std::vector<std::string> messages;  // "file:line:col: error: ..." or a refused entry
};

class SessionHost {
 public:
  SessionHost() = default;
  ~SessionHost();
  SessionHost(const SessionHost&) = delete;
  SessionHost& operator=(const SessionHost&) = delete;

  // Every event of every session opened from now on is written to `path` as JSON Lines
  // (the format of `irdrill run --events`), closed with the score lines by finish().
  // The file appears only then, complete (temp file + rename).
  std::optional<std::string> writeEventsTo(const std::filesystem::path& path);

  OpenOutcome openScenario(const std::filesystem::path& path, std::optional<std::uint64_t> seed,
                           const std::vector<std::string>& overrides);
  OpenOutcome openSession(const std::filesystem::path& path);

  bool isOpen() const { return live_ != nullptr; }
  session::LiveSession& live() { return *live_; }
  const session::LiveSession& live() const { return *live_; }
  // "phishing-exfiltration.yaml, seed 1"
  const std::string& title() const { return title_; }
  // Texts the fonts must be able to show: the scenario's names and titles.
  std::vector<std::string> scenarioTexts() const;

  // Writes the session (sessionToJson) through a temporary file renamed over `path`; a
  // symlink, device or directory at `path` is refused, never replaced.
  std::optional<std::string> saveSession(const std::filesystem::path& path) const;
  // Ends the session (the picker shows again); call finish() first to keep its events.
  void close() {
    checkpoints_.reset();
    live_.reset();
  }

  // Rewinding and branches (docs/gui.md#rewind-and-branches): each swaps in the session the
  // library call returns (session::rewindSession, switchToBranch) and keeps the old one on
  // failure. The --events file holds one unbranched run, so the first rewind or switch
  // closes it (with the score as of that moment) and says so in the messages.
  OpenOutcome rewind(session::RewindPoint point);
  OpenOutcome switchBranch(const std::string& branchName);
  // Called once a frame: the checkpoints follow the current branch's log and clock.
  void followCheckpoints();
  // Closes the events file with the score as of now. Idempotent.
  std::optional<std::string> finish();

 private:
  OpenOutcome start(std::shared_ptr<const scenario::ScenarioDef> scenario, session::SessionDef header);
  // The events file closed before the session is replaced by a rewind or a switch.
  void closeEventsAtRewind(OpenOutcome& out);

  std::unique_ptr<session::LiveSession> live_;
  // Whole paused runs every 30 simulated minutes of the current branch, so a rewind replays
  // little (session/rewind.hpp); a worker thread keeps them up to the clock.
  std::unique_ptr<session::RewindCheckpoints> checkpoints_;
  std::string title_;
  std::filesystem::path scenarioDir_;  // to make the saved scenario path relative

  std::optional<std::filesystem::path> eventsPath_;
  std::filesystem::path eventsTempPath_;
  std::ofstream eventsFile_;
  std::unique_ptr<exercise::JsonLinesEventSink> eventsSink_;
};

// Refuses to replace anything but a regular file (or nothing); then writes `text` to a
// temporary file beside `path` and renames it into place.
std::optional<std::string> writeFileReplacing(const std::filesystem::path& path, const std::string& text);

}  // namespace irdrill::gui
