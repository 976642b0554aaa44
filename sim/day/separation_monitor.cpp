#include "sim/day/separation_monitor.hpp"

#include <algorithm>
#include <stdexcept>

namespace irdrill::day {

SeparationMonitor::SeparationMonitor(const radio::AlertRuleDef& rule, core::TimeUs startUs)
    : rule_(rule),
      holdUs_(core::secondsToUs(rule.holdS)),
      timeoutUs_(core::secondsToUs(rule.noPacketTimeoutS)),
      lastPacketUs_(startUs) {
  const int window = rule.smoothing == radio::Smoothing::MovingAverage ? rule.movingAverageSamples
                                                                      : rule.nOfMM;
  if (window < 1 || window > kMaxWindow) {
    throw std::invalid_argument("SeparationMonitor: smoothing window must be 1..32 packets");
  }
}

bool SeparationMonitor::conditionWeak() const {
  if (recentCount_ == 0) return false;
  if (rule_.smoothing == radio::Smoothing::MovingAverage) {
    const int k = std::min(recentCount_, rule_.movingAverageSamples);
    double sum = 0;
    for (int i = 0; i < k; ++i) {
      sum += recentRssiDbm_[(recentNext_ - 1 - i + kMaxWindow) % kMaxWindow];
    }
    return sum / k < rule_.rssiThresholdDbm;
  }
  // N of M: until M packets were heard, count the missing ones as not weak.
  const int m = std::min(recentCount_, rule_.nOfMM);
  int below = 0;
  for (int i = 0; i < m; ++i) {
    if (recentRssiDbm_[(recentNext_ - 1 - i + kMaxWindow) % kMaxWindow] < rule_.rssiThresholdDbm) {
      ++below;
    }
  }
  return below >= rule_.nOfMN;
}

void SeparationMonitor::onPacket(core::TimeUs timeUs, double rssiDbm) {
  // After a silence as long as the timeout, older readings describe another situation:
  // smoothing starts afresh rather than averaging them with the new one.
  if (timeUs - lastPacketUs_ >= timeoutUs_) recentCount_ = 0;
  lastPacketUs_ = timeUs;
  recentRssiDbm_[recentNext_] = rssiDbm;
  recentNext_ = (recentNext_ + 1) % kMaxWindow;
  recentCount_ = std::min(recentCount_ + 1, kMaxWindow);
  if (conditionWeak()) {
    if (!weakSinceUs_) weakSinceUs_ = timeUs;
  } else {
    weakSinceUs_.reset();
    armed_ = true;  // heard well again: the next separation gets its own alert
  }
}

std::optional<core::TimeUs> SeparationMonitor::nextDeadlineUs() const {
  if (!armed_) return std::nullopt;
  core::TimeUs deadline = lastPacketUs_ + timeoutUs_;
  if (weakSinceUs_) deadline = std::min(deadline, *weakSinceUs_ + holdUs_);
  return deadline;
}

std::optional<AlertCause> SeparationMonitor::poll(core::TimeUs nowUs) {
  if (!armed_) return std::nullopt;
  std::optional<AlertCause> cause;
  if (weakSinceUs_ && nowUs >= *weakSinceUs_ + holdUs_) {
    cause = AlertCause::WeakSignal;
  } else if (nowUs >= lastPacketUs_ + timeoutUs_) {
    cause = AlertCause::NoPacket;
  }
  if (cause) armed_ = false;
  return cause;
}

}  // namespace irdrill::day
