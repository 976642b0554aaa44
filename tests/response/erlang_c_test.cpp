// The team as a queue, checked against queueing theory: Poisson arrivals to one role of
// c responders who are always available, with exponential task durations, form an M/M/c
// queue. Its mean wait in queue is the Erlang C formula
//   Wq = C(c, a) / (c mu - lambda),   a = lambda / mu,
// and C(c, a) is also the probability that an arrival waits at all. The simulated means
// must fall inside a batch-means confidence interval around them.
#include "sim/response/response_team.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "sim/core/distribution.hpp"
#include "sim/core/event_kernel.hpp"
#include "sim/core/random_streams.hpp"
#include "team_helpers.hpp"

using namespace irdrill;
using namespace irdrill::testing;

namespace {

// Erlang C through the numerically stable Erlang B recursion:
//   B(0) = 1, B(k) = a B(k-1) / (k + a B(k-1)),  C = B(c) / (1 - rho (1 - B(c))).
double erlangC(int c, double a) {
  double b = 1.0;
  for (int k = 1; k <= c; ++k) b = a * b / (k + a * b);
  const double rho = a / c;
  return b / (1.0 - rho * (1.0 - b));
}

// Arrivals as a Poisson process scheduled on the kernel, each submitting one task.
struct PoissonSource {
  core::EventKernel* kernel;
  response::ResponseTeam* team;
  core::RandomEngine arrivals;
  core::RandomEngine services;
  core::DurationDist interArrival;
  core::DurationDist service;
  long remaining;

  void arrive() {
    team->submit(0, core::sampleUs(service, services), nullptr, nullptr);
    if (--remaining > 0) {
      kernel->scheduleIn(core::sampleUs(interArrival, arrivals), [this] { arrive(); });
    }
  }
};

struct Estimate {
  double mean = 0;
  double halfWidth = 0;  // of the confidence interval
};

// Batch means: the warm-up is dropped, the rest cut into batches of consecutive
// customers whose means are nearly independent when batches are long against the
// queue's relaxation time; the interval is Student's t over the batch means.
Estimate batchMeans(const std::vector<double>& values, long warmUp, int batches) {
  const long batchSize = (static_cast<long>(values.size()) - warmUp) / batches;
  std::vector<double> means;
  for (int b = 0; b < batches; ++b) {
    double sum = 0;
    for (long i = 0; i < batchSize; ++i) sum += values[static_cast<std::size_t>(warmUp + b * batchSize + i)];
    means.push_back(sum / static_cast<double>(batchSize));
  }
  double grand = 0;
  for (double m : means) grand += m;
  grand /= batches;
  double squares = 0;
  for (double m : means) squares += (m - grand) * (m - grand);
  const double sd = std::sqrt(squares / (batches - 1));
  // Student's t, 29 degrees of freedom, two-sided 99.9%: a correct model misses one
  // interval in a thousand seeds.
  constexpr double kT29 = 3.659;
  return {grand, kT29 * sd / std::sqrt(static_cast<double>(batches))};
}

struct QueueResult {
  Estimate waitS;     // mean wait in queue, seconds
  Estimate pWait;     // fraction of arrivals that wait
};

QueueResult simulate(int servers, double rho, double meanServiceS, long customers, long warmUp,
                     std::uint64_t seed) {
  core::EventKernel kernel;
  response::TeamDef def;
  def.roles.push_back(alwaysOn("responder", servers));
  const core::RandomStreams streams(seed, 0);
  response::ResponseTeam team(def, 0, kernel, streams.stream("team.on_call"));
  const double lambda = rho * servers / meanServiceS;
  PoissonSource source{&kernel,
                       &team,
                       streams.stream("test.arrivals"),
                       streams.stream("test.services"),
                       core::DurationDist::exponential(1.0 / lambda),
                       core::DurationDist::exponential(meanServiceS),
                       customers};
  kernel.scheduleAt(0, [&source] { source.arrive(); });
  kernel.runUntilEmpty();
  REQUIRE(team.taskCount() == static_cast<std::uint64_t>(customers));
  std::vector<double> waits, waited;
  waits.reserve(static_cast<std::size_t>(customers));
  waited.reserve(static_cast<std::size_t>(customers));
  // Task ids are in arrival order.
  for (response::TaskId id = 1; id <= team.taskCount(); ++id) {
    const core::TimeUs waitUs = team.task(id).waitUs();
    waits.push_back(core::usToSeconds(waitUs));
    waited.push_back(waitUs > 0 ? 1.0 : 0.0);
  }
  return {batchMeans(waits, warmUp, 30), batchMeans(waited, warmUp, 30)};
}

void checkAgainstErlangC(int servers, double rho, long customers, std::uint64_t seed) {
  const double meanServiceS = 600;  // ten minutes
  const double mu = 1.0 / meanServiceS;
  const double lambda = rho * servers * mu;
  const double c = erlangC(servers, lambda / mu);
  const double wqS = c / (servers * mu - lambda);
  const QueueResult r = simulate(servers, rho, meanServiceS, customers, 20'000, seed);
  INFO("c = " << servers << ", rho = " << rho << ": Wq " << r.waitS.mean << " s +- "
              << r.waitS.halfWidth << " (Erlang C " << wqS << "), P(wait) " << r.pWait.mean
              << " +- " << r.pWait.halfWidth << " (C " << c << ")");
  CHECK(std::abs(r.waitS.mean - wqS) <= r.waitS.halfWidth);
  CHECK(std::abs(r.pWait.mean - c) <= r.pWait.halfWidth);
  // The intervals are narrow enough for the check to mean something: a model off by
  // 10% (a responder left idle while tasks wait, a lost or doubled task) would fall
  // outside. (The queue order cannot show here: any order that keeps the responders
  // busy has the same mean wait.)
  CHECK(r.waitS.halfWidth < 0.08 * wqS);
  CHECK(r.pWait.halfWidth < 0.03 * c);
}

}  // namespace

TEST_CASE("The Erlang C helper matches known values") {
  CHECK(erlangC(1, 0.7) == Approx(0.7));  // M/M/1: P(wait) = rho
  // c = 3, a = 2.4: sum_{k<3} a^k/k! = 6.28, a^3/3!/(1 - 0.8) = 11.52 -> 11.52 / 17.8.
  CHECK(erlangC(3, 2.4) == Approx(11.52 / 17.8));
  CHECK(erlangC(2, 1.0) == Approx(1.0 / 3.0));  // (a^2/2)/(1-1/2) = 1 over 1 + 1 + 1
}

TEST_CASE("M/M/1 at rho 0.7: the team's mean wait matches Erlang C within its confidence interval") {
  checkAgainstErlangC(1, 0.7, 620'000, 101);
}

TEST_CASE("M/M/3 at rho 0.8: the team's mean wait matches Erlang C within its confidence interval") {
  checkAgainstErlangC(3, 0.8, 620'000, 102);
}

TEST_CASE("M/M/5 at rho 0.85: the team's mean wait matches Erlang C within its confidence interval") {
  // Closer to saturation the waits are more correlated: twice the customers for an
  // interval as narrow as the others'.
  checkAgainstErlangC(5, 0.85, 1'220'000, 103);
}
