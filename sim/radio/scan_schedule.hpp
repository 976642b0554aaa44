// When a receiver (phone or gateway) listens, on which advertising channel, and when
// what it heard reaches the app. Pure arithmetic on a periodic schedule: every query is
// O(1), so the simulation never schedules an event per scan window.
//
// Sections: ScanSchedule; matching an advertising event against it; ReportCoalescer.
// The model, its sources and its assumptions: docs/radio-timing.md.
#pragma once

#include <cstdint>
#include <optional>
#include <unordered_map>

#include "sim/core/time.hpp"
#include "sim/radio/advertiser.hpp"
#include "sim/radio/radio_def.hpp"

namespace irdrill::radio {

// ---- ScanSchedule --------------------------------------------------------------------

// ceil(heardUs / periodUs) * periodUs for periodUs > 0 and heardUs >= 0; heardUs itself
// when periodUs == 0 (no coalescing).
constexpr core::TimeUs coalescedDeliveryTimeUs(core::TimeUs heardUs, core::TimeUs periodUs) {
  if (periodUs == 0 || heardUs <= 0) return heardUs;
  return (heardUs + periodUs - 1) / periodUs * periodUs;
}

// A receiver's scan windows. Window k (k = 0, 1, 2, ...) spans
//   [phase + k * interval, phase + k * interval + window)
// and listens on channel index k mod 3 (37 -> 38 -> 39 -> 37 ..., one channel per
// window, as Android controllers do). Nothing is heard before the phase: the receiver
// starts scanning there.
//
// A packet is heard only if it lies entirely inside one window and is on that window's
// channel. When window == interval (continuous scanning) consecutive windows abut, and
// a packet straddling the boundary is lost: the receiver retunes to the next channel at
// the boundary and drops the packet it was receiving.
//
// Reception here is timing only; the caller then applies the link budget per packet.
class ScanSchedule {
 public:
  // phaseUs (>= 0): start of the first window. For a receiver scanning since the start
  // of the simulation draw it uniform in [0, interval); for one switching mode at time
  // t, phase = t (or t plus a draw). Throws std::invalid_argument unless
  // 0 < window <= interval and coalescingPeriodS >= 0 (validateScanMode checks files).
  ScanSchedule(const ScanModeDef& mode, core::TimeUs phaseUs);

  // True if a packet starting at packetStartUs, lasting airtimeUs, on channelIndex
  // (0, 1, 2 for 37, 38, 39) lies entirely inside a window listening on that channel.
  bool hears(core::TimeUs packetStartUs, core::TimeUs airtimeUs, int channelIndex) const;

  // Channel index the receiver listens on at timeUs, or -1 when it is not listening
  // (between windows, or before the phase).
  int channelAt(core::TimeUs timeUs) const;
  bool listeningAt(core::TimeUs timeUs) const { return channelAt(timeUs) >= 0; }

  // When the app learns of a packet heard (completely received) at heardUs: heardUs
  // itself, or with coalescing the next multiple of the coalescing period,
  // ceil(heardUs / period) * period (a packet heard exactly on a multiple is delivered
  // at once). At most one report per tag per period: see ReportCoalescer.
  core::TimeUs deliveryTimeUs(core::TimeUs heardUs) const;

  // Fraction of time spent listening, window / interval (1 for continuous scanning).
  double dutyCycle() const {
    return static_cast<double>(windowUs_) / static_cast<double>(intervalUs_);
  }
  bool continuous() const { return windowUs_ == intervalUs_; }

  // Start of the first window beginning at or after timeUs.
  core::TimeUs nextWindowStartUs(core::TimeUs timeUs) const;

  core::TimeUs windowUs() const { return windowUs_; }
  core::TimeUs intervalUs() const { return intervalUs_; }
  core::TimeUs phaseUs() const { return phaseUs_; }
  core::TimeUs coalescingPeriodUs() const { return coalescingPeriodUs_; }

 private:
  core::TimeUs windowUs_;
  core::TimeUs intervalUs_;
  core::TimeUs phaseUs_;
  core::TimeUs coalescingPeriodUs_;  // 0: no coalescing
};

// ---- Matching an advertising event against a schedule ----------------------------------

// Bit c set (c = 0, 1, 2) when the receiver hears the current event's packet on channel
// index c. With windows of 100 ms or more at most one bit is usually set; two are
// possible for a continuous scanner when the event straddles a window boundary.
unsigned heardChannelMask(const Advertiser& advertiser, const ScanSchedule& schedule);

// The first channel index of the current event the receiver hears, or nullopt when the
// event is missed. Heard time is advertiser.packetEndUs(channel).
std::optional<int> firstHeardChannel(const Advertiser& advertiser, const ScanSchedule& schedule);

// ---- ReportCoalescer -------------------------------------------------------------------

// iOS-like delivery for one receiver: among the packets of a tag heard during one
// coalescing period (heard in (m-1) P, m P]) only the first is reported, at m P.
// With period 0 every packet is reported when heard. Memory: one entry per tag seen.
class ReportCoalescer {
 public:
  explicit ReportCoalescer(const ScanSchedule& schedule)
      : coalescingPeriodUs_(schedule.coalescingPeriodUs()) {}

  // Delivery time of a packet of tagKey heard at heardUs, or nullopt when the tag was
  // already reported for that delivery instant. Per tag, heardUs must not decrease
  // (true when called from event handlers in time order).
  std::optional<core::TimeUs> offer(std::uint64_t tagKey, core::TimeUs heardUs);

 private:
  core::TimeUs coalescingPeriodUs_;
  std::unordered_map<std::uint64_t, core::TimeUs> lastDeliveryUs_;
};

}  // namespace irdrill::radio
