// BLE legacy advertising timing of a tag: event spacing with advDelay, def checks.
#include "sim/radio/advertiser.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

#include <boost/random/uniform_int_distribution.hpp>

namespace irdrill::radio {

Advertiser::Advertiser(const TagDef& tag, AdvertisingTiming timing, core::TimeUs firstEventUs)
    : intervalUs_(core::millisToUs(tag.advertisingIntervalMs)),
      timing_(timing),
      currentEventUs_(firstEventUs) {
  if (!(tag.advertisingIntervalMs > 0) || intervalUs_ <= 0) {
    throw std::invalid_argument("Advertiser: advertising interval must be positive");
  }
  if (timing.packetAirtimeUs <= 0 || timing.channelSpacingUs < timing.packetAirtimeUs) {
    throw std::invalid_argument(
        "Advertiser: need 0 < packetAirtimeUs <= channelSpacingUs (packets cannot overlap)");
  }
  if (firstEventUs < 0) throw std::invalid_argument("Advertiser: firstEventUs must be >= 0");
}

core::TimeUs Advertiser::advance(core::RandomEngine& engine) {
  // Integer draw: no floating point between the engine and the timestamp, so the event
  // times are bit-identical everywhere. Boost's distribution, not std's (see
  // random_streams.hpp).
  boost::random::uniform_int_distribution<core::TimeUs> advDelayUs(0, kMaxAdvDelayUs);
  currentEventUs_ += intervalUs_ + advDelayUs(engine);
  ++advanceCount_;
  return currentEventUs_;
}

void validateAdvertising(const TagDef& tag, core::Diagnostics& diagnostics) {
  const double intervalMs = tag.advertisingIntervalMs;
  if (!(intervalMs >= kMinAdvertisingIntervalMs && intervalMs <= kMaxAdvertisingIntervalMs)) {
    diagnostics.error(tag.where, "advertising interval " + core::formatNumber(intervalMs) +
                                     " ms is outside the legacy BLE range (expected 20 to "
                                     "10240 ms)");
  } else {
    // The link layer counts the interval in 0.625 ms slots; other values are accepted
    // (the simulation does not quantise them) but no real tag could use them.
    const double slots = intervalMs / 0.625;
    if (std::abs(slots - std::round(slots)) > 1e-6) {
      diagnostics.warning(tag.where, "advertising interval " + core::formatNumber(intervalMs) +
                                         " ms is not a multiple of 0.625 ms");
    }
  }
  if (!(tag.txPowerDbm >= -40.0 && tag.txPowerDbm <= 20.0)) {
    diagnostics.error(tag.where, "transmit power " + core::formatNumber(tag.txPowerDbm) +
                                     " dBm is outside the BLE range (expected -40 to 20 dBm)");
  }
}

}  // namespace irdrill::radio
