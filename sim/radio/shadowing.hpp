// Log-normal shadowing correlated in space and time: the slow part of the received power
// that depends on where the people and their bodies are, not on each packet. A link
// whose two ends stand still keeps (nearly) the same shadowing value; walking decorrelates
// it. Gudmundson's exponential autocorrelation (Electronics Letters 27(23), 1991),
//   corr(shadowing after moving d metres) = exp(-d / decorrelationM),
// extended in time for people and objects moving around a still link:
//   rho = exp(-movedM / shadowingDecorrelationM - dtS / shadowingDecorrelationS),
// realised as a stationary first-order Gauss-Markov (AR(1)) process
//   value' = rho * value + sqrt(1 - rho^2) * sigma * N(0, 1),
// whose marginal stays N(0, sigma) whatever the call pattern.
#pragma once

#include "sim/core/random_streams.hpp"
#include "sim/core/time.hpp"
#include "sim/radio/radio_def.hpp"

namespace irdrill::radio {

// Per-link state (one per transmitter-receiver pair), owned by the caller.
struct ShadowingState {
  bool initialized = false;
  core::TimeUs lastUs = 0;  // time of the last advance
  double valueDb = 0;       // current shadowing, dB
};

// Advances the link's shadowing to nowUs and returns it, dB. movedM (metres, >= 0) is how
// far the two ends moved in total since the last call; the caller computes it.
// - First call: draws N(0, shadowingSigmaDb) (one normal).
// - Later calls: the AR(1) update above (one normal), except when rho == 1 (same time,
//   no movement): the value is kept and nothing is drawn.
// A decorrelation of 0 means any movement (or any elapsed time) decorrelates fully.
// Throws std::invalid_argument when nowUs is before the last call or movedM is negative
// or NaN: time never runs backwards.
double advanceShadowingDb(ShadowingState& state, const PropagationDef& def, core::TimeUs nowUs,
                          double movedM, core::RandomEngine& engine);

// The correlation coefficient used by one update, exposed for tests and documentation.
double shadowingCorrelation(const PropagationDef& def, double dtS, double movedM);

}  // namespace irdrill::radio
