// Calibration of the propagation model from measured RSSI: least-squares fits of the
// log-distance model, optionally with per-group offsets or per-carry-position losses,
// and the conversion of a fit into PropagationDef values.
//
//   plain:    rssi = A - 10 n log10(d / 1 m)                                     + e
//   grouped:  rssi = A - 10 n log10(d / 1 m) + offset[group]                      + e
//   carry:    rssi = A - 10 n log10(d / 1 m) - L[txCarry] - L[rxCarry] (+ offset[group]) + e
//
// with offset[referenceGroup] = 0 and L[hand] = 0 (both ends share one loss table), e
// the residual. The normal equations (p <= ~20 unknowns) are accumulated in one pass and
// solved by Gaussian elimination with partial pivoting; sigma is the residual standard
// error sqrt(RSS / (count - p)).
//
// Errors: every fit throws FitError (a std::invalid_argument) with a message meant for
// the user: fewer samples than unknowns plus one, a non-positive or non-finite distance
// or RSSI, a reference group absent from the data, or a design that cannot separate the
// unknowns (all samples at one distance, a group confounded with a carry position...).
#pragma once

#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "sim/radio/fading.hpp"
#include "sim/radio/radio_def.hpp"

namespace irdrill::radio {

class FitError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

struct RssiSample {
  double distanceM = 0;
  double rssiDbm = 0;
  std::string group;  // ignored by fitLogDistance
};

struct LogDistanceFit {
  double rssiAt1mDbm = 0;  // A
  double exponent = 0;     // n
  double sigmaDb = 0;      // residual standard error
  std::size_t count = 0;
  double rSquared = 0;
};

LogDistanceFit fitLogDistance(const std::vector<RssiSample>& samples);

struct GroupedFit {
  double rssiAt1mDbm = 0;  // A of the reference group
  double exponent = 0;     // shared by all groups
  double sigmaDb = 0;
  std::map<std::string, double> groupOffsetDb;  // every group; the reference maps to 0
  std::string referenceGroup;
  std::size_t count = 0;
  double rSquared = 0;
};

GroupedFit fitLogDistanceGrouped(const std::vector<RssiSample>& samples,
                                 const std::string& referenceGroup);

struct CarrySample {
  double distanceM = 0;
  double rssiDbm = 0;
  CarryPosition txCarry = CarryPosition::Hand;
  CarryPosition rxCarry = CarryPosition::Hand;
  std::string group;  // a nuisance factor such as the environment; may be empty
};

struct CarryFit {
  double rssiAt1mDbm = 0;  // A: hand to hand, in the reference group
  double exponent = 0;
  double sigmaDb = 0;
  // Loss relative to hand, dB, index = CarryPosition; nullopt for positions absent from
  // the data. Hand is always 0.
  std::array<std::optional<double>, 6> bodyLossDb{};
  std::map<std::string, double> groupOffsetDb;  // empty without a group factor
  std::string referenceGroup;
  std::size_t count = 0;
  double rSquared = 0;
};

// Fits per-carry-position losses with L[hand] = 0; hand must occur at some end. With a
// non-empty referenceGroup, samples' groups are an extra factor (offsets added to RSSI)
// - e.g. the environment, which otherwise leaks into the carry losses when positions
// were measured in different rooms. With an empty referenceGroup groups are ignored.
CarryFit fitLogDistanceCarry(const std::vector<CarrySample>& samples,
                             const std::string& referenceGroup);

// Maps a carry label to a position: the irdrill names (hand, front_pocket, back_pocket,
// shirt_pocket, bag, surface) and the PACT dataset's (Hand, FrontPantsPocket,
// BackPantsPocket, ShirtPocket, Purse), where a PACT screen-orientation suffix UP/DOWN is
// ignored (HandUP, PurseDOWN).
std::optional<CarryPosition> carryPositionFromLabel(std::string_view label);
// "hand, front_pocket, ... (or PACT labels: Hand, FrontPantsPocket, ...)", for messages.
std::string acceptedCarryLabels();

// PropagationDef values from a fit, consistent with how the model draws packets. The fit
// averages RSSI in dB, and fading with unit mean linear power has a negative mean in dB
// (fading.hpp), so the mean path loss is smaller than txPowerDbm - A by that mean; and the
// residual spread is shadowing and fading together, so shadowing gets the rest:
//   referenceLossDb  = txPowerDbm - rssiAt1mDbm + fadingMeanDb
//   shadowingSigmaDb = sqrt(max(0, residualSigmaDb^2 - fadingSdDb^2))
// With FadingKind::None these are txPowerDbm - A and the residual sigma.
struct PropagationCalibration {
  double referenceLossDb = 0;
  double shadowingSigmaDb = 0;
  FadingDbMoments fading;              // what was removed
  bool fadingExceedsResidual = false;  // the fading alone spreads more than the data
};

PropagationCalibration calibrateFromFit(double rssiAt1mDbm, double residualSigmaDb,
                                        double txPowerDbm, FadingKind fading, double ricianK);

}  // namespace irdrill::radio
