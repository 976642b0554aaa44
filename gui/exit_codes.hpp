// Process exit codes of irdrill-gui. They are part of its command-line contract (scripts
// and the smoke test check them) and are listed in the --help text, so keep both in step.
#pragma once

namespace irdrill::gui {

enum class ExitCode : int {
  ok = 0,
  internal_error = 1,     // an unexpected exception; a bug, not a user mistake
  bad_usage = 2,
  screenshot_failed = 3,
  window_failed = 4,
};

}  // namespace irdrill::gui
