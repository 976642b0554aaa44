#include <catch2/catch.hpp>

#include "sim/day/separation_monitor.hpp"

using irdrill::core::TimeUs;
using irdrill::day::AlertCause;
using irdrill::day::SeparationMonitor;

namespace {
constexpr TimeUs kS = irdrill::core::kUsPerSecond;

irdrill::radio::AlertRuleDef movingAverageRule() {
  irdrill::radio::AlertRuleDef rule;
  rule.rssiThresholdDbm = -80;
  rule.smoothing = irdrill::radio::Smoothing::MovingAverage;
  rule.movingAverageSamples = 3;
  rule.holdS = 10;
  rule.noPacketTimeoutS = 30;
  return rule;
}
}  // namespace

TEST_CASE("Strong packets never raise an alert, and each pushes the no-packet deadline") {
  SeparationMonitor monitor(movingAverageRule(), 0);
  for (TimeUs t = 1; t <= 100; ++t) {
    monitor.onPacket(t * kS, -60);
    CHECK(monitor.nextDeadlineUs() == t * kS + 30 * kS);
    CHECK_FALSE(monitor.poll(t * kS));
  }
}

TEST_CASE("Silence for the timeout raises one no-packet alert, then the monitor is quiet") {
  SeparationMonitor monitor(movingAverageRule(), 0);
  monitor.onPacket(5 * kS, -60);
  CHECK_FALSE(monitor.poll(35 * kS - 1));
  CHECK(monitor.poll(35 * kS) == AlertCause::NoPacket);
  CHECK_FALSE(monitor.nextDeadlineUs());
  CHECK_FALSE(monitor.poll(1000 * kS));
  SECTION("a strong packet re-arms it") {
    monitor.onPacket(1001 * kS, -60);
    CHECK(monitor.armed());
    CHECK(monitor.poll(1031 * kS) == AlertCause::NoPacket);
  }
  SECTION("a weak packet does not re-arm it") {
    for (int i = 0; i < 5; ++i) monitor.onPacket((1001 + i) * kS, -95);
    CHECK_FALSE(monitor.armed());
  }
}

TEST_CASE("A moving average below the threshold must hold for holdS before alerting") {
  SeparationMonitor monitor(movingAverageRule(), 0);
  monitor.onPacket(1 * kS, -60);
  monitor.onPacket(2 * kS, -60);
  // Average of (-60, -60, -100) = -73.3: not weak yet.
  monitor.onPacket(3 * kS, -100);
  CHECK_FALSE(monitor.weak());
  // (-60, -100, -100) = -86.7 < -80: weak from t = 4 s.
  monitor.onPacket(4 * kS, -100);
  CHECK(monitor.weak());
  CHECK(monitor.nextDeadlineUs() == 14 * kS);
  CHECK_FALSE(monitor.poll(14 * kS - 1));
  SECTION("it alerts when the hold time is over, even with no packet since") {
    CHECK(monitor.poll(14 * kS) == AlertCause::WeakSignal);
  }
  SECTION("a recovery inside the hold time cancels it") {
    monitor.onPacket(8 * kS, -50);
    monitor.onPacket(9 * kS, -50);  // (-100, -50, -50) = -66.7
    CHECK_FALSE(monitor.weak());
    CHECK_FALSE(monitor.poll(14 * kS));
    CHECK(monitor.nextDeadlineUs() == 39 * kS);
  }
}

TEST_CASE("N-of-M counts packets below the threshold among the last M") {
  irdrill::radio::AlertRuleDef rule = movingAverageRule();
  rule.smoothing = irdrill::radio::Smoothing::NOfM;
  rule.nOfMN = 2;
  rule.nOfMM = 3;
  rule.holdS = 0;
  SeparationMonitor monitor(rule, 0);
  monitor.onPacket(1 * kS, -90);
  CHECK_FALSE(monitor.weak());  // 1 of 1
  monitor.onPacket(2 * kS, -50);
  CHECK_FALSE(monitor.weak());  // 1 of 2
  monitor.onPacket(3 * kS, -81);
  CHECK(monitor.weak());  // 2 of 3
  CHECK(monitor.poll(3 * kS) == AlertCause::WeakSignal);
}

TEST_CASE("A smoothing window outside 1..32 packets is refused") {
  irdrill::radio::AlertRuleDef rule = movingAverageRule();
  rule.movingAverageSamples = 0;
  CHECK_THROWS(SeparationMonitor(rule, 0));
  rule.movingAverageSamples = 33;
  CHECK_THROWS(SeparationMonitor(rule, 0));
}
