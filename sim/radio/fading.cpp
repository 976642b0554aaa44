// Per-packet Rayleigh / Rician fading draws and their moments in dB (see fading.hpp).
#include "sim/radio/fading.hpp"

#include <algorithm>
#include <boost/math/special_functions/bessel.hpp>
#include <boost/random/exponential_distribution.hpp>
#include <boost/random/normal_distribution.hpp>
#include <cmath>
#include <numbers>
#include <stdexcept>
#include <string>

#include "sim/core/diagnostics.hpp"

namespace irdrill::radio {
namespace {

void checkRicianK(double ricianK) {
  if (!(ricianK >= 0) || std::isinf(ricianK)) {
    throw std::invalid_argument("Rician K must be a finite number >= 0 (got " +
                                core::formatNumber(ricianK) + ")");
  }
}

double powerToDb(double power) { return 10.0 * std::log10(std::max(power, kMinFadingPower)); }

// ln I0(z) for z >= 0 without overflow: Boost below 600 (I0(600) ~ 1e259), above it the
// asymptotic series e^z / sqrt(2 pi z) (1 + 1/(8z) + 9/(128 z^2) + 225/(3072 z^3)),
// whose next term is below 1e-11 there.
double logBesselI0(double z) {
  if (z < 600.0) return std::log(boost::math::cyl_bessel_i(0, z));
  const double inv = 1.0 / z;
  const double series =
      1.0 + inv / 8.0 + 9.0 * inv * inv / 128.0 + 225.0 * inv * inv * inv / 3072.0;
  return z - 0.5 * std::log(2.0 * std::numbers::pi * z) + std::log(series);
}

}  // namespace

double drawFadingDb(FadingKind kind, double ricianK, core::RandomEngine& engine) {
  switch (kind) {
    case FadingKind::None:
      return 0.0;
    case FadingKind::Rayleigh: {
      boost::random::exponential_distribution<double> exponential(1.0);
      return powerToDb(exponential(engine));
    }
    case FadingKind::Rician: {
      checkRicianK(ricianK);
      const double losAmplitude = std::sqrt(ricianK / (ricianK + 1.0));
      // CN(0,1) has variance 1/2 per component; scaled by sqrt(1/(K+1)).
      const double componentSd = std::sqrt(0.5 / (ricianK + 1.0));
      boost::random::normal_distribution<double> normal(0.0, componentSd);
      const double inPhase = losAmplitude + normal(engine);
      const double quadrature = normal(engine);
      return powerToDb(inPhase * inPhase + quadrature * quadrature);
    }
  }
  throw std::invalid_argument("unknown fading kind");
}

FadingDbMoments fadingDbMoments(FadingKind kind, double ricianK) {
  if (kind == FadingKind::None) return {};
  const double k = kind == FadingKind::Rayleigh ? 0.0 : ricianK;
  checkRicianK(k);

  // Integrate over u = ln p, where the density is smooth and its width scales with the
  // spread of the distribution (wide for Rayleigh, ~sqrt(2/K) for large K). The limits
  // leave out tails of relative density below e^-40: with s = sqrt((K+1) p) the density
  // falls like exp(-(s - sqrt K)^2).
  const double tail = std::sqrt(40.0);
  const double sqrtK = std::sqrt(k);
  const double upperU = std::log((sqrtK + tail) * (sqrtK + tail) / (k + 1.0));
  const double lowerU =
      sqrtK > tail ? std::log((sqrtK - tail) * (sqrtK - tail) / (k + 1.0)) : -40.0;
  const double besselScale = 2.0 * std::sqrt(k * (k + 1.0));
  auto density = [&](double u) {
    const double p = std::exp(u);
    const double logF =
        std::log(k + 1.0) - k - (k + 1.0) * p + logBesselI0(besselScale * std::sqrt(p));
    return std::exp(logF + u);  // dp = p du
  };

  // Composite Simpson; the integrand is analytic, so 2*10^4 panels is far past converged.
  constexpr int kIntervals = 20'000;
  const double h = (upperU - lowerU) / kIntervals;
  double m0 = 0, m1 = 0, m2 = 0;
  for (int i = 0; i <= kIntervals; ++i) {
    const double u = lowerU + h * i;
    const double weight = (i == 0 || i == kIntervals) ? 1.0 : (i % 2 == 1 ? 4.0 : 2.0);
    const double g = weight * density(u);
    m0 += g;
    m1 += g * u;
    m2 += g * u * u;
  }
  // Normalising by m0 (~1 up to the truncated tails) instead of assuming it.
  const double meanU = m1 / m0;
  const double varU = std::max(0.0, m2 / m0 - meanU * meanU);
  const double dbPerNeper = 10.0 / std::numbers::ln10;
  return {dbPerNeper * meanU, dbPerNeper * std::sqrt(varU)};
}

}  // namespace irdrill::radio
