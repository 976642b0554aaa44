// The phone's separation rule for one (phone, tag) pair, as a pure state machine.
//
// Input: the packets the phone hears from the tag (time, RSSI), in time order, and the
// clock. Output: alert times. The rule (radio::AlertRuleDef):
//   - "weak": the smoothed RSSI is below the threshold (moving average of the last k
//     packets, or at least N of the last M packets below it);
//   - a weak condition that has held for holdS raises an alert, and so does hearing no
//     packet at all for noPacketTimeoutS;
//   - after an alert the monitor stays quiet until it re-arms: a packet arrives and the
//     condition is no longer weak.
// Between packets the condition keeps its last value, so an alert can fall due with no
// packet arriving: the caller asks nextDeadlineUs() and calls poll() then.
//
// The monitor is independent of the radio and the kernel, so a threshold sweep can
// replay one reception trace through many rules.
#pragma once

#include <array>
#include <cstdint>
#include <optional>

#include "sim/core/time.hpp"
#include "sim/radio/radio_def.hpp"

namespace irdrill::day {

enum class AlertCause { WeakSignal, NoPacket };

class SeparationMonitor {
 public:
  static constexpr int kMaxWindow = radio::kMaxAlertWindowPackets;

  // Starts monitoring at startUs, as if a packet had just been heard strongly (the
  // owner pairs the tag with the item in hand).
  SeparationMonitor(const radio::AlertRuleDef& rule, core::TimeUs startUs);

  // A packet heard at timeUs (>= the previous call's time).
  void onPacket(core::TimeUs timeUs, double rssiDbm);
  // The earliest time an alert would fall due if no packet arrives; nullopt while the
  // monitor is quiet after an alert.
  std::optional<core::TimeUs> nextDeadlineUs() const;
  // Raises the alert if one is due at nowUs; returns its cause. Afterwards the monitor
  // is quiet until re-armed.
  std::optional<AlertCause> poll(core::TimeUs nowUs);

  bool armed() const { return armed_; }
  bool weak() const { return weakSinceUs_.has_value(); }
  core::TimeUs lastPacketUs() const { return lastPacketUs_; }

 private:
  bool conditionWeak() const;

  radio::AlertRuleDef rule_;
  core::TimeUs holdUs_;
  core::TimeUs timeoutUs_;
  std::array<double, kMaxWindow> recentRssiDbm_{};  // ring buffer of the last packets
  int recentCount_ = 0;
  int recentNext_ = 0;
  core::TimeUs lastPacketUs_;
  std::optional<core::TimeUs> weakSinceUs_;
  bool armed_ = true;
};

}  // namespace irdrill::day
