#include "sim/cli/progress.hpp"

#include <cmath>

#include <unistd.h>

namespace irdrill::cli {
namespace {

constexpr double kTerminalIntervalS = 0.1;  // a redraw costs little, but more is flicker
constexpr double kLogIntervalS = 10;        // a line a tenth of a minute keeps logs short
constexpr int kBarWidth = 28;

}  // namespace

std::string formatEta(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0) return "?";
  const long total = std::lround(seconds);
  char buffer[48];
  if (total >= 3600) {
    std::snprintf(buffer, sizeof buffer, "%ld:%02ld:%02ld", total / 3600, total / 60 % 60, total % 60);
  } else {
    std::snprintf(buffer, sizeof buffer, "%ld:%02ld", total / 60, total % 60);
  }
  return buffer;
}

ProgressReporter::ProgressReporter(std::FILE* out, bool terminal, std::string label)
    : out_(out), terminal_(terminal), label_(std::move(label)) {}

bool ProgressReporter::stderrIsTerminal() { return ::isatty(STDERR_FILENO) == 1; }

std::string ProgressReporter::line(const montecarlo::RunProgress& p) const {
  const double fraction = p.total == 0 ? 1.0 : static_cast<double>(p.done) / static_cast<double>(p.total);
  const double rate = p.elapsedS > 0 ? static_cast<double>(p.done) / p.elapsedS : 0;
  const double etaS = rate > 0 ? static_cast<double>(p.total - p.done) / rate : NAN;
  char numbers[160];
  std::snprintf(numbers, sizeof numbers, "%llu/%llu (%.0f%%)  %.3g/s  ETA %s",
                static_cast<unsigned long long>(p.done), static_cast<unsigned long long>(p.total),
                100 * fraction, rate, formatEta(etaS).c_str());
  if (!terminal_) return label_ + ": " + numbers + " replications done";
  const int filled = static_cast<int>(fraction * kBarWidth);
  std::string bar(static_cast<std::size_t>(filled), '#');
  bar.resize(kBarWidth, '.');
  return label_ + " [" + bar + "] " + numbers;
}

void ProgressReporter::update(const montecarlo::RunProgress& p) {
  const double interval = terminal_ ? kTerminalIntervalS : kLogIntervalS;
  if (lastShownS_ >= 0 && p.elapsedS - lastShownS_ < interval) return;
  if (lastShownS_ < 0 && !terminal_ && p.elapsedS < kLogIntervalS) return;  // short runs stay quiet
  lastShownS_ = p.elapsedS;
  if (terminal_) {
    // \x1b[K clears what a longer previous line left to the right.
    std::fprintf(out_, "\r%s\x1b[K", line(p).c_str());
  } else {
    std::fprintf(out_, "%s\n", line(p).c_str());
  }
  std::fflush(out_);
}

void ProgressReporter::finish(const montecarlo::RunProgress& p, const std::string& note) {
  const double rate = p.elapsedS > 0 ? static_cast<double>(p.done) / p.elapsedS : 0;
  char text[200];
  std::snprintf(text, sizeof text, "%s: %llu/%llu replications in %.1f s (%.3g/s)%s%s",
                label_.c_str(), static_cast<unsigned long long>(p.done),
                static_cast<unsigned long long>(p.total), p.elapsedS, rate,
                note.empty() ? "" : ", ", note.c_str());
  if (terminal_) {
    std::fprintf(out_, "\r%s\x1b[K\n", text);
  } else {
    std::fprintf(out_, "%s\n", text);
  }
  std::fflush(out_);
}

}  // namespace irdrill::cli
