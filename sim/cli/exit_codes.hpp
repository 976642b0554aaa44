// Exit codes of the irdrill command line, documented in docs/cli.md.
#pragma once

namespace irdrill::cli {

enum ExitCode : int {
  kExitOk = 0,
  kExitInternalError = 1,  // a bug: an unexpected exception
  kExitUsage = 2,          // bad command line or invalid input files
  kExitIo = 3,             // an output file cannot be written (nothing half-written is left)
  kExitInterrupted = 130,  // stopped by Ctrl-C or SIGTERM; what was done is written, marked
                           // partial (128 + SIGINT, as shells report a Ctrl-C)
};

}  // namespace irdrill::cli
