// Exit codes of the irdrill command line, documented in docs/cli.md.
#pragma once

namespace irdrill::cli {

enum ExitCode : int {
  kExitOk = 0,
  kExitInternalError = 1,  // a bug: an unexpected exception
  kExitUsage = 2,          // bad command line or invalid input files
};

}  // namespace irdrill::cli
