// Building the after-action report of a session (see aar_build.hpp).
#include "sim/debrief/aar_build.hpp"

#include <algorithm>
#include <atomic>
#include <thread>
#include <utility>
#include <vector>

#include "sim/debrief/aar_html.hpp"
#include "sim/debrief/aar_input.hpp"
#include "sim/montecarlo/what_if.hpp"
#include "sim/scoring/score.hpp"
#include "sim/session/branches.hpp"
#include "sim/session/live_session.hpp"

namespace irdrill::debrief {
namespace {

// Replays `log` into a fresh session, each entry at its time: an entry that does not apply
// is noted (with the reason) and passed over, so one refused decision does not hide the
// rest of the journal. Then runs the clock to `untilUs`.
std::unique_ptr<session::LiveSession> replayNoting(std::shared_ptr<const scenario::ScenarioDef> scenario,
                                                   const session::SessionDef& header,
                                                   const std::vector<session::SessionEntry>& log,
                                                   core::TimeUs untilUs, std::vector<EntryOutcome>& outcomes) {
  auto live = std::make_unique<session::LiveSession>(std::move(scenario), header, nullptr);
  for (const session::SessionEntry& entry : log) {
    EntryOutcome outcome;
    if (entry.atUs > live->exercise().endUs()) {
      outcome = {false, "after the end of the exercise"};
    } else {
      live->runUntil(std::max(entry.atUs, live->now()));
      const exercise::DecisionResult result = live->apply(entry);
      outcome = {result.applied, result.reason};
    }
    outcomes.push_back(std::move(outcome));
  }
  live->runUntil(std::max(untilUs, live->now()));
  return live;
}

std::vector<std::pair<std::string, std::optional<double>>> hoursToContain(const exercise::Exercise& exercise) {
  std::vector<std::pair<std::string, std::optional<double>>> out;
  for (const exercise::IncidentView& incident : exercise.incidents()) {
    std::optional<double> hours;
    if (incident.containedUs) {
      hours = static_cast<double>(*incident.containedUs - incident.startUs) / static_cast<double>(core::kUsPerHour);
    }
    out.emplace_back(incident.id, hours);
  }
  return out;
}

std::vector<BranchOutcome> replayBranches(const std::shared_ptr<const scenario::ScenarioDef>& scenario,
                                          const session::SessionDef& session) {
  std::vector<BranchOutcome> out;
  if (session.branches.empty()) return out;  // never forked: the report has no branch section
  for (const session::BranchInfo& info : session::listBranches(session)) {
    BranchOutcome branch;
    branch.name = info.name;
    branch.parent = info.parent;
    branch.forkUs = info.forkUs;
    branch.lastUs = info.lastUs;
    branch.entryCount = info.entryCount;
    branch.current = info.current;
    std::vector<EntryOutcome> outcomes;
    const auto live = replayNoting(scenario, session, session::branchLog(session, info.name), info.lastUs, outcomes);
    for (std::size_t i = 0; i < outcomes.size(); ++i) {
      if (!outcomes[i].applied) {
        branch.refused = "entry " + std::to_string(i + 1) + ": " + outcomes[i].reason;
        break;
      }
    }
    const scoring::ScoreCard card = live->exercise().score();
    branch.score = card.total;
    branch.pointsByTerm = scoring::pointsByTerm(card);
    branch.hoursToContain = hoursToContain(live->exercise());
    out.push_back(std::move(branch));
  }
  return out;
}

WhatIfFigure figureOf(const montecarlo::WhatIfDistribution& distribution) {
  WhatIfFigure figure;
  for (std::size_t i = 0; i < distribution.values.size(); ++i) {
    const bool censored = i < distribution.censored.size() && distribution.censored[i];
    if (!censored) figure.values.push_back(distribution.values[i]);
  }
  std::sort(figure.values.begin(), figure.values.end());
  figure.censored = distribution.censoredCount;
  figure.p10 = distribution.quantile(0.1);
  figure.p50 = distribution.quantile(0.5);
  figure.p90 = distribution.quantile(0.9);
  figure.own = distribution.own;
  figure.ownCensored = distribution.ownCensored;
  return figure;
}

WhatIfFigures runWhatIf(const std::shared_ptr<const scenario::ScenarioDef>& scenario, const session::SessionDef& session,
                        const AarOptions& options) {
  montecarlo::WhatIfPlan plan;
  plan.variant = montecarlo::WhatIfVariant::Fresh;
  plan.replications = static_cast<std::uint64_t>(options.whatIfRuns);
  const unsigned cores = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  plan.threads = static_cast<int>(cores);
  const std::atomic<bool> never{false};
  const montecarlo::WhatIfResult result = montecarlo::runWhatIf(scenario, session, session.entries, plan, never);
  WhatIfFigures figures;
  figures.runs = result.completed;
  figures.variant = montecarlo::describeWhatIf(result);
  figures.hoursToContain = figureOf(result.timeToContainH);
  figures.score = figureOf(result.score);
  for (const montecarlo::WhatIfDeadline& d : result.deadlines) {
    figures.deadlines.push_back({d.id, d.probability, d.wilsonLow, d.wilsonHigh});
  }
  return figures;
}

}  // namespace

AarResult buildAfterActionReport(std::shared_ptr<const scenario::ScenarioDef> scenario,
                                 const session::SessionDef& session, const AarOptions& options) {
  AarResult result;
  AarInput input;
  input.session = &session;
  input.asOfUs = options.untilUs.value_or(session.lastUs);
  input.scenarioFile = options.scenarioFile.empty() ? session.scenarioPath : options.scenarioFile;
  input.language = options.language;
  const auto live = replayNoting(scenario, session, session.entries, input.asOfUs, input.entryOutcomes);
  input.asOfUs = live->now();  // clamped to the horizon
  input.exercise = &live->exercise();
  for (const EntryOutcome& outcome : input.entryOutcomes) result.entriesRefused += outcome.applied ? 0 : 1;
  input.branches = replayBranches(scenario, session);
  result.branches = static_cast<int>(input.branches.size());
  if (options.whatIfRuns > 0) input.whatIf = runWhatIf(scenario, session, options);
  result.html = afterActionReportHtml(input);
  return result;
}

}  // namespace irdrill::debrief
