// Scan-window arithmetic of a receiver, and iOS-like report coalescing.
#include "sim/radio/scan_schedule.hpp"

#include <stdexcept>

namespace irdrill::radio {

ScanSchedule::ScanSchedule(const ScanModeDef& mode, core::TimeUs phaseUs)
    : windowUs_(core::millisToUs(mode.windowMs)),
      intervalUs_(core::millisToUs(mode.intervalMs)),
      phaseUs_(phaseUs),
      coalescingPeriodUs_(core::secondsToUs(mode.coalescingPeriodS)) {
  if (!(mode.windowMs > 0) || windowUs_ <= 0 || windowUs_ > intervalUs_) {
    throw std::invalid_argument("ScanSchedule '" + mode.name + "': need 0 < window <= interval");
  }
  if (!(mode.coalescingPeriodS >= 0)) {
    throw std::invalid_argument("ScanSchedule '" + mode.name + "': coalescing period must be >= 0");
  }
  if (phaseUs < 0) throw std::invalid_argument("ScanSchedule: phase must be >= 0");
}

bool ScanSchedule::hears(core::TimeUs packetStartUs, core::TimeUs airtimeUs,
                         int channelIndex) const {
  if (packetStartUs < phaseUs_) return false;
  const core::TimeUs sinceUs = packetStartUs - phaseUs_;
  const core::TimeUs window = sinceUs / intervalUs_;
  const core::TimeUs offsetUs = sinceUs - window * intervalUs_;
  // The whole packet must fit: [offset, offset + airtime] within [0, window]. A packet
  // ending exactly at the window's end is complete, hence heard.
  return offsetUs + airtimeUs <= windowUs_ &&
         static_cast<int>(window % kAdvertisingChannelCount) == channelIndex;
}

int ScanSchedule::channelAt(core::TimeUs timeUs) const {
  if (timeUs < phaseUs_) return -1;
  const core::TimeUs sinceUs = timeUs - phaseUs_;
  const core::TimeUs window = sinceUs / intervalUs_;
  if (sinceUs - window * intervalUs_ >= windowUs_) return -1;
  return static_cast<int>(window % kAdvertisingChannelCount);
}

core::TimeUs ScanSchedule::deliveryTimeUs(core::TimeUs heardUs) const {
  return coalescedDeliveryTimeUs(heardUs, coalescingPeriodUs_);
}

core::TimeUs ScanSchedule::nextWindowStartUs(core::TimeUs timeUs) const {
  if (timeUs <= phaseUs_) return phaseUs_;
  const core::TimeUs sinceUs = timeUs - phaseUs_;
  return phaseUs_ + (sinceUs + intervalUs_ - 1) / intervalUs_ * intervalUs_;
}

unsigned heardChannelMask(const Advertiser& advertiser, const ScanSchedule& schedule) {
  unsigned mask = 0;
  for (int channel = 0; channel < kAdvertisingChannelCount; ++channel) {
    if (schedule.hears(advertiser.packetStartUs(channel), advertiser.timing().packetAirtimeUs,
                       channel)) {
      mask |= 1u << channel;
    }
  }
  return mask;
}

std::optional<int> firstHeardChannel(const Advertiser& advertiser, const ScanSchedule& schedule) {
  for (int channel = 0; channel < kAdvertisingChannelCount; ++channel) {
    if (schedule.hears(advertiser.packetStartUs(channel), advertiser.timing().packetAirtimeUs,
                       channel)) {
      return channel;
    }
  }
  return std::nullopt;
}

std::optional<core::TimeUs> ReportCoalescer::offer(std::uint64_t tagKey, core::TimeUs heardUs) {
  const core::TimeUs deliveryUs = coalescedDeliveryTimeUs(heardUs, coalescingPeriodUs_);
  if (coalescingPeriodUs_ == 0) return deliveryUs;
  const auto [it, inserted] = lastDeliveryUs_.try_emplace(tagKey, deliveryUs);
  if (inserted) return deliveryUs;
  if (it->second >= deliveryUs) return std::nullopt;
  it->second = deliveryUs;
  return deliveryUs;
}

}  // namespace irdrill::radio
