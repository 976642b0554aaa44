// Sweep benchmark: a 20 x 20 grid of the phone rule (threshold x hold) on the bundled
// office day, in trace mode (one open-loop day per replication, the 400 rules evaluated
// on its reception trace), against separate closed-loop Monte Carlo runs of single grid
// points measured in the same process and scaled to the 400 points. Also the reference
// replay (one SeparationMonitor per rule) on the same traces, to show what the shared
// smoothing and thresholds of RuleSetEvaluator save. One thread throughout.
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "sim/day/office_day.hpp"
#include "sim/scenario/scenario_loader.hpp"
#include "sim/sweep/rule_replay.hpp"
#include "sim/sweep/sweep_outcome.hpp"

namespace {

using Clock = std::chrono::steady_clock;
double secondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Sweep benchmark: trace mode against separate runs"};
  std::string scenarioPath = IRDRILL_SOURCE_DIR "/scenarios/office-day.yaml";
  int runs = 3;
  int fullPoints = 4;
  app.add_option("--scenario", scenarioPath, "scenario file")->capture_default_str();
  app.add_option("--runs", runs, "replications per grid point")->capture_default_str()->check(CLI::PositiveNumber);
  app.add_option("--full-points", fullPoints, "grid points run separately (closed loop) for the reference")
      ->capture_default_str()->check(CLI::Range(1, 400));
  CLI11_PARSE(app, argc, argv);

  const auto loaded = irdrill::scenario::loadScenarioFile(scenarioPath);
  if (!loaded.scenario || loaded.diagnostics.hasErrors()) {
    for (const auto& d : loaded.diagnostics.items()) {
      std::fprintf(stderr, "%s\n", irdrill::core::formatDiagnostic(d).c_str());
    }
    return 2;
  }
  const irdrill::scenario::ScenarioDef& scenario = *loaded.scenario;
  // The grid: thresholds -95, -93, ..., -57 dBm by holds 5, 10, ..., 100 s.
  std::vector<irdrill::radio::AlertRuleDef> rules;
  for (int t = 0; t < 20; ++t) {
    for (int h = 0; h < 20; ++h) {
      irdrill::radio::AlertRuleDef rule = scenario.phoneAlert;
      rule.rssiThresholdDbm = -95.0 + 2.0 * t;
      rule.holdS = 5.0 * (h + 1);
      rules.push_back(rule);
    }
  }
  const irdrill::sweep::RuleSetEvaluator evaluator(rules);
  const irdrill::sweep::ContainmentModel containment{scenario.reaction.respondProbability,
                                                     scenario.reaction.responseDelayMeanS};
  constexpr std::uint64_t kSeed = 1;

  // Trace mode: what `irdrill sweep` does per replication.
  double traceDayS = 0, evaluateS = 0, referenceS = 0;
  std::uint64_t packets = 0;
  int separations = 0;
  for (int r = 0; r < runs; ++r) {
    irdrill::day::ReceptionTrace trace;
    irdrill::day::OfficeDayOptions options;
    options.trace = &trace;
    auto start = Clock::now();
    irdrill::day::OfficeDay day(scenario, kSeed, static_cast<std::uint64_t>(r), options);
    day.runToEnd();
    traceDayS += secondsSince(start);
    for (const auto& item : trace.items) packets += item.packets.size();

    start = Clock::now();
    irdrill::sweep::RuleSetEvaluator::Scratch scratch;
    const auto outcome = irdrill::sweep::evaluateTrace(trace, evaluator, containment, scratch);
    evaluateS += secondsSince(start);
    separations += outcome.points.front().separations;

    // The reference: every rule through its own SeparationMonitor, same traces.
    start = Clock::now();
    std::size_t alerts = 0;
    for (const auto& rule : rules) {
      for (const auto& item : trace.items) alerts += irdrill::sweep::replayRule(item, rule, trace.dayEndUs).size();
    }
    referenceS += secondsSince(start);
    if (alerts == 0) std::fprintf(stderr, "(no alerts)\n");  // keeps the loop from being optimised away
  }
  const double traceS = traceDayS + evaluateS;

  // Separate runs: single grid points in closed loop, spread over the grid, scaled to 400.
  double fullS = 0;
  int fullSeparations = 0;
  for (int k = 0; k < fullPoints; ++k) {
    irdrill::scenario::ScenarioDef point = scenario;
    point.phoneAlert = rules[static_cast<std::size_t>(k) * rules.size() / static_cast<std::size_t>(fullPoints)];
    const auto start = Clock::now();
    for (int r = 0; r < runs; ++r) {
      irdrill::sweep::LiveDayCollector collector;
      irdrill::day::OfficeDay day(point, kSeed, static_cast<std::uint64_t>(r), &collector);
      day.runToEnd();
      fullSeparations += collector.outcome(day).separations;
    }
    fullS += secondsSince(start);
  }
  const double fullScaledS = fullS / fullPoints * static_cast<double>(rules.size());

  std::printf("sweep (%s): 20 x 20 grid (threshold -95..-57 dBm x hold 5..100 s), %d replications, one thread\n",
              scenario.name.c_str(), runs);
  std::printf("  reception trace per replication       %10.0f packets, %d separations in all\n",
              static_cast<double>(packets) / runs, separations);
  std::printf("  trace mode: open-loop days            %10.2f s\n", traceDayS);
  std::printf("  trace mode: 400 rules evaluated       %10.2f s (%.2f ms per rule and replication)\n",
              evaluateS, 1e3 * evaluateS / (static_cast<double>(rules.size()) * runs));
  std::printf("  trace mode total                      %10.2f s\n", traceS);
  std::printf("  reference replay (a monitor per rule) %10.2f s (%.1fx the evaluator)\n", referenceS,
              referenceS / evaluateS);
  std::printf("  separate runs: %d of 400 points       %10.2f s (%.2f s per point, %d separations)\n",
              fullPoints, fullS, fullS / fullPoints, fullSeparations);
  std::printf("  separate runs scaled to 400 points    %10.1f s\n", fullScaledS);
  std::printf("  ratio (separate / trace mode)         %10.0fx\n", fullScaledS / traceS);
  return 0;
}
