// Office-day benchmark: simulated office days per second on the bundled office-day
// scenario (40 people, about 100 tags, 6 gateways), and the radio link budgets per second
// that dominate the cost. The reference in the same run is the event kernel alone
// (PHOLD at the same number of events), which shows how much of a day is model work.
#include <chrono>
#include <cstdio>
#include <string>

#include <CLI/CLI.hpp>

#include "sim/core/event_kernel.hpp"
#include "sim/day/office_day.hpp"
#include "sim/scenario/scenario_loader.hpp"
#include "sim/workloads/phold.hpp"

int main(int argc, char** argv) {
  CLI::App app{"Office-day benchmark"};
  std::string scenarioPath = IRDRILL_SOURCE_DIR "/scenarios/office-day.yaml";
  int days = 5;
  app.add_option("--scenario", scenarioPath, "scenario file")->capture_default_str();
  app.add_option("--days", days, "replications to run")->capture_default_str()->check(CLI::PositiveNumber);
  CLI11_PARSE(app, argc, argv);

  const auto loaded = irdrill::scenario::loadScenarioFile(scenarioPath);
  if (!loaded.scenario || loaded.diagnostics.hasErrors()) {
    for (const auto& d : loaded.diagnostics.items()) {
      std::fprintf(stderr, "%s\n", irdrill::core::formatDiagnostic(d).c_str());
    }
    return 2;
  }
  std::uint64_t links = 0, advertising = 0;
  const auto start = std::chrono::steady_clock::now();
  for (int r = 0; r < days; ++r) {
    irdrill::day::OfficeDay day(*loaded.scenario, 1, static_cast<std::uint64_t>(r));
    day.runToEnd();
    links += day.metrics().linkEvaluations;
    advertising += day.metrics().advertisingEvents;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  // Reference: the bare kernel firing as many events as the days' advertising events.
  irdrill::core::EventKernel kernel;
  irdrill::workloads::PholdConfig config;
  config.initialEvents = 100;  // about one pending advertising event per tag
  irdrill::workloads::PholdModel phold(kernel, config, irdrill::core::RandomStreams(1, 0).stream("phold"));
  phold.start();
  const auto kernelStart = std::chrono::steady_clock::now();
  kernel.runSteps(advertising);
  const double kernelSeconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - kernelStart).count();

  std::printf("office-day (%s): %d days in %.2f s\n", loaded.scenario->name.c_str(), days, seconds);
  std::printf("  office-days per second        %10.2f\n", days / seconds);
  std::printf("  advertising events per second %10.0f\n", static_cast<double>(advertising) / seconds);
  std::printf("  link evaluations per second   %10.0f\n", static_cast<double>(links) / seconds);
  std::printf("  link evaluations per day      %10.0f\n", static_cast<double>(links) / days);
  std::printf("  bare kernel, same event count %10.2f s (%.1f%% of the day's time)\n", kernelSeconds,
              100.0 * kernelSeconds / seconds);
  return 0;
}
