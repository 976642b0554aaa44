// Progress of a long run on stderr. On a terminal: one line redrawn in place (\r) at most
// ten times a second, a bar with the count, the rate and the time left. Otherwise (a log
// file, a Slurm job): a plain line every ten seconds, which stays readable in a file.
#pragma once

#include <cstdio>
#include <string>

#include "sim/montecarlo/runner.hpp"

namespace irdrill::cli {

class ProgressReporter {
 public:
  // `terminal`: whether `out` is a terminal (isatty); `label` starts every line ("mc").
  ProgressReporter(std::FILE* out, bool terminal, std::string label);
  // Whether stderr is a terminal.
  static bool stderrIsTerminal();

  void update(const montecarlo::RunProgress& progress);
  // The last word: the final count, elapsed time and rate, and `note` ("interrupted").
  void finish(const montecarlo::RunProgress& progress, const std::string& note = "");

 private:
  std::string line(const montecarlo::RunProgress& progress) const;

  std::FILE* out_;
  bool terminal_;
  std::string label_;
  double lastShownS_ = -1;  // elapsed time of the last line shown
};

// "1:05", "1:02:03": a duration in seconds for people.
std::string formatEta(double seconds);

}  // namespace irdrill::cli
