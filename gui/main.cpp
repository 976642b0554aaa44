// Entry point of irdrill-gui: turns the command line into a run of the window loop and
// every way that run can end into one of the documented exit codes.
#include "app_window.hpp"
#include "cli_options.hpp"
#include "display_probe.hpp"
#include "exit_codes.hpp"
#include "screenshot.hpp"

#include <exception>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace {

using irdrill::gui::ExitCode;

constexpr std::string_view kProgram = "irdrill-gui";

ExitCode report(ExitCode code, std::string_view message) {
  std::cerr << kProgram << ": error: " << message << '\n';
  return code;
}

ExitCode run(int argc, char** argv) {
  const std::vector<std::string_view> args(argv + (argc > 0 ? 1 : 0), argv + argc);
  const auto parsed = irdrill::gui::parse_command_line(args);
  if (parsed.error) {
    std::cerr << kProgram << ": error: " << *parsed.error << '\n'
              << "Try '" << kProgram << " --help' for more information.\n";
    return ExitCode::bad_usage;
  }
  const irdrill::gui::GuiOptions& options = parsed.options;
  if (options.show_help) {
    std::cout << irdrill::gui::usage_text(kProgram);
    return ExitCode::ok;
  }

  if (const auto reason = irdrill::gui::display_unavailable_reason()) {
    return report(ExitCode::window_failed, "cannot open the window: " + *reason);
  }

  std::optional<int> frame_limit = options.frames;
  if (options.screenshot && !frame_limit) {
    frame_limit = irdrill::gui::kDefaultScreenshotFrames;
  }

  try {
    irdrill::gui::AppWindow app;
    for (int frame = 1; !frame_limit || frame <= *frame_limit; ++frame) {
      if (!app.poll_events()) {
        if (options.screenshot) {
          return report(ExitCode::screenshot_failed,
                        "the window was closed before the screenshot was taken");
        }
        return ExitCode::ok;
      }
      app.render_frame();
      if (options.screenshot && frame_limit && frame == *frame_limit) {
        if (const auto error = irdrill::gui::save_window_png(app.window(), *options.screenshot)) {
          return report(ExitCode::screenshot_failed, *error);
        }
      }
      app.present();
    }
  } catch (const irdrill::gui::WindowOpenError& e) {
    return report(ExitCode::window_failed, std::string("cannot open the window: ") + e.what());
  }
  return ExitCode::ok;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return static_cast<int>(run(argc, argv));
  } catch (const std::exception& e) {
    return static_cast<int>(report(ExitCode::internal_error, e.what()));
  }
}
