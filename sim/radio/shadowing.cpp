// Spatially and temporally correlated log-normal shadowing (see shadowing.hpp).
#include "sim/radio/shadowing.hpp"

#include <boost/random/normal_distribution.hpp>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace irdrill::radio {
namespace {

// amount / scale, where a zero scale makes any positive amount infinitely decorrelating
// and an infinite scale never decorrelates.
double decorrelationExponent(double amount, double scale) {
  if (amount <= 0) return 0.0;
  if (scale <= 0) return std::numeric_limits<double>::infinity();
  return amount / scale;
}

}  // namespace

double shadowingCorrelation(const PropagationDef& def, double dtS, double movedM) {
  return std::exp(-decorrelationExponent(movedM, def.shadowingDecorrelationM) -
                  decorrelationExponent(dtS, def.shadowingDecorrelationS));
}

double advanceShadowingDb(ShadowingState& state, const PropagationDef& def, core::TimeUs nowUs,
                          double movedM, core::RandomEngine& engine) {
  if (!(movedM >= 0)) {
    throw std::invalid_argument("advanceShadowingDb: movedM must be >= 0");
  }
  boost::random::normal_distribution<double> normal(0.0, 1.0);
  if (!state.initialized) {
    state.initialized = true;
    state.lastUs = nowUs;
    state.valueDb = def.shadowingSigmaDb * normal(engine);
    return state.valueDb;
  }
  if (nowUs < state.lastUs) {
    throw std::invalid_argument("advanceShadowingDb: time ran backwards");
  }
  const double rho = shadowingCorrelation(def, core::usToSeconds(nowUs - state.lastUs), movedM);
  state.lastUs = nowUs;
  if (rho >= 1.0) return state.valueDb;  // same place, same instant: same shadowing
  state.valueDb =
      rho * state.valueDb + std::sqrt(1.0 - rho * rho) * def.shadowingSigmaDb * normal(engine);
  return state.valueDb;
}

}  // namespace irdrill::radio
