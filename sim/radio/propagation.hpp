// Mean received power of a BLE packet: log-distance path loss, wall losses and the body
// losses of where each device is carried. The random parts (shadowing, fading) live in
// shadowing.hpp and fading.hpp; a packet's power is
//
//   rxDbm = txPowerDbm - PL(d) - wallLossDb - bodyLoss[txCarry] - bodyLoss[rxCarry]
//           + shadowingDb + fadingDb
//   PL(d) = referenceLossDb + 10 n log10(max(d, 0.1 m) / 1 m)
//
// and the caller compares it with the receiver's sensitivity. See docs/radio-model.md.
#pragma once

#include <vector>

#include "sim/core/diagnostics.hpp"
#include "sim/core/random_streams.hpp"
#include "sim/radio/radio_def.hpp"

namespace irdrill::radio {

// Reports every out-of-range field of `def` at def.where (non-finite numbers, a
// non-positive path-loss exponent, a negative sigma, decorrelation or Rician K), so the
// scenario loader can show them located. Body losses may be negative (a position better
// than hand) but must be finite.
void checkPropagationDef(const PropagationDef& def, core::Diagnostics& diagnostics);

class PropagationModel {
 public:
  // Closer than this the far-field formula would predict gains; distances are clamped.
  static constexpr double kMinDistanceM = 0.1;

  // Throws std::invalid_argument (with the messages of checkPropagationDef) when the
  // definition is not sane: a loader should have reported it to the user first.
  explicit PropagationModel(const PropagationDef& def);

  // Log-distance path loss, dB, at distanceM metres (clamped to kMinDistanceM).
  double pathLossDb(double distanceM) const;
  // Loss of a carry position relative to hand, dB.
  double bodyLossDb(CarryPosition position) const;
  // Received power without shadowing or fading, dBm. wallLossDb is the sum of the
  // penetration losses of the walls crossed (computed by the world model).
  double meanRssiDbm(double txPowerDbm, double distanceM, double wallLossDb, CarryPosition txCarry,
                     CarryPosition rxCarry) const;
  // Distance, metres, beyond which no packet can reach sensitivityDbm even with the
  // least lossy carry positions at both ends, no walls, and marginDb of shadowing plus
  // fading luck: links farther apart can be culled without drawing. Infinite when the
  // exponent cannot make the loss grow (never with a checked def). May be below
  // kMinDistanceM when nothing is ever received.
  double maxRangeM(double txPowerDbm, double sensitivityDbm, double marginDb) const;

  const PropagationDef& def() const { return def_; }

 private:
  PropagationDef def_;
  double minBodyLossDb_ = 0;  // the least lossy carry position, for maxRangeM
};

// One packet with shadowing drawn independently of any earlier packet (no correlation)
// plus fading: rx = meanRssiDbm + N(0, shadowingSigmaDb) + fadingDb. What
// `irdrill radio sample` draws; links that persist should use ShadowingState instead.
// Draw order (fixed, part of reproducibility): the shadowing normal, then the fading.
double drawIndependentRssiDbm(const PropagationDef& def, double meanRssiDbm,
                              core::RandomEngine& engine);

}  // namespace irdrill::radio
