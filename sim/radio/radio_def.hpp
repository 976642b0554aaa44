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
  // Defaults (reference loss, exponent, body losses, shadowing sigma) are one joint fit of
  // the whole PACT dataset (232,744 packets, 0 dBm advertiser), RSSI = A - 10 n log10 d
  // - L[tx] - L[rx] + offset[environment], reference environment "large room center
  // congested" where hand-to-hand was measured: A = -55.13 dBm, n = 1.339, residual sigma
  // 7.33 dB; the Rician K = 3 fading below (dB mean -1.19, sd 3.75) taken out of A and
  // sigma (`irdrill radio fit ... --carry-columns tx_carry,rx_carry --group-by
  // environment`; hand-to-hand alone: A = -54.02 dBm, n = 1.47). See docs/radio-model.md.
  double referenceLossDb = 53.93;
  double pathLossExponent = 1.339;
  // Extra loss of each carry position relative to hand, dB (index = CarryPosition);
  // applied once for the transmitter's and once for the receiver's position. From the
  // PACT fit above (PACT's purse as bag); surface was not measured and is taken as hand.
  std::array<double, 6> bodyLossDb{0.0, 3.28, 10.80, 4.59, 1.01, 0.0};
  // Log-normal shadowing, correlated in space and time (Gudmundson exponential model).
  // sigma: the PACT residual 7.33 dB without the fading's 3.75 dB (quadrature).
  double shadowingSigmaDb = 6.30;
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
  double batteryCapacityMah = 220.0;  // CR2032-class coin cell (see docs/radio-timing.md)
  double chargePerAdvEventUc = 20.0;  // one event = a packet on each of 3 channels
  double sleepCurrentUa = 1.5;
  double initialChargeFraction = 1.0;  // 0..1 of capacity at simulation start
  core::SourceLocation where;
};

// A receiver's scanning duty cycle. Android-like modes (AOSP ScanManager values):
// low_power 140/1400 ms, balanced 183/730, low_latency 100/100, screen_off 512/10240;
// a gateway scans continuously. iOS-like background delivery coalesces what was heard
// and reports it every coalescing period. The receiver listens for windowMs every
// intervalMs, on one advertising channel per window in turn (37, 38, 39): see
// sim/radio/scan_modes.hpp for the built-in modes and docs/radio-timing.md.
struct ScanModeDef {
  std::string name;
  double windowMs = 100;         // 0 < windowMs <= intervalMs; equal means continuous
  double intervalMs = 100;       // start-to-start spacing of scan windows
  double coalescingPeriodS = 0;  // 0: every packet reported when heard
  core::SourceLocation where;    // where a file defined it; empty for built-in modes
};

struct ReceiverDef {
  std::string scanMode = "balanced";
  double sensitivityDbm = -95.0;
};

enum class Smoothing { MovingAverage, NOfM };

// Longest smoothing window (moving average k, or M of N-of-M), in packets: the phone keeps
// the last packets of each tag in a fixed ring.
inline constexpr int kMaxAlertWindowPackets = 32;

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
  // Must be several times the longest gap between reports of the slowest receiver
  // (screen_off scans 512 ms every 10.24 s; ios_background reports once a minute), or
  // every phone in those modes raises false alarms all day: see docs/day-model.md.
  double noPacketTimeoutS = 180.0;
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
