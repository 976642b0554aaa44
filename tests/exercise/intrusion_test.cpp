#include <catch2/catch.hpp>

#include "incident_builders.hpp"
#include "sim/exercise/exercise.hpp"

using namespace irdrill;
using namespace irdrill::testing;
using response::Effect;

namespace {

constexpr double kHourS = 3600;

// Intrusion at 10:00, every stage 1 h: exfiltration starts at 15:00. Reported at 16:00.
scenario::ScenarioDef exfiltrationCase(response::ProcedureDef p) {
  scenario::ScenarioDef s = incidentsOnly();
  s.detection = reportOnlyDetection(6 * kHourS);
  s.incidents.push_back(fixedIntrusion("phish", 10 * kHourS, kHourS));
  s.procedures[p.id] = p;
  s.procedureForKind[static_cast<int>(incident::IncidentKind::CyberIntrusion)] = p.id;
  return s;
}

scoring::IncidentOutcome runOnce(const scenario::ScenarioDef& s, std::uint64_t seed = 1,
                                 RecordingSink* sink = nullptr) {
  exercise::Exercise run(s, seed, 0, sink);
  run.runToEnd();
  const auto outcomes = run.outcomes();
  REQUIRE(outcomes.size() == 1);
  return outcomes.front();
}

}  // namespace

TEST_CASE("Records exfiltrated are the rate times the time from the objective to isolation") {
  // Analyse 2 h, then isolate 30 min: cut off at 16:00 + 2.5 h = 18:30; exfiltration ran
  // from 15:00, 3.5 h at 1000 records/h.
  const auto p = procedure("analyse-first",
                           {step("analyse", "security_lead", core::DurationDist::fixed(2 * kHourS), {Effect::Investigate}),
                            step("isolate", "it_admin", core::DurationDist::fixed(0.5 * kHourS),
                                 {Effect::IsolateNetwork}, {"analyse"})});
  const auto o = runOnce(exfiltrationCase(p));
  REQUIRE(o.detected.timeUs);
  CHECK(*o.detected.timeUs == core::secondsToUs(16 * kHourS));
  CHECK(o.detectedBy == "user_report");
  REQUIRE(o.contained.timeUs);
  CHECK(*o.contained.timeUs == core::secondsToUs(18.5 * kHourS));
  CHECK(o.recordsExfiltrated == Approx(3500));
  CHECK(o.leaked);
}

TEST_CASE("Isolating earlier gives fewer records exfiltrated") {
  const auto analyseFirst = procedure(
      "analyse-first",
      {step("analyse", "security_lead", core::DurationDist::fixed(2 * kHourS), {Effect::Investigate}),
       step("isolate", "it_admin", core::DurationDist::fixed(0.5 * kHourS), {Effect::IsolateNetwork}, {"analyse"})});
  const auto isolateFirst = procedure(
      "isolate-first",
      {step("isolate", "it_admin", core::DurationDist::fixed(0.5 * kHourS), {Effect::IsolateNetwork}),
       step("analyse", "security_lead", core::DurationDist::fixed(2 * kHourS), {Effect::Investigate}, {"isolate"})});
  const auto late = runOnce(exfiltrationCase(analyseFirst));
  const auto early = runOnce(exfiltrationCase(isolateFirst));
  CHECK(early.recordsExfiltrated == Approx(1500));  // 15:00 .. 16:30
  CHECK(late.recordsExfiltrated == Approx(3500));
  CHECK(early.hoursTo(early.contained) < late.hoursTo(late.contained));
  // Isolation costs downtime until a restore that neither procedure has.
  CHECK(early.downtimeS > late.downtimeS);
}

TEST_CASE("Revoking credentials contains an intrusion only before the foothold is established") {
  auto s = exfiltrationCase(procedure(
      "revoke", {step("revoke", "it_admin", core::DurationDist::fixed(600), {Effect::RevokeCredentials})}));
  SECTION("reported during initial access: revocation cuts the intruder off") {
    s.detection = reportOnlyDetection(0.25 * kHourS);
    const auto o = runOnce(s);
    REQUIRE(o.contained.timeUs);
    CHECK(o.recordsExfiltrated == 0);
  }
  SECTION("reported after the foothold: revocation is not enough") {
    s.detection = reportOnlyDetection(3 * kHourS);
    const auto o = runOnce(s);
    CHECK_FALSE(o.contained.timeUs);
    CHECK(o.recordsExfiltrated > 0);
  }
}

