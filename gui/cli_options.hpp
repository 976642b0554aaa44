// Command-line options of irdrill-gui (CLI11, as the `irdrill` command line) and the
// --help text with the exit codes. Parsing only: files are opened later.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "sim/core/time.hpp"
#include "sim/text/catalogue.hpp"

namespace irdrill::gui {

struct GuiOptions {
  std::optional<std::filesystem::path> scenario;  // --scenario FILE
  std::optional<std::filesystem::path> session;   // --session FILE (excludes the four below)
  std::optional<std::uint64_t> seed;
  std::vector<std::string> overrides;  // --set PATH=VALUE, in order
  std::optional<std::filesystem::path> play;         // --play SCRIPT.jsonl
  std::optional<core::TimeUs> untilUs;               // --until DURATION, parsed
  std::optional<std::filesystem::path> saveSession;  // --save-session OUT.json
  std::optional<std::filesystem::path> events;       // --events OUT.jsonl
  std::optional<std::filesystem::path> screenshot;   // --screenshot OUT.png
  std::optional<std::filesystem::path> uiDump;       // --ui-dump OUT.json
  // Unset means: until the window is closed (or the script ends), or
  // kDefaultScreenshotFrames with --screenshot.
  std::optional<int> frames;
  float uiScale = 1.0f;
  text::Language language = text::Language::English;  // --lang en|ja

  // No person at the keyboard: a scenario or session that does not load is an error
  // (exit 2) instead of a message in the picker.
  bool nonInteractive() const { return screenshot.has_value() || play.has_value(); }
};

// ImGui needs a couple of frames before windows have their final size and position.
inline constexpr int kDefaultScreenshotFrames = 3;
inline constexpr int kMaxFrames = 1'000'000;

struct ParseOutcome {
  GuiOptions options;
  bool showHelp = false;
  std::optional<std::string> error;  // set on bad usage; options are then meaningless
};

// argv[0] is the program name.
ParseOutcome parseCommandLine(int argc, const char* const* argv);

std::string usageText();

}  // namespace irdrill::gui
