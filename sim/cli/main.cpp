// The irdrill command line. Each subcommand lives in its own file with a
// setupXCommand() that registers its options and callback.
#include <cstdio>
#include <exception>
#include <string>

#include <CLI/CLI.hpp>

#include "sim/cli/aar_command.hpp"
#include "sim/cli/compare_command.hpp"
#include "sim/cli/exit_codes.hpp"
#include "sim/cli/mc_command.hpp"
#include "sim/cli/merge_command.hpp"
#include "sim/cli/phold_command.hpp"
#include "sim/cli/radio_command.hpp"
#include "sim/cli/replay_command.hpp"
#include "sim/cli/run_command.hpp"
#include "sim/cli/sweep_command.hpp"
#include "sim/cli/validate_command.hpp"

int main(int argc, char** argv) {
  CLI::App app{"irdrill: discrete-event simulator and training tool for office security "
               "incidents"};
  app.set_version_flag("--version", "irdrill 0.1.0");
  app.require_subcommand(1);
  irdrill::cli::setupPholdCommand(app);
  irdrill::cli::setupRadioCommand(app);
  irdrill::cli::setupRunCommand(app);
  irdrill::cli::setupReplayCommand(app);
  irdrill::cli::setupAarCommand(app);
  irdrill::cli::setupValidateCommand(app);
  irdrill::cli::setupMcCommand(app);
  irdrill::cli::setupCompareCommand(app);
  irdrill::cli::setupMergeCommand(app);
  irdrill::cli::setupSweepCommand(app);
  // "irdrill foo": name the unknown subcommand and the valid ones (CLI11 alone would say
  // only that a subcommand is required).
  if (argc > 1 && argv[1][0] != '-') {
    std::string names;
    bool known = false;
    for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
      names += (names.empty() ? "" : ", ") + sub->get_name();
      known = known || sub->get_name() == argv[1];
    }
    if (!known) {
      std::fprintf(stderr, "irdrill: error: unknown subcommand '%s' (expected one of: %s)\n", argv[1], names.c_str());
      return irdrill::cli::kExitUsage;
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::RuntimeError& e) {
    // A subcommand failed and has already said why; its code is one of exit_codes.hpp.
    return e.get_exit_code();
  } catch (const CLI::ParseError& e) {
    // CLI11 maps --help to success and usage errors to non-zero; normalise the latter.
    const int code = app.exit(e);
    return code == 0 ? irdrill::cli::kExitOk : irdrill::cli::kExitUsage;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "irdrill: internal error: %s\n", e.what());
    return irdrill::cli::kExitInternalError;
  }
  return irdrill::cli::kExitOk;
}
