// Definitions of the radio half of a scenario: propagation, tags, receivers' scan modes,
// and the separation-alert rules users tune. Plain data, filled by the scenario loader.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include "sim/core/diagnostics.hpp"

namespace irdrill::radio {

// Where a device is carried. Costs body loss relative to "hand" (PACT measurements);
// Surface means lying on a desk or table with no body nearby.
enum class CarryPosition { Hand, FrontPocket, BackPocket, ShirtPocket, Bag, Surface };
inline constexpr std::array<const char*, 6> kCarryPositionNames{
    "hand", "front_pocket", "back_pocket", "shirt_pocket", "bag", "surface"};

enum class FadingKind { Rayleigh, Rician, None };

struct PropagationDef {
  // Log-distance path loss: PL(d) = referenceLossDb + 10 n log10(d / 1 m), d >= 0.1 m.
  // Defaults calibrated on the PACT hand-to-hand slice (RSSI(1 m) ~ -54 dBm for a 0 dBm
  // transmitter, n ~ 1.5): see docs/radio-model.md.
  double referenceLossDb = 54.0;
  double pathLossExponent = 1.5;
  // Extra loss of each carry position relative to hand, dB (index = CarryPosition);
  // applied once for the transmitter's and once for the receiver's position.
  std::array<double, 6> bodyLossDb{0.0, 0.0, 0.0, 0.0, 0.0, 0.0};
  // Log-normal shadowing, correlated in space and time (Gudmundson exponential model).
  double shadowingSigmaDb = 4.0;
  double shadowingDecorrelationM = 3.0;
  double shadowingDecorrelationS = 30.0;
  FadingKind fading = FadingKind::Rician;
  double ricianK = 3.0;  // linear ratio of line-of-sight to scattered power
  core::SourceLocation where;
};

enum class TagFormFactor { HangingTag, Sticker };
inline constexpr std::array<const char*, 2> kTagFormFactorNames{"tag", "sticker"};

struct TagDef {
  TagFormFactor formFactor = TagFormFactor::HangingTag;
  double advertisingIntervalMs = 1000.0;  // plus advDelay, uniform 0-10 ms, per event
  double txPowerDbm = 0.0;
  double batteryCapacityMah = 220.0;  // CR2032-class coin cell
  double chargePerAdvEventUc = 20.0;  // one event = a packet on each of 3 channels
  double sleepCurrentUa = 1.5;
  double initialChargeFraction = 1.0;  // 0..1, to model tags already part-drained
  core::SourceLocation where;
};

// A receiver's scanning duty cycle. Android-like modes (AOSP ScanManager values):
// low_power 140/1400 ms, balanced 183/730, low_latency 100/100, screen_off 512/10240;
// a gateway scans continuously. iOS-like background delivery coalesces what was heard
// and reports it every coalescing period.
struct ScanModeDef {
  std::string name;
  double windowMs = 100;
  double intervalMs = 100;
  double coalescingPeriodS = 0;  // 0: every packet reported when heard
};

struct ReceiverDef {
  std::string scanMode = "balanced";
  double sensitivityDbm = -95.0;
};

enum class Smoothing { MovingAverage, NOfM };

// The phone's "you left something behind" rule. An alert is raised when the smoothed RSSI
// has stayed below the threshold for holdS, or when no packet has been heard for
// noPacketTimeoutS. It re-arms after the tag is heard above the threshold again.
struct AlertRuleDef {
  double rssiThresholdDbm = -85.0;
  Smoothing smoothing = Smoothing::MovingAverage;
  int movingAverageSamples = 5;  // moving average over the last k packets
  int nOfMN = 3;                 // N-of-M: N of the last M packets below threshold
  int nOfMM = 5;
  double holdS = 10.0;
  double noPacketTimeoutS = 30.0;
  core::SourceLocation where;
};

// How people respond to alerts. Each false alarm in the last fatigueWindowS multiplies
// the probability of responding by fatigueFactor (alert fatigue).
struct ReactionDef {
  double respondProbability = 0.9;
  double responseDelayMeanS = 60.0;  // exponential
  double fatigueFactor = 0.8;
  double fatigueWindowS = 8 * 3600.0;
  core::SourceLocation where;
};

}  // namespace irdrill::radio
