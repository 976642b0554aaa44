#include <catch2/catch.hpp>

#include "../day/small_office.hpp"
#include "incident_builders.hpp"
#include "sim/exercise/exercise.hpp"

using namespace irdrill;
using namespace irdrill::testing;
using response::Effect;

namespace {

constexpr double kHourS = 3600;

// emp-0 visits the client and leaves the (unencrypted) laptop there; nobody goes back,
// nobody hands it in; the support desk's search fails, so only a wipe contains it.
scenario::ScenarioDef lostLaptopAtClient() {
  scenario::ScenarioDef s = smallOffice(3);
  s.horizonS = 5 * 86400.0;
  s.dayPlans["default"].clientVisitProbability = 1.0;
  s.humanError.leaveBehindProbability.fill(0.0);
  s.humanError.selfNoticeProbability = 0;
  s.reaction.respondProbability = 0;
  s.crowdFinding = false;
  s.thieves.takePerMinuteByPlace.fill(0.0);
  s.thieves.takePerMinuteLobby = 0;
  s.itemFate.handInProbability = 0;
  s.itemFate.finderAccessProbability = 0;
  s.itemFate.credentialMisuseProbability = 0;
  s.itemFate.searchFindProbabilityKnown = 0;
  s.itemFate.searchFindProbabilityUnknown = 0;
  s.itemFate.wipeSuccessProbability = 1;
  s.itemFate.wipeDelay = core::DurationDist::fixed(kHourS);
  s.detection.lossReportDelay = core::DurationDist::fixed(12 * kHourS);
  s.detection.tagAlertsReachTeam = false;
  s.employees[0].items[0].encrypted = false;
  s.employees[0].items[0].records = 500;
  s.team.roles.push_back(roundTheClock("support_desk", 1));
  s.team.roles.push_back(roundTheClock("it_admin", 1));
  s.procedures["lost-equipment"] = procedure(
      "lost-equipment",
      {step("search", "support_desk", core::DurationDist::fixed(kHourS), {Effect::SearchItem}),
       step("wipe", "it_admin", core::DurationDist::fixed(0.5 * kHourS), {Effect::RemoteWipe}, {"search"})});
  s.procedures["lost-equipment"].steps[1].when = {{response::Condition::ItemMissing, false}};
  s.procedureForKind[static_cast<int>(incident::IncidentKind::LostItem)] = "lost-equipment";
  s.procedureForKind[static_cast<int>(incident::IncidentKind::Theft)] = "lost-equipment";
  incident::IncidentSourceDef loss;
  loss.id = "laptop-at-client";
  loss.kind = incident::IncidentKind::LostItem;
  loss.loss = {"emp-0", "emp-0-laptop", "client_site"};
  s.incidents.push_back(loss);
  return s;
}

}  // namespace

TEST_CASE("A laptop left at a client becomes an incident the team contains by a remote wipe") {
  const auto s = lostLaptopAtClient();
  RecordingSink sink;
  exercise::Exercise run(s, 1, 0, &sink);
  run.runToEnd();
  const auto outcomes = run.outcomes();
  REQUIRE(outcomes.size() == 1);
  const auto& o = outcomes.front();
  CHECK(o.id == "lost:emp-0/emp-0-laptop");
  CHECK(o.kind == incident::IncidentKind::LostItem);
  // It started when it was left, during the day at the client.
  const auto left = sink.ofType("item_left_behind");
  REQUIRE(left.size() == 1);
  CHECK(left.front().detail == "client");
  CHECK(o.startUs == left.front().timeUs);
  CHECK(o.startSeq == left.front().seq);
  // Reported 12 h after the end of the day (20:00 + 12 h), then search 1 h, wipe 0.5 h,
  // and the device comes online 1 h later.
  const core::TimeUs reportUs = core::secondsToUs(32 * kHourS);
  REQUIRE(o.teamEngaged.timeUs);
  CHECK(*o.teamEngaged.timeUs == reportUs);
  CHECK(sink.ofType("search_failed").size() == 1);
  REQUIRE(o.contained.timeUs);
  CHECK(*o.contained.timeUs == reportUs + core::secondsToUs(2.5 * kHourS));
  CHECK(o.itemsLost == 1);
  CHECK(o.recordsExfiltrated == 0);
  REQUIRE(o.recovered.timeUs);
  CHECK(o.stepsDone == 2);
}

TEST_CASE("A thief takes an item left at a client site, and the owner coming back finds it gone") {
  auto s = lostLaptopAtClient();
  s.incidents.front().kind = incident::IncidentKind::Theft;  // planned: taken within minutes
  s.humanError.selfNoticeProbability = 1.0;
  s.humanError.selfNoticeDelayMeanS = 3600;
  RecordingSink sink;
  exercise::Exercise run(s, 2, 0, &sink);
  run.runToEnd();
  const auto o = run.outcomes().front();
  CHECK(o.kind == incident::IncidentKind::Theft);
  const auto taken = sink.ofType("item_taken");
  REQUIRE(taken.size() == 1);
  const auto back = sink.ofType("item_recovered");
  CHECK(back.empty());
  // The owner noticed (self-notice) and went back unless the day ended first.
  for (const auto& e : sink.ofType("item_found_missing")) CHECK(e.timeUs > taken.front().timeUs);
  // Taken: the search cannot find it where it was left.
  const auto failed = sink.ofType("search_failed");
  REQUIRE(failed.size() == 1);
  CHECK(failed.front().detail == "taken: not where it was left");
  CHECK(o.itemsLost == 1);
}

TEST_CASE("Same seed, same events; another replication, another day") {
  const auto s = lostLaptopAtClient();
  auto logOf = [&](std::uint64_t replication) {
    RecordingSink sink;
    exercise::Exercise run(s, 9, replication, &sink);
    run.runToEnd();
    std::string text;
    for (const auto& e : sink.events) {
      text += std::to_string(e.timeUs) + std::string(e.type()) + e.incident + e.actor + e.subject + e.detail + "\n";
    }
    return text;
  };
  CHECK(logOf(0) == logOf(0));
  CHECK(logOf(0) != logOf(1));
}
