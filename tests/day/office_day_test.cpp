#include <catch2/catch.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "sim/day/office_day.hpp"
#include "small_office.hpp"

using irdrill::day::DayEvent;
using irdrill::day::DayEventKind;
using irdrill::day::OfficeDay;

namespace {

// Records every event and folds it into a hash, for determinism checks.
struct RecordingSink : irdrill::day::DayEventSink {
  std::vector<DayEvent> events;
  std::uint64_t hash = 0xCBF29CE484222325ULL;
  void onDayEvent(const DayEvent& e) override {
    events.push_back(e);
    for (const std::uint64_t v : {static_cast<std::uint64_t>(e.timeUs), static_cast<std::uint64_t>(e.kind),
                                  static_cast<std::uint64_t>(e.person + 1), static_cast<std::uint64_t>(e.item + 1)}) {
      hash = (hash ^ v) * 0x100000001B3ULL;
    }
  }
  int count(DayEventKind kind) const {
    int n = 0;
    for (const auto& e : events) n += e.kind == kind;
    return n;
  }
};

// Only the given kind is ever left behind (with probability 0.3 at each place left), and
// nobody notices by themselves: what happens next is up to the tags.
irdrill::scenario::ScenarioDef leavingOnly(irdrill::world::ItemKind kind) {
  auto scenario = irdrill::testing::smallOffice(10);
  scenario.humanError.leaveBehindProbability.fill(0.0);
  scenario.humanError.leaveBehindProbability[static_cast<int>(kind)] = 0.3;
  scenario.humanError.selfNoticeProbability = 0.0;
  return scenario;
}

}  // namespace

TEST_CASE("Same seed, same day; another seed, another day") {
  const auto scenario = irdrill::testing::smallOffice(6);
  RecordingSink a, b, c;
  OfficeDay(scenario, 11, 0, &a).runToEnd();
  OfficeDay(scenario, 11, 0, &b).runToEnd();
  OfficeDay(scenario, 12, 0, &c).runToEnd();
  CHECK(a.events.size() == b.events.size());
  CHECK(a.hash == b.hash);
  CHECK(a.hash != c.hash);
}

TEST_CASE("Nobody leaves anything: every alert is a false alarm and nothing is lost") {
  auto scenario = irdrill::testing::smallOffice(8);
  scenario.humanError.leaveBehindProbability.fill(0.0);
  scenario.phoneAlert.rssiThresholdDbm = -70;  // strict: some carried tags read weaker
  OfficeDay day(scenario, 3, 0);
  day.runToEnd();
  const auto& m = day.metrics();
  CHECK(m.itemsLeftBehind == 0);
  CHECK(m.separations == 0);
  CHECK(m.trueAlerts == 0);
  CHECK(m.falseAlerts == m.phoneAlerts);
  CHECK(m.itemsLost == 0);
  CHECK(m.tags == 16);
  CHECK(m.advertisingEvents > 16 * 12 * 3600 * 9 / 10);  // ~1 event per second per tag
}

TEST_CASE("People walk their plan: at home before work, in the office during it") {
  const auto scenario = irdrill::testing::smallOffice(4);
  OfficeDay day(scenario, 5, 0);
  const int home = static_cast<int>(day.placeNames().size()) - 1;
  CHECK(day.placeNames().back() == "home");
  for (int p = 0; p < day.personCount(); ++p) {
    CHECK(day.personAt(p, 7 * irdrill::core::kUsPerHour)->place == home);
    CHECK(day.personAt(p, 20 * irdrill::core::kUsPerHour)->place == home);
    // 10:30 is within any default working day; people are in the office or at a client.
    const auto at = day.personAt(p, 10 * irdrill::core::kUsPerHour + 30 * irdrill::core::kUsPerMinute);
    if (at) CHECK(at->place != home);
  }
}

TEST_CASE("Left items are found by alerts: with certain responses none is lost") {
  auto scenario = leavingOnly(irdrill::world::ItemKind::Laptop);
  scenario.reaction.respondProbability = 1.0;
  scenario.reaction.fatigueFactor = 1.0;
  scenario.reaction.responseDelayMeanS = 30;
  scenario.crowdFinding = true;
  RecordingSink sink;
  OfficeDay day(scenario, 21, 0, &sink);
  day.runToEnd();
  const auto& m = day.metrics();
  REQUIRE(m.itemsLeftBehind > 0);
  CHECK(m.separations > 0);
  CHECK(m.trueAlerts > 0);
  CHECK(m.separationsDetected == m.separations);
  CHECK(m.itemsRecovered + m.itemsLost == m.itemsLeftBehind);
  CHECK(sink.count(DayEventKind::WentBack) >= m.itemsRecovered - 0);
  CHECK(static_cast<int>(m.detectionLatenciesS.size()) == m.separationsDetected);
  for (const double latencyS : m.detectionLatenciesS) CHECK(latencyS >= 0);
}

TEST_CASE("Leaving the building without an item is detected within the no-packet timeout") {
  auto scenario = leavingOnly(irdrill::world::ItemKind::Laptop);
  // Beyond the size of the floor: "separated" means the owner has left the place, where
  // no packet can reach the phone, so the rule's no-packet timeout bounds the latency.
  scenario.separationDistanceM = 50;
  scenario.phoneAlert.noPacketTimeoutS = 30;
  OfficeDay day(scenario, 4, 0);
  day.runToEnd();
  const auto& m = day.metrics();
  REQUIRE(m.separations > 0);
  CHECK(m.separationsDetected == m.separations);
  for (const double latencyS : m.detectionLatenciesS) {
    // Timeout, plus the one-second resolution of the separation time and scan gaps.
    CHECK(latencyS <= 32);
  }
}

