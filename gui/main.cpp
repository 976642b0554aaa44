// Entry point of irdrill-gui: the command line, the frame loop with its scripted input
// (--play), screenshots and dumps, and every way a run can end as a documented exit code.
#include "app_window.hpp"
#include "cli_options.hpp"
#include "display_probe.hpp"
#include "exit_codes.hpp"
#include "input_script.hpp"
#include "screenshot.hpp"
#include "session_host.hpp"
#include "shell.hpp"

#include <SFML/System/String.hpp>
#include <SFML/Window/Event.hpp>
#include <SFML/Window/VideoMode.hpp>

#include <algorithm>
#include <deque>
#include <exception>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

// Set by gui/CMakeLists.txt: the source tree, whose scenarios/ the picker lists.
#ifndef IRDRILL_SOURCE_DIR
#define IRDRILL_SOURCE_DIR "."
#endif

namespace {

using irdrill::gui::ExitCode;
namespace gui = irdrill::gui;

constexpr std::string_view kProgram = "irdrill-gui";
constexpr unsigned kWindowWidthPx = 1600;
constexpr unsigned kWindowHeightPx = 900;

ExitCode report(ExitCode code, std::string_view message) {
  std::cerr << kProgram << ": error: " << message << '\n';
  return code;
}

std::optional<sf::Keyboard::Key> keyNamed(const std::string& name) {
  static const std::pair<const char*, sf::Keyboard::Key> kKeys[] = {
      {"space", sf::Keyboard::Space},   {"enter", sf::Keyboard::Enter},   {"escape", sf::Keyboard::Escape},
      {"tab", sf::Keyboard::Tab},       {"backspace", sf::Keyboard::Backspace}, {"f2", sf::Keyboard::F2},
      {"left", sf::Keyboard::Left},     {"right", sf::Keyboard::Right}, {"up", sf::Keyboard::Up},
      {"down", sf::Keyboard::Down},     {"delete", sf::Keyboard::Delete}, {"home", sf::Keyboard::Home},
      {"end", sf::Keyboard::End}};
  for (const auto& [keyName, key] : kKeys) {
    if (name == keyName) return key;
  }
  return std::nullopt;
}

sf::Event keyEvent(sf::Keyboard::Key key, bool pressed) {
  sf::Event event{};
  event.type = pressed ? sf::Event::KeyPressed : sf::Event::KeyReleased;
  event.key.code = key;
  return event;
}

// Events held back to later frames: deferred[0] is fed at the start of the next frame,
// deferred[1] at the one after.
using DeferredEvents = std::deque<std::vector<sf::Event>>;

void deferEvent(DeferredEvents& deferred, std::size_t framesLater, const sf::Event& event) {
  while (deferred.size() < framesLater) deferred.emplace_back();
  deferred[framesLater - 1].push_back(event);
}

// Feeds one scripted input to the window as the events a person would cause, spread over
// frames as a person's are: ImGui sees a key or a button only if it is down when a frame
// starts, and a click lands where the pointer was in the frame before (hovering decides
// which widget takes the press). So a click moves the pointer now, presses next frame and
// releases the frame after; a key is pressed now and released next frame.
void feedScriptInput(gui::AppWindow& app, const gui::ScriptInput& input, DeferredEvents& deferred) {
  sf::Event event{};
  switch (input.kind) {
    case gui::ScriptInput::Kind::MouseMove:
    case gui::ScriptInput::Kind::Click:
      event.type = sf::Event::MouseMoved;
      event.mouseMove.x = static_cast<int>(input.xPx);
      event.mouseMove.y = static_cast<int>(input.yPx);
      app.feedEvent(event);
      if (input.kind == gui::ScriptInput::Kind::Click) {
        event.type = sf::Event::MouseButtonPressed;
        event.mouseButton.button = sf::Mouse::Left;
        event.mouseButton.x = static_cast<int>(input.xPx);
        event.mouseButton.y = static_cast<int>(input.yPx);
        deferEvent(deferred, 1, event);
        event.type = sf::Event::MouseButtonReleased;
        deferEvent(deferred, 2, event);
      }
      break;
    case gui::ScriptInput::Kind::Key:
      if (const auto key = keyNamed(input.key)) {
        app.feedEvent(keyEvent(*key, true));
        deferEvent(deferred, 1, keyEvent(*key, false));
      }
      break;
    case gui::ScriptInput::Kind::Text: {
      const sf::String text = sf::String::fromUtf8(input.text.begin(), input.text.end());
      for (std::size_t i = 0; i < text.getSize(); ++i) {
        event.type = sf::Event::TextEntered;
        event.text.unicode = text[i];
        app.feedEvent(event);
      }
      break;
    }
  }
}

std::optional<std::string> readFile(const std::filesystem::path& path, std::string& text) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "cannot read '" + path.string() + "'";
  std::stringstream buffer;
  buffer << in.rdbuf();
  text = buffer.str();
  return std::nullopt;
}

