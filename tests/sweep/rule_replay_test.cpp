#include <catch2/catch.hpp>

#include <map>
#include <vector>

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/uniform_01.hpp>
#include <boost/random/uniform_int_distribution.hpp>

#include "sim/day/office_day.hpp"
#include "sim/sweep/rule_replay.hpp"
#include "sim/sweep/sweep_outcome.hpp"
#include "tests/day/small_office.hpp"

using irdrill::core::TimeUs;
using irdrill::day::ItemTrace;
using irdrill::radio::AlertRuleDef;
using irdrill::radio::Smoothing;
using irdrill::sweep::replayRule;
using irdrill::sweep::RuleSetEvaluator;

namespace {

constexpr TimeUs kS = irdrill::core::kUsPerSecond;

// Every rule's alerts from the evaluator, by rule.
std::vector<std::vector<TimeUs>> evaluateAll(const RuleSetEvaluator& evaluator, const ItemTrace& item,
                                             TimeUs dayEndUs) {
  std::vector<std::vector<TimeUs>> alerts(evaluator.size());
  std::vector<int> calls(evaluator.size(), 0);
  RuleSetEvaluator::Scratch scratch;
  evaluator.evaluate(item, dayEndUs, scratch, [&](std::size_t rule, std::span<const TimeUs> a) {
    alerts[rule].assign(a.begin(), a.end());
    ++calls[rule];
  });
  for (const int c : calls) CHECK(c == 1);
  return alerts;
}

// A synthetic trace: stretches of strong and weak signal, gaps from 0 to several minutes,
// times on a 0.5 s grid so deadlines often fall exactly on packets (the tie rule).
ItemTrace randomTrace(boost::random::mt19937& rng, TimeUs startUs) {
  boost::random::uniform_01<double> unit;
  boost::random::uniform_int_distribution<int> halfSeconds(0, 8);
  ItemTrace item;
  item.monitorStartUs = startUs;
  TimeUs t = startUs;
  double levelDbm = -70;
  const int packets = boost::random::uniform_int_distribution<int>(0, 400)(rng);
  for (int i = 0; i < packets; ++i) {
    const double u = unit(rng);
    if (u < 0.03) {
      t += boost::random::uniform_int_distribution<int>(10, 600)(rng) * kS / 2;  // a silence
    } else {
      t += halfSeconds(rng) * kS / 2;  // sometimes 0: two packets at once
    }
    if (unit(rng) < 0.05) levelDbm = -100 + 50 * unit(rng);
    item.packets.push_back({t, levelDbm + 12 * (unit(rng) - 0.5)});
  }
  return item;
}

std::vector<AlertRuleDef> someRules() {
  std::vector<AlertRuleDef> rules;
  for (const double threshold : {-90.0, -80.0, -72.5}) {
    for (const double hold : {0.0, 1.0, 5.0, 30.0}) {
      for (const double timeout : {0.5, 5.0, 60.0}) {
        AlertRuleDef rule;
        rule.rssiThresholdDbm = threshold;
        rule.holdS = hold;
        rule.noPacketTimeoutS = timeout;
        rule.smoothing = Smoothing::MovingAverage;
        for (const int k : {1, 5}) {
          rule.movingAverageSamples = k;
          rules.push_back(rule);
        }
        rule.smoothing = Smoothing::NOfM;
        rule.nOfMN = 2;
        rule.nOfMM = 3;
        rules.push_back(rule);
      }
    }
  }
  return rules;
}

}  // namespace

TEST_CASE("Replaying a rule: hold, re-arming and the no-packet timeout on a hand-made trace") {
  AlertRuleDef rule;
  rule.rssiThresholdDbm = -80;
  rule.movingAverageSamples = 1;
  rule.holdS = 10;
  rule.noPacketTimeoutS = 30;
  ItemTrace item;
  item.monitorStartUs = 0;
  // Strong at 1-3 s; weak from 4 s (alert at 14 s); strong at 20 s re-arms; silent until
  // the no-packet alert at 50 s; a weak packet at 60 s starts nothing (quiet until strong);
  // strong at 70 s; the day ends at 95 s, 25 s later: no more alerts.
  for (const int s : {1, 2, 3}) item.packets.push_back({s * kS, -60});
  for (const int s : {4, 6, 8, 10, 12, 14, 16}) item.packets.push_back({s * kS, -90});
  item.packets.push_back({20 * kS, -60});
  item.packets.push_back({60 * kS, -90});
  item.packets.push_back({70 * kS, -60});
  const std::vector<TimeUs> expected{14 * kS, 50 * kS};
  CHECK(replayRule(item, rule, 95 * kS) == expected);
  CHECK(evaluateAll(RuleSetEvaluator({rule}), item, 95 * kS)[0] == expected);
  // With the day ending at 100 s the timeout after 70 s falls due at its very end.
  const std::vector<TimeUs> withEnd{14 * kS, 50 * kS, 100 * kS};
  CHECK(replayRule(item, rule, 100 * kS) == withEnd);
  CHECK(evaluateAll(RuleSetEvaluator({rule}), item, 100 * kS)[0] == withEnd);
}

