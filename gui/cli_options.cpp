// irdrill-gui's options through CLI11, with the checks CLI11 cannot express (--until's
// time forms, .png endings, --frames range).
#include "cli_options.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cctype>

#include "run_clock.hpp"

namespace irdrill::gui {
namespace {

bool hasExtension(const std::filesystem::path& path, const std::string& wanted) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == wanted;
}

const char* const kFooter =
    "Without --scenario or --session a scenario picker opens (the bundled scenarios/*.yaml\n"
    "and an \"open file\" field).\n"
    "\n"
    "Exit codes:\n"
    "  0  success\n"
    "  1  internal error (a bug; please report it)\n"
    "  2  bad usage: unknown option, missing or invalid value, a --play script with errors,\n"
    "     or (with --screenshot or --play) a scenario or session that does not load\n"
    "  3  the screenshot could not be written\n"
    "  4  the window could not be opened (no X display, no OpenGL)\n";

// Options are registered into `app`, their values land in `options` / the strings.
struct Binding {
  std::string scenario, session, play, until, saveSession, events, screenshot, uiDump, language;
  std::uint64_t seed = 0;
  int frames = 0;
};

void setup(CLI::App& app, GuiOptions& options, Binding& b) {
  app.description("irdrill training GUI: a facilitator runs a live tabletop exercise on the office map.");
  app.footer(kFooter);
  auto* scenario = app.add_option("--scenario", b.scenario, "scenario YAML file to open");
  auto* session = app.add_option("--session", b.session, "saved session (JSON) to reopen at its last time");
  scenario->excludes(session);
  auto* seed = app.add_option("--seed", b.seed, "master seed (default: the scenario's)");
  auto* sets = app.add_option("--set", options.overrides, "override a scenario value, PATH=VALUE (repeatable)");
  seed->excludes(session);
  sets->excludes(session);
  app.add_option("--play", b.play, "play a JSON Lines script of (frame, input or command) instead of the keyboard and mouse");
  app.add_option("--until", b.until, "run the clock to this time first (\"d0 11:00\", \"11:00\", \"11h\")");
  app.add_option("--save-session", b.saveSession, "write the session (JSON) when the window closes or the script ends");
  app.add_option("--events", b.events, "write the exercise event log (JSON Lines) as `irdrill run --events` does");
  app.add_option("--screenshot", b.screenshot, "save the window as PNG on the last frame and exit");
  app.add_option("--frames", b.frames, "render N frames and exit (with --screenshot default " +
                                           std::to_string(kDefaultScreenshotFrames) + ")")
      ->check(CLI::Range(1, kMaxFrames));
  app.add_option("--ui-scale", options.uiScale, "scale of fonts and widgets (0.5 to 3)")->check(CLI::Range(0.5f, 3.0f));
  app.add_option("--lang", b.language, "language of the interface and of the bundled procedures: " +
                                          text::languageCodeList() + " (default en; switchable in the top bar)");
  app.add_option("--ui-dump", b.uiDump, "write the rectangles of the main windows and named buttons (JSON) on the last frame");
}

}  // namespace

ParseOutcome parseCommandLine(int argc, const char* const* argv) {
  ParseOutcome out;
  CLI::App app;
  app.name("irdrill-gui");
  Binding b;
  setup(app, out.options, b);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    out.showHelp = true;
    return out;
  } catch (const CLI::ParseError& e) {
    out.error = e.what();
    return out;
  }
  GuiOptions& o = out.options;
  auto path = [](const std::string& text) { return std::optional<std::filesystem::path>(text); };
  if (app.count("--scenario")) o.scenario = path(b.scenario);
  if (app.count("--session")) o.session = path(b.session);
  if (app.count("--seed")) o.seed = b.seed;
  if (app.count("--play")) o.play = path(b.play);
  if (app.count("--save-session")) o.saveSession = path(b.saveSession);
  if (app.count("--events")) o.events = path(b.events);
  if (app.count("--ui-dump")) o.uiDump = path(b.uiDump);
  if (app.count("--frames")) o.frames = b.frames;
  if (app.count("--screenshot")) {
    o.screenshot = path(b.screenshot);
    // SFML picks the image encoder from the extension, so anything else would silently be
    // written in another format or fail late, after the window was opened.
    if (!hasExtension(*o.screenshot, ".png")) {
      out.error = "--screenshot file must end in .png: '" + b.screenshot + "'";
      return out;
    }
  }
  if (app.count("--lang")) {
    const auto language = text::languageNamed(b.language);
    if (!language) {
      out.error = "--lang: '" + b.language + "' is not a language (expected one of: " + text::languageCodeList() + ")";
      return out;
    }
    o.language = *language;
  }
  if (app.count("--until")) {
    const TimeParse until = parseUntilOption(b.until);
    if (!until.timeUs) {
      out.error = "--until: " + until.error;
      return out;
    }
    o.untilUs = until.timeUs;
  }
  for (const auto& override : o.overrides) {
    if (override.find('=') == std::string::npos) {
      out.error = "--set expects PATH=VALUE, got '" + override + "'";
      return out;
    }
  }
  return out;
}

std::string usageText() {
  CLI::App app;
  app.name("irdrill-gui");
  GuiOptions options;
  Binding b;
  setup(app, options, b);
  return app.help();
}

}  // namespace irdrill::gui
