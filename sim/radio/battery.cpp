// Closed-form coin-cell life of an advertising tag, and the tag housings.
#include "sim/radio/battery.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include "sim/radio/advertiser.hpp"

namespace irdrill::radio {

namespace {
constexpr double kCoulombsPerMah = 3.6;  // 1 mAh = 1e-3 A * 3600 s
constexpr double kSecondsPerDay = 86'400.0;

double averageCurrentA(const TagDef& tag) {
  const double meanEventPeriodS =
      (tag.advertisingIntervalMs * 1e-3) + core::usToSeconds(kMeanAdvDelayUs);
  return tag.chargePerAdvEventUc * 1e-6 / meanEventPeriodS + tag.sleepCurrentUa * 1e-6;
}

// Seconds from time 0 until the cell is empty; infinity when no current is drawn.
double lifeSeconds(const TagDef& tag) {
  const double currentA = averageCurrentA(tag);
  if (currentA <= 0) return std::numeric_limits<double>::infinity();
  return tag.batteryCapacityMah * kCoulombsPerMah * tag.initialChargeFraction / currentA;
}

bool batteryFieldsSane(const TagDef& tag) {
  return tag.advertisingIntervalMs > 0 && tag.batteryCapacityMah > 0 &&
         tag.chargePerAdvEventUc >= 0 && tag.sleepCurrentUa >= 0 &&
         tag.initialChargeFraction >= 0 && tag.initialChargeFraction <= 1 &&
         std::isfinite(tag.batteryCapacityMah) && std::isfinite(tag.chargePerAdvEventUc) &&
         std::isfinite(tag.sleepCurrentUa);
}
}  // namespace

Battery::Battery(const TagDef& tag)
    : initialChargeFraction_(tag.initialChargeFraction),
      averageCurrentUa_(0),
      depletionTimeUs_(core::kTimeNeverUs) {
  if (!batteryFieldsSane(tag)) {
    throw std::invalid_argument("Battery: invalid tag battery fields (see validateBattery)");
  }
  averageCurrentUa_ = averageCurrentA(tag) * 1e6;
  const double lifeUs = lifeSeconds(tag) * 1e6;
  // Anything beyond ~292,000 years is "never"; the comparison also catches infinity.
  if (lifeUs < static_cast<double>(core::kTimeNeverUs / 2)) {
    depletionTimeUs_ = std::llround(lifeUs);
  }
}

double Battery::remainingFraction(core::TimeUs timeUs) const {
  if (timeUs <= 0 || depletionTimeUs_ == core::kTimeNeverUs) return initialChargeFraction_;
  if (timeUs >= depletionTimeUs_) return 0.0;
  return initialChargeFraction_ *
         (1.0 - static_cast<double>(timeUs) / static_cast<double>(depletionTimeUs_));
}

double batteryLifeDays(const TagDef& tag) { return lifeSeconds(tag) / kSecondsPerDay; }

void validateBattery(const TagDef& tag, core::Diagnostics& diagnostics) {
  if (!(tag.batteryCapacityMah > 0 && std::isfinite(tag.batteryCapacityMah))) {
    diagnostics.error(tag.where, "battery capacity " + core::formatNumber(tag.batteryCapacityMah) +
                                     " mAh must be positive");
  }
  if (!(tag.chargePerAdvEventUc >= 0 && std::isfinite(tag.chargePerAdvEventUc))) {
    diagnostics.error(tag.where, "charge per advertising event " +
                                     core::formatNumber(tag.chargePerAdvEventUc) + " uC must be >= 0");
  }
  if (!(tag.sleepCurrentUa >= 0 && std::isfinite(tag.sleepCurrentUa))) {
    diagnostics.error(tag.where,
                      "sleep current " + core::formatNumber(tag.sleepCurrentUa) + " uA must be >= 0");
  }
  if (!(tag.initialChargeFraction >= 0 && tag.initialChargeFraction <= 1)) {
    diagnostics.error(tag.where, "initial charge fraction " +
                                     core::formatNumber(tag.initialChargeFraction) +
                                     " must be between 0 and 1");
  }
}

TagHousing tagHousing(TagFormFactor formFactor) {
  switch (formFactor) {
    case TagFormFactor::HangingTag:
      return {35.5, 19.0, 2.8, 2.4};
    case TagFormFactor::Sticker:
      return {36.2, 24.0, 3.4, 3.4};
  }
  throw std::invalid_argument("tagHousing: unknown form factor");
}

}  // namespace irdrill::radio
