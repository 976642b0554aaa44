#include <catch2/catch.hpp>

#include <atomic>
#include <cmath>
#include <vector>

#include "sim/day/office_day.hpp"
#include "sim/sweep/sweep_model.hpp"
#include "sim/sweep/sweep_outcome.hpp"
#include "sim/sweep/sweep_statistics.hpp"
#include "tests/day/small_office.hpp"

using irdrill::core::TimeUs;
using irdrill::day::ItemTrace;
using irdrill::radio::AlertRuleDef;
using irdrill::sweep::PointOutcome;
using irdrill::sweep::PointResult;

namespace {

constexpr TimeUs kS = irdrill::core::kUsPerSecond;

// Exact equality, NaN equal to NaN: results must match bit for bit.
bool same(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

void checkSameResult(const PointResult& a, const PointResult& b) {
  CHECK(a.separations == b.separations);
  CHECK(a.detected == b.detected);
  CHECK(same(a.detectionProbability, b.detectionProbability));
  CHECK(same(a.detectionCiLow, b.detectionCiLow));
  CHECK(same(a.detectionCiHigh, b.detectionCiHigh));
  CHECK(same(a.latencyMedianS, b.latencyMedianS));
  CHECK(same(a.latencyP90S, b.latencyP90S));
  CHECK(same(a.falseAlarmsPerPersonDay, b.falseAlarmsPerPersonDay));
  CHECK(same(a.falseAlarmsCiLow, b.falseAlarmsCiLow));
  CHECK(same(a.falseAlarmsCiHigh, b.falseAlarmsCiHigh));
  CHECK(same(a.timeToContainMeanH, b.timeToContainMeanH));
  CHECK(same(a.timeToContainCiLowH, b.timeToContainCiLowH));
  CHECK(same(a.timeToContainCiHighH, b.timeToContainCiHighH));
  CHECK(same(a.lostFraction, b.lostFraction));
}

// Ten people who leave things behind often enough for a few runs to see separations.
irdrill::scenario::ScenarioDef forgetfulOffice() {
  auto scenario = irdrill::testing::smallOffice(10);
  const char* modes[] = {"balanced", "screen_off", "ios_background", "balanced", "low_power"};
  for (std::size_t i = 0; i < scenario.employees.size(); ++i) scenario.employees[i].phone.scanMode = modes[i % 5];
  scenario.humanError.leaveBehindProbability.fill(0.04);
  scenario.phoneAlert.noPacketTimeoutS = 120;
  return scenario;
}

std::vector<AlertRuleDef> twoByTwo(const irdrill::scenario::ScenarioDef& scenario) {
  std::vector<AlertRuleDef> rules;
  for (const double threshold : {-90.0, -80.0}) {
    for (const double hold : {5.0, 60.0}) {
      AlertRuleDef rule = scenario.phoneAlert;
      rule.rssiThresholdDbm = threshold;
      rule.holdS = hold;
      rules.push_back(rule);
    }
  }
  return rules;
}

}  // namespace

TEST_CASE("Judging alerts: true and false, detection, latency and the containment estimate") {
  ItemTrace item;
  irdrill::day::LeftBehindEpisode first;
  first.leftUs = 100 * kS;
  first.separatedUs = 130 * kS;
  first.recoveredUs = 1000 * kS;  // the owner noticed by themselves
  first.tripSamples = {{130 * kS, 300 * kS}, {190 * kS, 100 * kS}, {400 * kS, 900 * kS}};
  irdrill::day::LeftBehindEpisode second;
  second.leftUs = 2000 * kS;
  second.separatedUs = 2010 * kS;  // never recovered: lost at the end of the day
  second.tripSamples = {{2010 * kS, 1000 * kS}};
  irdrill::day::LeftBehindEpisode never;  // left and picked up before any separation
  never.leftUs = 1200 * kS;
  never.recoveredUs = 1300 * kS;
  item.episodes = {first, never, second};
  const std::vector<TimeUs> alerts{50 * kS, 200 * kS, 500 * kS, 1000 * kS, 1250 * kS, 1500 * kS, 2005 * kS};
  const TimeUs dayEndUs = 10000 * kS;
  const double p = 0.9, mu = 60;
  PointOutcome out;
  irdrill::sweep::judgeTraceAlerts(item, alerts, dayEndUs, {p, mu}, out);

  // 50 s before anything was left, 1000 s at the very recovery (the item is back), 1500 s
  // between episodes: false. 1250 s is during the episode that never became a separation.
  CHECK(out.falseAlarms == 3);
  CHECK(out.separations == 2);
  CHECK(out.detected == 2);
  REQUIRE(out.latenciesS.size() == 2);
  CHECK(out.latenciesS[0] == Approx(70.0).epsilon(1e-12));
  CHECK(out.latenciesS[1] == 0.0);  // the alert came before the separation
  REQUIRE(out.containH.size() == 2);
  // First: two true alerts, 200 s and 500 s. Answering the first (respond at 200 + 60 s,
  // the sample of 190 s says 100 s back) has the item in hand 170 s after the separation
  // plus the delay, unless the self-notice at 870 s comes first; answering only the second
  // (the sample of 400 s says 900 s back) would be after the self-notice: 870 s.
  const double firstBack = 170, firstOpen = 870;
  const double answerFirst = firstBack + mu * (1 - std::exp(-(firstOpen - firstBack) / mu));
  const double firstExpected = p * answerFirst + (1 - p) * p * firstOpen + (1 - p) * (1 - p) * firstOpen;
  CHECK(out.containH[0] == Approx(firstExpected / 3600).epsilon(1e-12));
  // Second: alert 5 s before the separation, 1000 s back; otherwise out until the day's end.
  const double secondBack = 995, secondOpen = 7990;
  const double secondExpected =
      p * (secondBack + mu * (1 - std::exp(-(secondOpen - secondBack) / mu))) + (1 - p) * secondOpen;
  CHECK(out.containH[1] == Approx(secondExpected / 3600).epsilon(1e-12));
  // Only the second can be lost: when nobody responds, or the response is after the end.
  CHECK(out.lostExpected == Approx((1 - p) + p * std::exp(-(secondOpen - secondBack) / mu)).epsilon(1e-12));

  // No alert at all: the open-loop outcome as it happened.
  PointOutcome silent;
  irdrill::sweep::judgeTraceAlerts(item, std::vector<TimeUs>{}, dayEndUs, {p, mu}, silent);
  CHECK(silent.detected == 0);
  REQUIRE(silent.containH.size() == 2);
  CHECK(silent.containH[0] == Approx(870.0 / 3600).epsilon(1e-12));
  CHECK(silent.containH[1] == Approx(7990.0 / 3600).epsilon(1e-12));
  CHECK(silent.lostExpected == 1.0);
}

TEST_CASE("Trace mode is open loop: phone alerts send nobody back") {
  auto scenario = forgetfulOffice();
  scenario.office.floors.front().gateways.clear();  // no gateway alerts either
  scenario.humanError.selfNoticeProbability = 0;
  scenario.reaction.respondProbability = 1;
  struct Counter : irdrill::day::DayEventSink {
    int wentBack = 0, phoneAlerts = 0;
    void onDayEvent(const irdrill::day::DayEvent& e) override {
      wentBack += e.kind == irdrill::day::DayEventKind::WentBack;
      phoneAlerts += e.kind == irdrill::day::DayEventKind::PhoneAlert && e.value == 1;
    }
  } traced, live;
  irdrill::day::ReceptionTrace trace;
  irdrill::day::OfficeDayOptions options;
  options.trace = &trace;
  irdrill::day::OfficeDay(scenario, 3, 0, options, &traced).runToEnd();
  irdrill::day::OfficeDay(scenario, 3, 0, &live).runToEnd();
  REQUIRE(traced.phoneAlerts > 0);
  CHECK(traced.wentBack == 0);
  CHECK(live.wentBack > 0);
  int separations = 0;
  for (const ItemTrace& item : trace.items) {
    for (const auto& episode : item.episodes) {
      CHECK_FALSE(episode.recoveredUs);
      if (!episode.separatedUs) continue;
      ++separations;
      // Trip samples from the separation on, each at least the time to pick the item up.
      REQUIRE_FALSE(episode.tripSamples.empty());
      CHECK(episode.tripSamples.front().timeUs == *episode.separatedUs);
      for (std::size_t k = 0; k < episode.tripSamples.size(); ++k) {
        CHECK(episode.tripSamples[k].tripUs >= 20 * kS);
        if (k > 0) CHECK(episode.tripSamples[k].timeUs > episode.tripSamples[k - 1].timeUs);
      }
    }
  }
  CHECK(separations > 0);
}

TEST_CASE("A trace-mode 2 x 2 sweep equals evaluating each point's rule on its own") {
  const auto scenario = forgetfulOffice();
  const auto rules = twoByTwo(scenario);
  const auto model = irdrill::sweep::makeTraceSweepModel(scenario, rules);
  const std::atomic<bool> stop{false};
  const auto run = irdrill::sweep::runSweep(*model, {9, 0, 3, 2}, stop);
  REQUIRE(run.run.completed == 3);

  const irdrill::sweep::ContainmentModel containment{scenario.reaction.respondProbability,
                                                     scenario.reaction.responseDelayMeanS};
  std::uint64_t separations = 0;
  for (std::size_t r = 0; r < rules.size(); ++r) {
    irdrill::sweep::SweepStatistics alone(1);
    for (std::uint64_t replication = 0; replication < 3; ++replication) {
      irdrill::day::ReceptionTrace trace;
      irdrill::day::OfficeDayOptions options;
      options.trace = &trace;
      irdrill::day::OfficeDay(scenario, 9, replication, options).runToEnd();
      irdrill::sweep::ReplicationOutcome outcome;
      outcome.points.resize(1);
      outcome.points[0].people = trace.people;
      for (const ItemTrace& item : trace.items) {
        const auto alerts = irdrill::sweep::replayRule(item, rules[r], trace.dayEndUs);
        irdrill::sweep::judgeTraceAlerts(item, alerts, trace.dayEndUs, containment, outcome.points[0]);
      }
      alone.add(outcome);
    }
    INFO("point " << r);
    checkSameResult(run.statistics.result(r), alone.result(0));
    separations = alone.result(0).separations;
  }
  CHECK(separations > 3);
  // The grid spans something: the low threshold detects no more than the high one.
  CHECK(run.statistics.result(0).detectionProbability <= run.statistics.result(2).detectionProbability);
  CHECK(run.statistics.result(0).falseAlarmsPerPersonDay <= run.statistics.result(2).falseAlarmsPerPersonDay);
}

TEST_CASE("Sweeps give the same bits on any number of threads") {
  const auto scenario = forgetfulOffice();
  const std::atomic<bool> stop{false};
  const auto trace = irdrill::sweep::makeTraceSweepModel(scenario, twoByTwo(scenario));
  auto slow = scenario;
  slow.reaction.responseDelayMeanS = 600;
  const auto full = irdrill::sweep::makeFullSweepModel({scenario, slow});
  for (const auto* model : {trace.get(), full.get()}) {
    const auto one = irdrill::sweep::runSweep(*model, {21, 0, 4, 1}, stop);
    const auto three = irdrill::sweep::runSweep(*model, {21, 0, 4, 3}, stop);
    REQUIRE(one.statistics.points() == three.statistics.points());
    for (std::size_t i = 0; i < one.statistics.points(); ++i) {
      checkSameResult(one.statistics.result(i), three.statistics.result(i));
    }
  }
}

TEST_CASE("Full mode reads the live day's own figures") {
  const auto scenario = forgetfulOffice();  // every item is tagged
  irdrill::sweep::LiveDayCollector collector;
  irdrill::day::OfficeDay day(scenario, 4, 2, &collector);
  day.runToEnd();
  const PointOutcome out = collector.outcome(day);
  const auto& m = day.metrics();
  CHECK(out.people == m.people);
  CHECK(out.separations == m.separations);
  CHECK(out.falseAlarms == m.falseAlerts);
  // Gateway alerts detect too in the day's own figures; the sweep counts the phone rule.
  CHECK(out.detected <= m.separationsDetected);
  CHECK(out.lostExpected <= m.itemsLost);
  CHECK(out.containH.size() == static_cast<std::size_t>(m.separations));
  REQUIRE(m.separations > 0);
}
