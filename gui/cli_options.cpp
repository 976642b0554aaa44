// Parses irdrill-gui's command line and builds its --help text.
#include "cli_options.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <sstream>

namespace irdrill::gui {
namespace {

// A generous cap that still keeps a typo like --frames 30000000 from hanging a CI job.
constexpr int kMaxFrames = 1'000'000;

bool has_png_extension(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".png";
}

std::optional<int> parse_frame_count(std::string_view text) {
  int value = 0;
  const char* const end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc{} || ptr != end || value < 1 || value > kMaxFrames) {
    return std::nullopt;
  }
  return value;
}

// Splits "--flag=value" so both "--flag value" and "--flag=value" are accepted.
struct FlagToken {
  std::string_view name;
  std::optional<std::string_view> inline_value;
};

FlagToken split_flag(std::string_view arg) {
  const auto eq = arg.find('=');
  if (arg.starts_with("--") && eq != std::string_view::npos) {
    return {arg.substr(0, eq), arg.substr(eq + 1)};
  }
  return {arg, std::nullopt};
}

}  // namespace

ParseOutcome parse_command_line(std::span<const std::string_view> args) {
  ParseOutcome out;
  auto fail = [&out](std::string message) {
    out.error = std::move(message);
    return out;
  };

  for (std::size_t i = 0; i < args.size(); ++i) {
    const FlagToken flag = split_flag(args[i]);

    // Fetches the value of a flag that takes one, from "=value" or the next argument.
    auto take_value = [&]() -> std::optional<std::string_view> {
      if (flag.inline_value) return flag.inline_value;
      if (i + 1 < args.size()) return args[++i];
      return std::nullopt;
    };

    if (flag.name == "--help" || flag.name == "-h") {
      if (flag.inline_value) return fail("--help takes no value");
      out.options.show_help = true;
    } else if (flag.name == "--screenshot") {
      if (out.options.screenshot) return fail("--screenshot given more than once");
      const auto value = take_value();
      if (!value || value->empty()) return fail("--screenshot needs a FILE.png argument");
      std::filesystem::path path{std::string(*value)};
      // SFML picks the image encoder from the extension, so anything else would silently
      // be written in another format or fail late, after the window was opened.
      if (!has_png_extension(path)) {
        return fail("--screenshot file must end in .png: '" + std::string(*value) + "'");
      }
      out.options.screenshot = std::move(path);
    } else if (flag.name == "--frames") {
      if (out.options.frames) return fail("--frames given more than once");
      const auto value = take_value();
      if (!value) return fail("--frames needs a number argument");
      const auto frames = parse_frame_count(*value);
      if (!frames) {
        return fail("--frames expects a whole number from 1 to " + std::to_string(kMaxFrames) +
                    ", got '" + std::string(*value) + "'");
      }
      out.options.frames = frames;
    } else if (flag.name.starts_with("-")) {
      return fail("unknown option '" + std::string(args[i]) + "'");
    } else {
      return fail("unexpected argument '" + std::string(args[i]) + "'");
    }
  }
  return out;
}

std::string usage_text(std::string_view program_name) {
  std::ostringstream text;
  text << "Usage: " << program_name << " [--screenshot FILE.png] [--frames N] [--help]\n"
       << "\n"
       << "irdrill training GUI: opens a window with the office floor plan and a status panel.\n"
       << "\n"
       << "Options:\n"
       << "  --screenshot FILE.png  render a few frames, save the window contents to FILE.png\n"
       << "                         and exit. FILE.png is replaced atomically: a failed save\n"
       << "                         leaves no partial file behind.\n"
       << "  --frames N             render N frames (1.." << kMaxFrames << ") and exit; with\n"
       << "                         --screenshot, the picture is taken on frame N (default "
       << kDefaultScreenshotFrames << ").\n"
       << "                         Without either flag the window stays until it is closed.\n"
       << "  -h, --help             print this help and exit.\n"
       << "\n"
       << "Exit codes:\n"
       << "  0  success\n"
       << "  1  internal error (a bug; please report it)\n"
       << "  2  bad usage (unknown option, missing or invalid value)\n"
       << "  3  the screenshot could not be written\n"
       << "  4  the window could not be opened (no X display, no OpenGL)\n";
  return text.str();
}

}  // namespace irdrill::gui