TEST_CASE("Without alerts or self-notice, left items are lost at the end of the day") {
  auto scenario = leavingOnly(irdrill::world::ItemKind::IdCard);
  scenario.reaction.respondProbability = 0.0;
  OfficeDay day(scenario, 8, 0);
  day.runToEnd();
  const auto& m = day.metrics();
  REQUIRE(m.itemsLeftBehind > 0);
  CHECK(m.itemsRecovered == 0);
  CHECK(m.itemsLost == m.itemsLeftBehind);
}

TEST_CASE("A stricter RSSI threshold raises more false alarms (the trade-off users tune)") {
  auto scenario = irdrill::testing::smallOffice(10);
  scenario.humanError.leaveBehindProbability.fill(0.0);
  auto falseAlarms = [&](double thresholdDbm) {
    scenario.phoneAlert.rssiThresholdDbm = thresholdDbm;
    int total = 0;
    for (std::uint64_t r = 0; r < 3; ++r) {
      OfficeDay day(scenario, 1, r);
      day.runToEnd();
      total += day.metrics().falseAlerts;
    }
    return total;
  };
  const int lax = falseAlarms(-100);
  const int strict = falseAlarms(-65);
  CHECK(strict > lax);
}

TEST_CASE("Alert fatigue: once fatigued, people stop responding to alerts") {
  auto scenario = irdrill::testing::smallOffice(6);
  scenario.humanError.leaveBehindProbability.fill(0.0);
  scenario.phoneAlert.rssiThresholdDbm = -60;  // many false alarms
  scenario.reaction.respondProbability = 1.0;
  scenario.reaction.fatigueFactor = 0.0;  // one false alarm and they never respond again
  RecordingSink sink;
  OfficeDay day(scenario, 2, 0, &sink);
  day.runToEnd();
  std::map<int, int> alertsPerPerson, checksPerPerson;
  for (const auto& e : sink.events) {
    if (e.kind == DayEventKind::PhoneAlert) ++alertsPerPerson[e.person];
    if (e.kind == DayEventKind::FalseAlarmChecked) ++checksPerPerson[e.person];
  }
  REQUIRE(!alertsPerPerson.empty());
  for (const auto& [person, checks] : checksPerPerson) CHECK(checks <= 1);
  CHECK(sink.count(DayEventKind::AlertIgnored) > 0);
}

TEST_CASE("Office days give bit-identical results on 1 thread and on 3 threads at once") {
  const auto scenario = irdrill::testing::smallOffice(6);
  auto runHash = [&](std::uint64_t replication) {
    RecordingSink sink;
    OfficeDay day(scenario, 99, replication, &sink);
    day.runToEnd();
    return sink.hash ^ day.metrics().linkEvaluations;
  };
  std::vector<std::uint64_t> sequential;
  for (std::uint64_t r = 0; r < 3; ++r) sequential.push_back(runHash(r));
  std::vector<std::uint64_t> parallel(3);
  std::vector<std::thread> workers;
  for (std::uint64_t r = 0; r < 3; ++r) {
    workers.emplace_back([&, r] { parallel[r] = runHash(r); });
  }
  for (auto& w : workers) w.join();
  CHECK(parallel == sequential);
}

TEST_CASE("Stepping by time gives the same day as running it whole") {
  const auto scenario = irdrill::testing::smallOffice(4);
  RecordingSink whole, stepped;
  OfficeDay(scenario, 7, 0, &whole).runToEnd();
  OfficeDay day(scenario, 7, 0, &stepped);
  while (!day.finished()) day.runUntil(day.now() + 17 * irdrill::core::kUsPerMinute);
  CHECK(stepped.hash == whole.hash);
  CHECK(day.now() == day.dayEndUs());
}

TEST_CASE("A tag whose battery runs out goes silent, and its owner's phone then alerts") {
  auto scenario = irdrill::testing::smallOffice(2);
  scenario.humanError.leaveBehindProbability.fill(0.0);
  // About two hours of charge left on employee 0's ID card tag (428 days when full).
  auto& tag = *scenario.employees[0].items[1].tag;
  tag.initialChargeFraction = 2.0 * 3600 / (428.339 * 86400);
  RecordingSink sink;
  OfficeDay day(scenario, 5, 0, &sink);
  day.runToEnd();
  CHECK(day.metrics().tagsSilent == 1);
  irdrill::core::TimeUs silentUs = -1;
  for (const auto& e : sink.events) {
    if (e.kind == DayEventKind::TagSilent) {
      CHECK(e.item == 1);
      silentUs = e.timeUs;
      CHECK(silentUs == Approx(day.dayStartUs() + 2 * irdrill::core::kUsPerHour).epsilon(0.01));
    }
  }
  bool alertedAfterSilence = false;
  for (const auto& e : sink.events) {
    if (e.kind == DayEventKind::PhoneAlert && e.item == 1 && e.timeUs > silentUs) {
      alertedAfterSilence = true;
      CHECK(e.detail == "no_packet");
      CHECK(e.value == 0);  // a false alarm: the card is in its owner's pocket
    }
  }
  CHECK(alertedAfterSilence);
}
