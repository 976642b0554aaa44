// Duration distributions of the response and attacker models: how long a procedure step,
// a kill-chain stage or an on-call delay takes. Written in scenario files as
// "20m", "uniform(10m, 30m)", "triangular(10m, 20m, 1h)", "lognormal(2h, 1h)" (mean, sd),
// "exponential(30m)" (mean); see docs/scenario-format.md.
//
// Draws use Boost.Random distributions only: std:: distributions differ between standard
// libraries, and runs must be identical everywhere.
#pragma once

#include <array>
#include <string>

#include "sim/core/random_streams.hpp"
#include "sim/core/time.hpp"

namespace irdrill::core {

enum class DistributionKind { Fixed, Uniform, Triangular, Lognormal, Exponential };
inline constexpr std::array<const char*, 5> kDistributionKindNames{
    "fixed", "uniform", "triangular", "lognormal", "exponential"};

// All parameters in seconds. Which are used depends on the kind:
//   Fixed: valueS.  Uniform: minS, maxS.  Triangular: minS, modeS, maxS.
//   Lognormal: meanS, sdS (of the duration itself, not of its logarithm).
//   Exponential: meanS.
struct DurationDist {
  DistributionKind kind = DistributionKind::Fixed;
  double valueS = 0;
  double minS = 0;
  double modeS = 0;
  double maxS = 0;
  double meanS = 0;
  double sdS = 0;

  static DurationDist fixed(double s) { return {DistributionKind::Fixed, s, 0, 0, 0, 0, 0}; }
  static DurationDist uniform(double lo, double hi) {
    return {DistributionKind::Uniform, 0, lo, 0, hi, 0, 0};
  }
  static DurationDist triangular(double lo, double mode, double hi) {
    return {DistributionKind::Triangular, 0, lo, mode, hi, 0, 0};
  }
  static DurationDist lognormal(double mean, double sd) {
    return {DistributionKind::Lognormal, 0, 0, 0, 0, mean, sd};
  }
  static DurationDist exponential(double mean) {
    return {DistributionKind::Exponential, 0, 0, 0, 0, mean, 0};
  }
};

// The analytic mean, seconds.
double meanS(const DurationDist& d);

// One draw, seconds (>= 0). Consumes a kind-dependent number of engine outputs.
double sampleS(const DurationDist& d, RandomEngine& rng);

// The same, rounded to whole microseconds.
TimeUs sampleUs(const DurationDist& d, RandomEngine& rng);

// "triangular(10m, 20m, 1h)": the form the loader reads, for messages and reports.
std::string describe(const DurationDist& d);

}  // namespace irdrill::core