ExitCode run(int argc, char** argv) {
  const auto parsed = gui::parseCommandLine(argc, argv);
  if (parsed.error) {
    std::cerr << kProgram << ": error: " << *parsed.error << '\n'
              << "Try '" << kProgram << " --help' for more information.\n";
    return ExitCode::bad_usage;
  }
  if (parsed.showHelp) {
    std::cout << gui::usageText();
    return ExitCode::ok;
  }
  const gui::GuiOptions& options = parsed.options;

  // The script is checked before any window opens: a typo fails fast, located.
  gui::ScriptParse script;
  if (options.play) {
    std::string text;
    if (const auto error = readFile(*options.play, text)) return report(ExitCode::bad_usage, *error);
    script = gui::parseInputScript(text, options.play->string());
    if (!script.errors.empty()) {
      for (const auto& error : script.errors) std::cerr << error << '\n';
      return ExitCode::bad_usage;
    }
  }

  if (const auto reason = gui::display_unavailable_reason()) {
    return report(ExitCode::window_failed, "cannot open the window: " + *reason);
  }

  std::optional<int> frameLimit = options.frames;
  if (options.screenshot && !frameLimit && !options.play) frameLimit = gui::kDefaultScreenshotFrames;
  if (options.play && !frameLimit && !script.steps.empty()) {
    // The script ends a couple of frames after its last step, so the actions it queued
    // are applied and drawn.
    frameLimit = script.steps.back().frame + 2;
  }

  try {
    // As large as the design size, but never larger than the screen (Xvfb's, say).
    const sf::VideoMode desktop = sf::VideoMode::getDesktopMode();
    gui::AppWindow app(std::min(kWindowWidthPx, desktop.width), std::min(kWindowHeightPx, desktop.height),
                       options.uiScale);
    gui::Shell shell(app, {std::filesystem::path(IRDRILL_SOURCE_DIR), std::filesystem::current_path()});
    shell.ui().language = options.language;
    if (options.events) {
      if (const auto error = shell.host().writeEventsTo(*options.events)) return report(ExitCode::bad_usage, *error);
    }
    if (options.scenario || options.session) {
      const gui::OpenOutcome opened = options.session ? shell.openSession(*options.session)
                                                      : shell.openScenario(*options.scenario, options.seed, options.overrides);
      if (!opened.ok && options.nonInteractive()) {
        return report(ExitCode::bad_usage, "cannot open '" +
                                               (options.session ? *options.session : *options.scenario).string() + "'");
      }
      if (opened.ok && options.untilUs) {
        const auto& live = shell.host().live();
        if (*options.untilUs < live.now()) {
          return report(ExitCode::bad_usage, "--until is before the session's clock");
        }
        gui::runClockTo(shell.host().live(), *options.untilUs, shell.budget().maxSliceUs);
      }
    }
    if (options.saveSession) shell.setSessionPath(*options.saveSession);
    shell.setEchoFeedback(options.play.has_value());

    std::size_t nextStep = 0;
    DeferredEvents deferred;
    bool quit = false;
    for (int frame = 1; !quit && (!frameLimit || frame <= *frameLimit); ++frame) {
      if (!app.pollEvents(!options.play, {})) {
        if (options.screenshot) {
          return report(ExitCode::screenshot_failed, "the window was closed before the screenshot was taken");
        }
        break;
      }
      if (!deferred.empty()) {
        for (const sf::Event& event : deferred.front()) app.feedEvent(event);
        deferred.pop_front();
      }
      shell.beforeFrame();
      std::vector<std::string> screenshots;
      for (; nextStep < script.steps.size() && script.steps[nextStep].frame == frame; ++nextStep) {
        const gui::ScriptStep& step = script.steps[nextStep];
        if (const auto* input = std::get_if<gui::ScriptInput>(&step.what)) {
          feedScriptInput(app, *input, deferred);
          continue;
        }
        const auto& command = std::get<gui::ScriptCommand>(step.what);
        if (command.kind == gui::ScriptCommand::Kind::Screenshot) screenshots.push_back(command.text);
        if (command.kind == gui::ScriptCommand::Kind::Quit) quit = true;
        if (const auto error = shell.applyScriptCommand(command)) {
          return report(ExitCode::bad_usage, options.play->string() + ":" + std::to_string(step.line) + ": " + *error);
        }
      }

      const double frameDtS = app.beginFrame();
      shell.frame(frameDtS);
      app.endFrame([&shell](sf::RenderTarget& target) { shell.drawSfml(target); });

      const bool lastFrame = quit || (frameLimit && frame == *frameLimit);
      if (options.screenshot && lastFrame) screenshots.push_back(options.screenshot->string());
      for (const auto& path : screenshots) {
        if (const auto error = gui::save_window_png(app.window(), path)) return report(ExitCode::screenshot_failed, *error);
      }
      if (options.uiDump && lastFrame) {
        if (const auto error = gui::writeFileReplacing(*options.uiDump, shell.uiDump().toJson())) {
          return report(ExitCode::bad_usage, *error);
        }
      }
      app.present();
    }

    if (options.saveSession && shell.host().isOpen()) {
      if (const auto error = shell.host().saveSession(*options.saveSession)) return report(ExitCode::bad_usage, *error);
    }
    if (const auto error = shell.host().finish()) return report(ExitCode::bad_usage, *error);
  } catch (const gui::WindowOpenError& e) {
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
