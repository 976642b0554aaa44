// Exit codes of the irdrill command line, documented in docs/cli.md.
#pragma once

namespace irdrill::cli {

enum ExitCode : int {
  kExitOk = 0,
  kExitInternalError = 1,  // a bug: an unexpected exception
  kExitUsage = 2,          // bad command line or invalid input files
  kExitIo = 3,             // an output file cannot be written (nothing half-written is left)
};

}  // namespace irdrill::cli
