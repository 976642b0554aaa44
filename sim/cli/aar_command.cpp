#include "sim/cli/aar_command.hpp"

#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "sim/cli/exit_codes.hpp"
#include "sim/cli/mc_output.hpp"
#include "sim/cli/output_directory.hpp"
#include "sim/core/clock_text.hpp"
#include "sim/debrief/aar_build.hpp"
#include "sim/session/live_session.hpp"
#include "sim/session/session_file.hpp"
#include "sim/text/catalogue.hpp"

namespace irdrill::cli {
namespace {

constexpr const char* kAarFile = "aar.html";

struct AarCommandOptions {
  std::string sessionPath;
  std::string outDir;
  std::string until = "session";
  std::string language = "en";
  int whatIfRuns = 0;
  unsigned threads = 0;
};

int writeAar(const AarCommandOptions& options) {
  const std::optional<text::Language> language = text::languageNamed(options.language);
  if (!language) {
    std::fprintf(stderr, "irdrill aar: error: --lang '%s' is not a language (expected one of: %s)\n",
                 options.language.c_str(), text::languageCodeList().c_str());
    return kExitUsage;
  }
  std::optional<double> untilS;  // after the start of the office day
  const bool toEnd = options.until == "end";
  if (options.until != "session" && !toEnd) {
    untilS = core::parseDurationS(options.until);
    if (!untilS || *untilS < 0) {
      std::fprintf(stderr,
                   "irdrill aar: error: --until '%s' is not a duration (e.g. 9h, 90m, 1h30m, 2d, 3600), 'session' "
                   "or 'end'\n",
                   options.until.c_str());
      return kExitUsage;
    }
  }
  if (options.whatIfRuns < 0) {
    std::fprintf(stderr, "irdrill aar: error: --what-if %d: expected a number of replications >= 0\n",
                 options.whatIfRuns);
    return kExitUsage;
  }

  core::Diagnostics readDiagnostics;
  const std::optional<session::SessionDef> session = session::readSessionFile(options.sessionPath, readDiagnostics);
  for (const auto& d : readDiagnostics.items()) std::fprintf(stderr, "%s\n", core::formatDiagnostic(d).c_str());
  if (!session) return kExitUsage;
  const std::string sessionDir = std::filesystem::path(options.sessionPath).parent_path().string();
  const session::SessionScenario loaded = session::loadSessionScenario(*session, sessionDir);
  for (const auto& d : loaded.diagnostics.items()) {
    core::Diagnostic located = d;
    // Problems with the session's header, not with a scenario file: the session is at fault.
    if (located.where.file.empty()) located.where.file = options.sessionPath;
    std::fprintf(stderr, "%s\n", core::formatDiagnostic(located).c_str());
  }
  if (!loaded.scenario || loaded.diagnostics.hasErrors()) return kExitUsage;

  // The output directory first: a directory that cannot be written wastes no replay.
  std::optional<OutputDirectory> dir;
  try {
    dir.emplace(options.outDir, std::vector<std::string>{kAarFile});
  } catch (const std::exception& e) {
    std::fprintf(stderr, "irdrill aar: error: %s\n", e.what());
    return kExitIo;
  }

  debrief::AarOptions aar;
  if (toEnd) aar.untilUs = core::secondsToUs(loaded.scenario->horizonS);
  if (untilS) aar.untilUs = core::secondsToUs(loaded.scenario->dayStartS) + core::secondsToUs(*untilS);
  aar.scenarioFile = session->scenarioPath;
  aar.language = *language;
  aar.whatIfRuns = options.whatIfRuns;
  aar.threads = options.threads;
  const debrief::AarResult report = debrief::buildAfterActionReport(loaded.scenario, *session, aar);

  const std::string shownPath = dir->finalPath(kAarFile);
  if (!writeFileAtomically(dir->stagedPath(kAarFile), [&](std::ostream& out) { out << report.html; }, "aar",
                           shownPath)) {
    return kExitIo;
  }
  if (!dir->commitOrReport("aar")) return kExitIo;
  std::printf("wrote %s (%zu entries, %d refused when replayed; %d branch%s%s)\n", shownPath.c_str(),
              session->entries.size(), report.entriesRefused, report.branches, report.branches == 1 ? "" : "es",
              options.whatIfRuns > 0 ? ("; " + std::to_string(options.whatIfRuns) + " what-if replications").c_str()
                                     : "");
  return kExitOk;
}

}  // namespace

void setupAarCommand(CLI::App& app) {
  auto options = std::make_shared<AarCommandOptions>();
  CLI::App* sub = app.add_subcommand(
      "aar", "Write the after-action report of a saved tabletop session: DIR/aar.html, one self-contained HTML file");
  sub->add_option("session", options->sessionPath, "session file (JSON, docs/session-format.md)")->required();
  sub->add_option("--out", options->outDir, "output directory (written as one unit: aar.html)")->required();
  sub->add_option("--until", options->until,
                  "the moment the report covers: 'session' (the session's clock when saved), 'end' (the "
                  "scenario's horizon) or a duration after the start of the office day (9h, 2d)")
      ->capture_default_str();
  sub->add_option("--what-if", options->whatIfRuns,
                  "also run this many replications of the session's decisions on fresh seeds and show the "
                  "distributions (0: none)")
      ->capture_default_str();
  sub->add_option("--lang", options->language, "language of the report: en or ja")->capture_default_str();
  sub->add_option("--threads", options->threads, "worker threads for --what-if (0: all cores; results do not depend on it)")
      ->capture_default_str();
  sub->callback([options] {
    const int code = writeAar(*options);
    if (code != kExitOk) throw CLI::RuntimeError(code);
  });
}

}  // namespace irdrill::cli
