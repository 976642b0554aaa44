// The run explains itself: what became of each planned incident (happened, averted, never
// triggered, and why), why a separation went without an alert acted on, and the event
// log's header and one-meaning quantity keys.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>

#include "../day/small_office.hpp"
#include "incident_builders.hpp"
#include "sim/exercise/event_log_jsonl.hpp"
#include "sim/exercise/exercise.hpp"
#include "sim/scenario/scenario_loader.hpp"

using namespace irdrill;
using namespace irdrill::testing;
using Status = exercise::PlannedIncidentView::Status;

namespace {

// emp-0 is to leave the laptop at a client site; whether it happens is up to the test.
scenario::ScenarioDef plannedLaptopLoss(double clientVisitProbability, double respondProbability) {
  scenario::ScenarioDef s = smallOffice(3);
  s.horizonS = 3 * 86400.0;
  s.dayPlans["default"].clientVisitProbability = clientVisitProbability;
  s.humanError.leaveBehindProbability.fill(0.0);
  s.humanError.selfNoticeProbability = 0;
  s.reaction.respondProbability = respondProbability;
  s.thieves.takePerMinuteByPlace.fill(0.0);
  s.thieves.takePerMinuteLobby = 0;
  incident::IncidentSourceDef loss;
  loss.id = "laptop-at-client";
  loss.kind = incident::IncidentKind::LostItem;
  loss.loss = {"emp-0", "emp-0-laptop", "client_site"};
  s.incidents.push_back(loss);
  return s;
}

exercise::PlannedIncidentView onlyPlanned(const exercise::Exercise& run) {
  const auto planned = run.plannedIncidents();
  REQUIRE(planned.size() == 1);
  return planned[0];
}

}  // namespace

TEST_CASE("A planned loss at a kind of place its person never visits is reported as never triggered") {
  const auto s = plannedLaptopLoss(0.0, 0.0);
  RecordingSink sink;
  exercise::Exercise run(s, 1, 0, &sink);
  run.runToEnd();
  const auto p = onlyPlanned(run);
  CHECK(p.status == Status::NotTriggered);
  CHECK(p.reason == "never_left_such_place");
  CHECK(p.incidents.empty());
  const auto logged = sink.ofType("planned_incident_not_triggered");
  REQUIRE(logged.size() == 1);
  CHECK(logged[0].subject == "laptop-at-client");
  CHECK(logged[0].reason == "never_left_such_place");
  CHECK(run.outcomes().empty());
}

TEST_CASE("A planned loss nobody goes back for happens and names its incident") {
  const auto s = plannedLaptopLoss(1.0, 0.0);
  RecordingSink sink;
  exercise::Exercise run(s, 1, 0, &sink);
  run.runToEnd();
  const auto p = onlyPlanned(run);
  CHECK(p.status == Status::Happened);
  REQUIRE(p.incidents.size() == 1);
  CHECK(p.incidents[0] == "lost:emp-0/emp-0-laptop");
  const auto logged = sink.ofType("planned_incident_happened");
  REQUIRE(logged.size() == 1);
  CHECK(logged[0].incident == p.incidents[0]);
  // Logged right after the incident it started.
  const auto started = sink.ofType("incident_started");
  REQUIRE(started.size() == 1);
  CHECK(logged[0].seq == started[0].seq + 1);
}

TEST_CASE("A planned loss whose owner goes back after an alert is averted") {
  const auto s = plannedLaptopLoss(1.0, 1.0);
  exercise::Exercise run(s, 1, 0);
  run.runToEnd();
  const auto p = onlyPlanned(run);
  CHECK(p.status == Status::Averted);
  CHECK(p.reason == "owner_went_back_after_alert");
  CHECK(run.outcomes().empty());
}

TEST_CASE("Planned attacks that cannot arrive within the run are reported as never triggered") {
  scenario::ScenarioDef s = incidentsOnly();
  s.incidents.push_back(fixedIntrusion("too-late", s.horizonS + 3600, 600));
  s.incidents.push_back(fixedIntrusion("on-time", 9 * 3600, 600));
  incident::IncidentSourceDef never = fixedIntrusion("never", 0, 600);
  never.arrival = incident::ArrivalKind::Poisson;
  never.ratePerDay = 0;
  s.incidents.push_back(never);
  exercise::Exercise run(s, 1, 0);
  const auto before = run.plannedIncidents();
  REQUIRE(before.size() == 3);
  CHECK(before[0].status == Status::NotTriggered);
  CHECK(before[0].reason == "after_horizon");
  CHECK(before[1].status == Status::Pending);
  CHECK(before[2].status == Status::NotTriggered);
  CHECK(before[2].reason == "no_arrival_drawn");
  run.runToEnd();
  const auto after = run.plannedIncidents();
  CHECK(after[1].status == Status::Happened);
  CHECK(after[1].incidents == std::vector<std::string>{"on-time"});
}

