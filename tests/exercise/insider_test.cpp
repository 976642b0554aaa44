#include <catch2/catch.hpp>

#include "incident_builders.hpp"
#include "sim/exercise/exercise.hpp"

using namespace irdrill;
using namespace irdrill::testing;

namespace {

constexpr double kHourS = 3600;

// An insider starts copying at 10:00 for 1 h and walks out 2 h later (13:00). Data-loss
// prevention catches the copying at once; the team revokes the credentials.
scoring::IncidentOutcome insiderWithRevocationAfter(double revokeS) {
  scenario::ScenarioDef s = incidentsOnly();
  s.detection = reportOnlyDetection(0);
  s.detection.insiderCopyPerHour = 1.0;
  incident::IncidentSourceDef src;
  src.id = "insider";
  src.kind = incident::IncidentKind::Insider;
  src.atS = 10 * kHourS;
  src.insider.recordsToCopy = 20000;
  src.insider.copyDuration = core::DurationDist::fixed(kHourS);
  src.insider.walkOutAfter = core::DurationDist::fixed(2 * kHourS);
  s.incidents.push_back(src);
  s.procedures["leak"] = procedure(
      "leak", {step("revoke", "security_lead", core::DurationDist::fixed(revokeS),
                    {response::Effect::RevokeCredentials})});
  s.procedureForKind[static_cast<int>(incident::IncidentKind::Insider)] = "leak";
  exercise::Exercise run(s, 3, 0);
  run.runToEnd();
  return run.outcomes().front();
}

}  // namespace

TEST_CASE("An insider stopped before the door takes nothing out") {
  const auto o = insiderWithRevocationAfter(0.5 * kHourS);
  CHECK(o.detectedBy == "monitoring");
  CHECK(*o.detected.timeUs == core::secondsToUs(10 * kHourS));
  REQUIRE(o.contained.timeUs);
  CHECK(*o.contained.timeUs == core::secondsToUs(10.5 * kHourS));
  CHECK(o.recordsExfiltrated == 0);
  CHECK_FALSE(o.leaked);
}

TEST_CASE("An insider who walks out first takes every copied record") {
  const auto o = insiderWithRevocationAfter(4 * kHourS);
  CHECK(o.recordsExfiltrated == 20000);
  CHECK(o.leaked);
  REQUIRE(o.contained.timeUs);
  CHECK(*o.contained.timeUs == core::secondsToUs(14 * kHourS));
}
