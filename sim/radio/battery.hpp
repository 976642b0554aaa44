// A tag's hardware budget: the coin cell that powers its advertising (closed-form life,
// the tag falls silent when it is empty) and the two housings the tags come in.
//
// Sections: Battery; checks; form factors. Arithmetic and sources: docs/radio-timing.md.
#pragma once

#include "sim/core/diagnostics.hpp"
#include "sim/core/time.hpp"
#include "sim/radio/radio_def.hpp"

namespace irdrill::radio {

// ---- Battery -------------------------------------------------------------------------

// Constant average current, linear discharge (a coin cell's voltage is nearly flat
// until the end; self-discharge, temperature and pulse-load derating are ignored):
//   I [A]   = chargePerAdvEventUc * 1e-6 / meanEventPeriodS + sleepCurrentUa * 1e-6
//   meanEventPeriodS = (advertisingInterval + 5 ms mean advDelay) in seconds
//   Q [C]   = batteryCapacityMah * 3.6 * initialChargeFraction
//   life    = Q / I, counted from time 0 (the start of the simulation)
// Defaults (220 mAh, 20 uC per event, 1.5 uA, 1000 ms): 428.3 days, 1.17 years.
class Battery {
 public:
  // Throws std::invalid_argument on a def validateBattery rejects.
  explicit Battery(const TagDef& tag);

  // When the cell is empty and the tag stops advertising; kTimeNeverUs if it draws no
  // current (or would last longer than TimeUs can count).
  core::TimeUs depletionTimeUs() const { return depletionTimeUs_; }
  // True strictly before depletionTimeUs().
  bool aliveAt(core::TimeUs timeUs) const { return timeUs < depletionTimeUs_; }
  // Charge left at timeUs as a fraction of the nominal capacity: initialChargeFraction
  // at 0, falling linearly to 0 at depletionTimeUs(), 0 after.
  double remainingFraction(core::TimeUs timeUs) const;
  double averageCurrentUa() const { return averageCurrentUa_; }

 private:
  double initialChargeFraction_;
  double averageCurrentUa_;
  core::TimeUs depletionTimeUs_;
};

// Days the tag advertises from the start of the simulation (the formula above, not
// rounded to microseconds). Infinity when it draws no current.
double batteryLifeDays(const TagDef& tag);

// ---- Checks ---------------------------------------------------------------------------

// User-input checks of the battery fields of a tag, reported at tag.where.
void validateBattery(const TagDef& tag, core::Diagnostics& diagnostics);

// ---- Form factors ----------------------------------------------------------------------

// Outer dimensions (length = the longer side) and mass of a tag housing, for the GUI and
// for sanity checks of the battery a scenario gives it.
struct TagHousing {
  double lengthMm;
  double widthMm;
  double thicknessMm;
  double massG;
};

// HangingTag: 35.5 x 19 x 2.8 mm, 2.4 g. Sticker: 24 x 36.2 x 3.4 mm, 3.4 g.
TagHousing tagHousing(TagFormFactor formFactor);

}  // namespace irdrill::radio