TEST_CASE("Every separation not detected is explained, and the counts agree with the day's figures") {
  auto loaded = scenario::loadScenarioFile(std::string(IRDRILL_TEST_DATA_DIR) + "/../../scenarios/lost-laptop.yaml");
  REQUIRE(loaded.scenario);
  const scenario::ScenarioDef& s = *loaded.scenario;
  const std::size_t ignoredIndex = static_cast<std::size_t>(exercise::MissedAlertReason::AlertIgnored);
  int explained = 0;
  for (std::uint64_t seed = 1; seed <= 30; ++seed) {
    INFO("seed " << seed);
    RecordingSink sink;
    exercise::Exercise run(s, seed, 0, &sink);
    run.runToEnd();
    const auto missed = run.separationsMissed();
    const day::DayMetrics& m = run.officeDay()->metrics();
    int notDetected = 0;
    for (std::size_t r = 0; r < missed.size(); ++r) {
      if (r != ignoredIndex) notDetected += missed[r];
    }
    CHECK(notDetected == m.separations - m.separationsDetected);
    CHECK(missed[ignoredIndex] <= m.separationsDetected);
    const auto logged = sink.ofType("separation_missed");
    int total = 0;
    for (int count : missed) total += count;
    CHECK(static_cast<int>(logged.size()) == total);
    for (const auto& e : logged) {
      const bool known = std::any_of(std::begin(exercise::kMissedAlertReasonNames), std::end(exercise::kMissedAlertReasonNames),
                                     [&](const char* name) { return e.reason == name; });
      CHECK(known);
    }
    explained += total;
  }
  CHECK(explained > 0);
}

TEST_CASE("An untagged item left behind is missed because it is untagged") {
  scenario::ScenarioDef s = plannedLaptopLoss(1.0, 1.0);
  s.employees[0].items[0].tag.reset();
  RecordingSink sink;
  exercise::Exercise run(s, 1, 0, &sink);
  run.runToEnd();
  const auto logged = sink.ofType("separation_missed");
  REQUIRE(logged.size() == 1);
  CHECK(logged[0].reason == "untagged");
  CHECK(logged[0].subject == "emp-0/emp-0-laptop");
  CHECK(run.separationsMissed()[static_cast<std::size_t>(exercise::MissedAlertReason::Untagged)] == 1);
}

TEST_CASE("The event log opens with a header and gives each quantity its own key") {
  std::ostringstream out;
  exercise::writeHeaderLine(out, {"office-day.yaml", "Office day", "fnv1a64:0123", 7, 2});
  CHECK(out.str() ==
        "{\"type\":\"header\",\"scenario\":\"office-day.yaml\",\"scenario_name\":\"Office day\","
        "\"scenario_hash\":\"fnv1a64:0123\",\"seed\":7,\"replication\":2,\"irdrill_version\":\"0.1.0\"}\n");
  const auto line = [](exercise::ExerciseEventKind kind, double value) {
    std::ostringstream o;
    exercise::ExerciseEvent e;
    e.seq = 1;
    e.kind = kind;
    e.value = value;
    exercise::writeEventLine(o, e);
    return o.str();
  };
  using K = exercise::ExerciseEventKind;
  CHECK(line(K::CrowdReport, -80.5).find("\"rssi_dbm\":-80.5") != std::string::npos);
  CHECK(line(K::AlertIgnored, 0.3).find("\"respond_probability\":0.3") != std::string::npos);
  CHECK(line(K::PhoneAlert, 1).find("\"true_alert\":true") != std::string::npos);
  CHECK(line(K::PhoneAlert, 0).find("\"true_alert\":false") != std::string::npos);
  CHECK(line(K::RecordsLeaked, 0).find("\"records\":0") != std::string::npos);
  CHECK(line(K::DowntimeEnded, 2).find("\"downtime_h\":2") != std::string::npos);
  // No kind writes the old catch-all key.
  for (std::size_t k = 0; k < exercise::kExerciseEventKindCount; ++k) {
    CHECK(line(static_cast<K>(k), 1).find("\"value\"") == std::string::npos);
  }
}
