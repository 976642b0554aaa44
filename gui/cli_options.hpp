// Command-line options of irdrill-gui: a hand-written parser (the GUI has only a handful
// of flags, so it does not need CLI11) and the --help text.
#pragma once

#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace irdrill::gui {

struct GuiOptions {
  bool show_help = false;
  std::optional<std::filesystem::path> screenshot;
  // Unset means: until the window is closed, or kDefaultScreenshotFrames with --screenshot.
  std::optional<int> frames;
};

// ImGui needs a couple of frames before windows have their final size and position.
inline constexpr int kDefaultScreenshotFrames = 3;

struct ParseOutcome {
  GuiOptions options;
  std::optional<std::string> error;  // set on bad usage; options are then meaningless
};

// args excludes the program name.
ParseOutcome parse_command_line(std::span<const std::string_view> args);

std::string usage_text(std::string_view program_name);

}  // namespace irdrill::gui