TEST_CASE("Restoring before the hole is closed lets the intruder back in") {
  auto s = exfiltrationCase(procedure("p", {}));
  s.incidents.front().cyber.vector = incident::AccessVector::VulnerableService;
  s.incidents.front().cyber.reentryProbability = 1.0;
  s.detection.monitoringPerHour = {0, 0, 0, 0, 1.0};  // caught at the objective stage
  s.detection.phishingReportProbability = 0;
  const auto isolate = step("isolate", "it_admin", core::DurationDist::fixed(600), {Effect::IsolateNetwork});
  SECTION("restore without patch") {
    s.procedures["p"] = procedure(
        "p", {isolate, step("restore", "it_admin", core::DurationDist::fixed(3600), {Effect::Restore}, {"isolate"})});
    RecordingSink sink;
    const auto o = runOnce(s, 1, &sink);
    CHECK(sink.ofType("intruder_back").size() == 1);
    CHECK(sink.ofType("containment_lost").size() == 1);
    CHECK_FALSE(o.contained.timeUs);
  }
  SECTION("patch, then restore") {
    s.procedures["p"] = procedure(
        "p", {isolate, step("patch", "it_admin", core::DurationDist::fixed(1800), {Effect::Patch}, {"isolate"}),
              step("restore", "it_admin", core::DurationDist::fixed(3600), {Effect::Restore}, {"patch"})});
    RecordingSink sink;
    const auto o = runOnce(s, 1, &sink);
    CHECK(sink.ofType("intruder_back").empty());
    REQUIRE(o.contained.timeUs);
    REQUIRE(o.recovered.timeUs);
    // Down from isolation to the end of the restore: 30 min patch + 1 h restore.
    CHECK(o.downtimeS == Approx(1.5 * kHourS));
  }
}

TEST_CASE("A defacement is found by site monitoring and contained by shutting the site") {
  auto s = exfiltrationCase(procedure(
      "p", {step("shut", "it_admin", core::DurationDist::fixed(900), {Effect::ShutSite}),
            step("restore", "it_admin", core::DurationDist::fixed(2 * kHourS), {Effect::Patch, Effect::Restore}, {"shut"})}));
  s.incidents.front().cyber.objective = incident::Objective::Defacement;
  s.incidents.front().cyber.vector = incident::AccessVector::VulnerableService;
  s.detection.phishingReportProbability = 0;
  s.detection.siteMonitoringDelay = core::DurationDist::fixed(1200);
  const auto o = runOnce(s);
  CHECK(o.detectedBy == "site_monitoring");
  CHECK(*o.detected.timeUs == core::secondsToUs(15 * kHourS + 1200));
  CHECK(*o.contained.timeUs == core::secondsToUs(15 * kHourS + 1200 + 900));
  CHECK(o.downtimeS == Approx(2 * kHourS));
  CHECK(o.recordsExfiltrated == 0);
}

TEST_CASE("An intrusion nobody detects runs to the end of the horizon and is charged for it") {
  auto s = exfiltrationCase(procedure("p", {}));
  s.detection = reportOnlyDetection(0);
  s.detection.phishingReportProbability = 0;
  exercise::Exercise run(s, 1, 0);
  run.runToEnd();
  const auto o = run.outcomes().front();
  CHECK_FALSE(o.detected.timeUs);
  CHECK_FALSE(o.contained.timeUs);
  // 10 days of horizon, exfiltration from 15:00 of day 0.
  CHECK(o.recordsExfiltrated == Approx(1000 * (10 * 24 - 15)));
  const auto card = run.score();
  bool uncontained = false;
  for (const auto& e : card.ledger) uncontained |= e.term == "uncontained";
  CHECK(uncontained);
}
