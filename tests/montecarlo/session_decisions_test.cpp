// The Monte Carlo model with a session's decisions: each replication replays them through
// LiveSession, exactly as `irdrill replay` does for one seed.
#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "sim/montecarlo/exercise_model.hpp"
#include "sim/scenario/scenario_loader.hpp"
#include "sim/session/live_session.hpp"

namespace {

using irdrill::core::kUsPerHour;
namespace session = irdrill::session;

irdrill::scenario::ScenarioDef phishingScenario() {
  auto loaded = irdrill::scenario::loadScenarioFile(std::string(IRDRILL_TEST_DATA_DIR) +
                                                    "/../../scenarios/phishing-exfiltration.yaml");
  REQUIRE(loaded.scenario);
  return std::move(*loaded.scenario);
}

double metric(const irdrill::montecarlo::ReplicationModel& model, const std::vector<double>& values,
              const std::string& name) {
  const auto& defs = model.metrics();
  const auto it = std::find_if(defs.begin(), defs.end(), [&](const auto& d) { return d.name == name; });
  REQUIRE(it != defs.end());
  return values[static_cast<std::size_t>(it - defs.begin())];
}

}  // namespace

TEST_CASE("a replication with a session's decisions scores what replaying the session on that seed scores") {
  const auto scenario = phishingScenario();
  session::SessionEntry inject;
  inject.kind = session::SessionEntry::Kind::Inject;
  inject.atUs = 10 * kUsPerHour;
  inject.inject.source = "tpl-website-defacement";
  session::SessionEntry tooEarly;  // the phishing mail is opened at 09:40: nothing to order yet
  tooEarly.atUs = 9 * kUsPerHour;
  tooEarly.decision.kind = irdrill::exercise::DecisionKind::OrderStep;
  tooEarly.decision.incident = "phishing";
  tooEarly.decision.step = "isolate";
  session::SessionEntry mark;  // marks are not replayed in replications
  mark.kind = session::SessionEntry::Kind::Mark;
  mark.atUs = 11 * kUsPerHour;
  const std::vector<session::SessionEntry> log{tooEarly, inject, mark};

  const auto model = irdrill::montecarlo::makeExerciseModel(scenario, log);
  const auto plain = irdrill::montecarlo::makeExerciseModel(scenario);
  const std::uint64_t replication = GENERATE(0, 1, 2);
  std::vector<double> with(model->metrics().size()), without(plain->metrics().size());
  model->run(7, replication, with);
  plain->run(7, replication, without);
  CHECK(metric(*model, with, "decisions_refused") == 1);

  session::SessionDef header;
  header.seed = 7;
  header.replication = replication;
  session::LiveSession live(std::make_shared<const irdrill::scenario::ScenarioDef>(scenario), header);
  CHECK(live.replaySkippingRefused({tooEarly, inject}, live.exercise().endUs()) == 1);
  CHECK(metric(*model, with, "score") == live.exercise().score().total);
  // The injected defacement is a second incident: the score is not the plain one.
  CHECK(metric(*model, with, "score") != metric(*plain, without, "score"));
}