TEST_CASE("The rule-set evaluator gives the reference replay's alerts, alert for alert") {
  boost::random::mt19937 rng(7);
  const std::vector<AlertRuleDef> rules = someRules();
  const RuleSetEvaluator evaluator(rules);
  REQUIRE(evaluator.size() == rules.size());
  std::size_t alertsSeen = 0;
  for (int trial = 0; trial < 200; ++trial) {
    const TimeUs startUs = 1000 * kS;
    const ItemTrace item = randomTrace(rng, startUs);
    const TimeUs lastUs = item.packets.empty() ? startUs : item.packets.back().timeUs;
    // End of the day: after the last packet, or cutting the trace short.
    const TimeUs dayEndUs = trial % 3 == 0 ? startUs + (lastUs - startUs) / 2 : lastUs + 100 * kS;
    const auto fast = evaluateAll(evaluator, item, dayEndUs);
    for (std::size_t r = 0; r < rules.size(); ++r) {
      const std::vector<TimeUs> reference = replayRule(item, rules[r], dayEndUs);
      INFO("trial " << trial << ", rule " << r);
      REQUIRE(fast[r] == reference);
      alertsSeen += reference.size();
    }
  }
  CHECK(alertsSeen > 10000);  // the comparison saw plenty of alerts
}

TEST_CASE("Replay of a trace-mode day gives exactly the live day's phone alerts") {
  struct AlertSink : irdrill::day::DayEventSink {
    std::map<int, std::vector<TimeUs>> alerts;  // by item
    std::map<int, int> falseAlarms;
    void onDayEvent(const irdrill::day::DayEvent& e) override {
      if (e.kind != irdrill::day::DayEventKind::PhoneAlert) return;
      alerts[e.item].push_back(e.timeUs);
      if (e.value == 0) ++falseAlarms[e.item];
    }
  };
  auto scenario = irdrill::testing::smallOffice(10);
  // Every kind of delivery: continuous-ish, sparse, and coalesced once a minute (whose
  // delivery times fall exactly on whole-minute deadlines).
  const char* modes[] = {"balanced", "screen_off", "ios_background", "low_power", "low_latency"};
  for (std::size_t i = 0; i < scenario.employees.size(); ++i) scenario.employees[i].phone.scanMode = modes[i % 5];
  scenario.humanError.leaveBehindProbability.fill(0.05);
  scenario.reaction.respondProbability = 0;  // gateway alerts ignored too: a pure open loop
  int liveAlerts = 0, episodes = 0;
  for (const bool nOfM : {false, true}) {
    scenario.phoneAlert.smoothing = nOfM ? Smoothing::NOfM : Smoothing::MovingAverage;
    scenario.phoneAlert.nOfMN = 3;
    scenario.phoneAlert.nOfMM = 5;
    scenario.phoneAlert.holdS = nOfM ? 0 : 10;
    scenario.phoneAlert.noPacketTimeoutS = 120;
    for (const std::uint64_t replication : {0, 1}) {
      AlertSink sink;
      irdrill::day::ReceptionTrace trace;
      irdrill::day::OfficeDayOptions options;
      options.trace = &trace;
      irdrill::day::OfficeDay day(scenario, 5, replication, options, &sink);
      day.runToEnd();
      REQUIRE(trace.items.size() == 20);
      CHECK(trace.people == 10);
      CHECK(trace.dayEndUs == day.dayEndUs());
      const RuleSetEvaluator evaluator({scenario.phoneAlert});
      for (const ItemTrace& item : trace.items) {
        const std::vector<TimeUs> replayed = replayRule(item, scenario.phoneAlert, trace.dayEndUs);
        INFO("item " << item.item << ", n_of_m " << nOfM << ", replication " << replication);
        CHECK(replayed == sink.alerts[item.item]);
        CHECK(evaluateAll(evaluator, item, trace.dayEndUs)[0] == replayed);
        // The same true / false verdicts as the live day.
        irdrill::sweep::PointOutcome judged;
        irdrill::sweep::judgeTraceAlerts(item, replayed, trace.dayEndUs, {}, judged);
        CHECK(judged.falseAlarms == sink.falseAlarms[item.item]);
        liveAlerts += static_cast<int>(replayed.size());
        episodes += static_cast<int>(item.episodes.size());
      }
      CHECK(day.metrics().phoneAlerts == [&] {
        int n = 0;
        for (const auto& [item, a] : sink.alerts) n += static_cast<int>(a.size());
        return n;
      }());
    }
  }
  CHECK(liveAlerts > 20);
  CHECK(episodes > 5);
}
