#include "sim/cli/phold_command.hpp"

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <memory>

#include "sim/core/event_kernel.hpp"
#include "sim/core/random_streams.hpp"
#include "sim/workloads/phold.hpp"

namespace irdrill::cli {
namespace {

struct PholdOptions {
  std::uint64_t seed = 1;
  std::uint64_t replication = 0;
  double untilS = 60.0;
  workloads::PholdConfig model;
};

void runPhold(const PholdOptions& options) {
  core::EventKernel kernel;
  workloads::PholdModel model(
      kernel, options.model,
      core::RandomStreams(options.seed, options.replication).stream("phold"));
  model.start();
  const auto start = std::chrono::steady_clock::now();
  kernel.runUntil(core::secondsToUs(options.untilS));
  const double wallS =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("phold seed=%llu replication=%llu: %llu events in %.1f simulated s "
              "(%.0f events/s wall), trace hash %016llx\n",
              static_cast<unsigned long long>(options.seed),
              static_cast<unsigned long long>(options.replication),
              static_cast<unsigned long long>(model.eventsHandled()), options.untilS,
              static_cast<double>(model.eventsHandled()) / wallS,
              static_cast<unsigned long long>(model.traceHash()));
}

}  // namespace

void setupPholdCommand(CLI::App& app) {
  auto options = std::make_shared<PholdOptions>();
  CLI::App* sub = app.add_subcommand(
      "phold", "Seeded run of the PHOLD kernel workload; prints its event-trace hash");
  sub->add_option("--seed", options->seed, "master seed")->capture_default_str();
  sub->add_option("--replication", options->replication, "replication index")
      ->capture_default_str();
  sub->add_option("--until-s", options->untilS, "simulated seconds to run")
      ->capture_default_str()->check(CLI::NonNegativeNumber);
  sub->add_option("--processes", options->model.lpCount, "logical processes")
      ->capture_default_str()->check(CLI::Range(1u, 1'000'000u));
  sub->add_option("--pending", options->model.initialEvents, "pending-event population")
      ->capture_default_str()->check(CLI::Range(1u, 10'000'000u));
  sub->callback([options] { runPhold(*options); });
}

}  // namespace irdrill::cli
