// Duration distributions (see distribution.hpp).
#include "sim/core/distribution.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <stdexcept>

#include <boost/random/exponential_distribution.hpp>
#include <boost/random/lognormal_distribution.hpp>
#include <boost/random/triangle_distribution.hpp>
#include <boost/random/uniform_01.hpp>
#include <boost/random/uniform_real_distribution.hpp>

namespace irdrill::core {
namespace {

// Parameters the loader should have rejected. Checked here as well because a definition
// built in code never went through the loader, and Boost only asserts (in debug builds):
// a uniform with min == max would even loop forever.
void requireValid(const DurationDist& d) {
  const auto finite = [](double x) { return std::isfinite(x); };
  switch (d.kind) {
    case DistributionKind::Fixed:
      if (!finite(d.valueS)) throw std::invalid_argument("fixed duration is not finite");
      return;
    case DistributionKind::Uniform:
      if (!finite(d.minS) || !finite(d.maxS) || d.minS > d.maxS) {
        throw std::invalid_argument("uniform duration needs finite min <= max");
      }
      return;
    case DistributionKind::Triangular:
      if (!finite(d.minS) || !finite(d.modeS) || !finite(d.maxS) || d.minS > d.modeS ||
          d.modeS > d.maxS) {
        throw std::invalid_argument("triangular duration needs finite min <= mode <= max");
      }
      return;
    case DistributionKind::Lognormal:
      if (!finite(d.meanS) || !finite(d.sdS) || d.meanS <= 0 || d.sdS < 0) {
        throw std::invalid_argument("lognormal duration needs mean > 0 and sd >= 0");
      }
      return;
    case DistributionKind::Exponential:
      if (!finite(d.meanS) || d.meanS <= 0) {
        throw std::invalid_argument("exponential duration needs mean > 0");
      }
      return;
  }
  throw std::invalid_argument("unknown distribution kind");
}

// One engine output spent on a degenerate (zero-width) distribution, so that the number
// of draws depends on the kind only and not on the parameter values.
double spendOneDraw(RandomEngine& rng, double value) {
  (void)rng();
  return value;
}

struct Unit {
  const char* suffix;
  double seconds;
  int maxDecimals;  // decimals allowed in this unit before a smaller unit is preferred
};

// Largest first. Fractions of a day or an hour read well ("1.5h", "2.25h"); a fraction
// of a minute does not ("90s" rather than "1.5m"), so minutes must be whole. Seconds
// keep up to microsecond precision, the resolution of simulated time.
constexpr std::array<Unit, 4> kUnits{{{"d", 86400.0, 2}, {"h", 3600.0, 2}, {"m", 60.0, 0},
                                      {"s", 1.0, 6}}};

// `value` printed with `decimals` decimals, trailing zeros (and a bare point) removed.
std::string trimmedFixed(double value, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  std::string text = buffer;
  if (text.find('.') != std::string::npos) {
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
  }
  if (text == "-0") text = "0";
  return text;
}

// The fewest decimals (<= maxDecimals) that print `value` exactly, up to a relative error
// far below anything a person typed; -1 if none does.
int decimalsNeeded(double value, int maxDecimals) {
  double scale = 1.0;
  for (int decimals = 0; decimals <= maxDecimals; ++decimals) {
    const double scaled = value * scale;
    if (std::abs(scaled - std::round(scaled)) <= 1e-9 * std::max(1.0, std::abs(scaled))) {
      return decimals;
    }
    scale *= 10.0;
  }
  return -1;
}

std::string durationText(double seconds) {
  if (seconds == 0) return "0s";
  const double magnitude = std::abs(seconds);
  for (const Unit& unit : kUnits) {
    const double inUnit = magnitude / unit.seconds;
    // Below one unit a smaller unit reads better ("30m", not "0.5h").
    if (inUnit < 1.0 && unit.seconds > 1.0) continue;
    const int decimals = decimalsNeeded(inUnit, unit.maxDecimals);
    if (decimals < 0) continue;
    std::string text = seconds < 0 ? "-" : "";
    text += trimmedFixed(inUnit, decimals);
    text += unit.suffix;
    return text;
  }
  // Finer than a microsecond: round to the microsecond, the resolution of a TimeUs.
  return trimmedFixed(seconds, 6) + "s";
}

}  // namespace

double meanS(const DurationDist& d) {
  switch (d.kind) {
    case DistributionKind::Fixed:
      return d.valueS;
    case DistributionKind::Uniform:
      return 0.5 * (d.minS + d.maxS);
    case DistributionKind::Triangular:
      return (d.minS + d.modeS + d.maxS) / 3.0;
    case DistributionKind::Lognormal:
    case DistributionKind::Exponential:
      return d.meanS;
  }
  throw std::invalid_argument("unknown distribution kind");
}

double sampleS(const DurationDist& d, RandomEngine& rng) {
  requireValid(d);
  double value = 0;
  switch (d.kind) {
    case DistributionKind::Fixed:
      value = d.valueS;  // no draw: a fixed duration must not shift later draws
      break;
    case DistributionKind::Uniform:
      value = d.maxS > d.minS
                  ? boost::random::uniform_real_distribution<double>(d.minS, d.maxS)(rng)
                  : spendOneDraw(rng, d.minS);
      break;
    case DistributionKind::Triangular:
      // Boost divides by (max - min): a zero-width triangle would give NaN.
      value = d.maxS > d.minS
                  ? boost::random::triangle_distribution<double>(d.minS, d.modeS, d.maxS)(rng)
                  : spendOneDraw(rng, d.minS);
      break;
    case DistributionKind::Lognormal: {
      // The scenario gives the mean and sd of the duration; Boost wants those of its
      // logarithm: s^2 = ln(1 + sd^2 / mean^2), m = ln(mean) - s^2 / 2.
      const double cv = d.sdS / d.meanS;
      const double s2 = std::log1p(cv * cv);
      const double m = std::log(d.meanS) - 0.5 * s2;
      value = boost::random::lognormal_distribution<double>(m, std::sqrt(s2))(rng);
      break;
    }
    case DistributionKind::Exponential:
      value = boost::random::exponential_distribution<double>(1.0 / d.meanS)(rng);
      break;
  }
  // A uniform or triangle reaching below zero (or a negative fixed value) means "no
  // time at all": durations are never negative.
  return std::max(value, 0.0);
}

TimeUs sampleUs(const DurationDist& d, RandomEngine& rng) {
  return std::max<TimeUs>(secondsToUs(sampleS(d, rng)), 0);
}

std::string describe(const DurationDist& d) {
  switch (d.kind) {
    case DistributionKind::Fixed:
      return durationText(d.valueS);
    case DistributionKind::Uniform:
      return "uniform(" + durationText(d.minS) + ", " + durationText(d.maxS) + ")";
    case DistributionKind::Triangular:
      return "triangular(" + durationText(d.minS) + ", " + durationText(d.modeS) + ", " +
             durationText(d.maxS) + ")";
    case DistributionKind::Lognormal:
      return "lognormal(" + durationText(d.meanS) + ", " + durationText(d.sdS) + ")";
    case DistributionKind::Exponential:
      return "exponential(" + durationText(d.meanS) + ")";
  }
  return "?";
}

}  // namespace irdrill::core
