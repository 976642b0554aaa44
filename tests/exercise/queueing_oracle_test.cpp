// The response team as a queue, checked against queueing theory through the whole
// exercise: incidents arrive as a Poisson process, each is reported at once, and its
// procedure is one step for a role of c responders with exponential durations. That is
// an M/M/c queue, whose mean wait in queue is given by the Erlang C formula:
//   a = lambda / mu, rho = a / c,
//   C(c, a) = (a^c / c!) / (1 - rho) / (sum_{k<c} a^k / k! + (a^c / c!) / (1 - rho)),
//   Wq = C(c, a) / (c mu - lambda).
// (Kleinrock, Queueing Systems vol. 1, 1975, section 3.5.)
#include <catch2/catch.hpp>

#include <cmath>
#include <map>

#include <boost/math/distributions/students_t.hpp>

#include "incident_builders.hpp"
#include "sim/exercise/exercise.hpp"

using namespace irdrill;
using namespace irdrill::testing;

namespace {

double erlangC(int c, double a) {
  double term = 1, sum = 0;  // term = a^k / k!
  for (int k = 0; k < c; ++k) {
    sum += term;
    term *= a / (k + 1);
  }
  const double rho = a / c;
  const double last = term / (1 - rho);
  return last / (sum + last);
}

struct WaitEstimate {
  double mean = 0;
  double halfWidth = 0;  // 95% confidence, batch means
  double probabilityOfWaiting = 0;
  std::size_t served = 0;
};

WaitEstimate simulateQueue(int servers, double lambdaPerHour, double muPerHour, double days,
                           std::uint64_t seed) {
  scenario::ScenarioDef s;
  s.name = "mmc";
  s.horizonS = days * 86400;
  s.team.roles.push_back(roundTheClock("responder", servers));
  s.detection = reportOnlyDetection(0);
  incident::IncidentSourceDef src = fixedIntrusion("arrival", 0, 1e9);  // stays at initial access
  src.arrival = incident::ArrivalKind::Poisson;
  src.ratePerDay = lambdaPerHour * 24;
  s.incidents.push_back(src);
  s.procedures["handle"] =
      procedure("handle", {step("handle", "responder", core::DurationDist::exponential(3600 / muPerHour),
                                {response::Effect::IsolateNetwork})});
  s.procedureForKind[static_cast<int>(incident::IncidentKind::CyberIntrusion)] = "handle";

  RecordingSink sink;
  exercise::Exercise run(s, seed, 0, &sink);
  run.runToEnd();

  // Waits in order of arrival (queued events come in arrival order).
  std::map<std::string, core::TimeUs> queuedAt;
  std::vector<std::string> order;
  std::map<std::string, double> waitH;
  for (const auto& e : sink.events) {
    if (e.type() == "step_queued") {
      queuedAt[e.incident] = e.timeUs;
      order.push_back(e.incident);
    } else if (e.type() == "step_started") {
      waitH[e.incident] = core::usToSeconds(e.timeUs - queuedAt.at(e.incident)) / 3600.0;
    }
  }
  std::vector<double> waits;
  for (const auto& id : order) {
    if (const auto it = waitH.find(id); it != waitH.end()) waits.push_back(it->second);
  }
  const std::size_t warmUp = waits.size() / 10;
  const std::size_t batches = 30;
  const std::size_t perBatch = (waits.size() - warmUp) / batches;
  std::vector<double> batchMeans;
  std::size_t waited = 0;
  for (std::size_t b = 0; b < batches; ++b) {
    double sum = 0;
    for (std::size_t i = 0; i < perBatch; ++i) {
      const double w = waits[warmUp + b * perBatch + i];
      sum += w;
      waited += w > 0 ? 1 : 0;
    }
    batchMeans.push_back(sum / static_cast<double>(perBatch));
  }
  WaitEstimate est;
  for (double m : batchMeans) est.mean += m / batches;
  double var = 0;
  for (double m : batchMeans) var += (m - est.mean) * (m - est.mean) / (batches - 1);
  const boost::math::students_t t(batches - 1);
  est.halfWidth = boost::math::quantile(boost::math::complement(t, 0.025)) * std::sqrt(var / batches);
  est.served = perBatch * batches;
  est.probabilityOfWaiting = static_cast<double>(waited) / static_cast<double>(est.served);
  return est;
}

}  // namespace

TEST_CASE("M/M/1: the team's mean wait matches Erlang C within its confidence interval") {
  const double lambda = 0.7, mu = 1.0;  // per hour: rho = 0.7
  const WaitEstimate est = simulateQueue(1, lambda, mu, 1200, 11);
  const double expected = erlangC(1, lambda / mu) / (mu - lambda);  // = rho / (mu - lambda)
  INFO("simulated " << est.mean << " +- " << est.halfWidth << " h over " << est.served
                    << " incidents; Erlang C " << expected << " h");
  CHECK(expected == Approx(0.7 / 0.3));
  CHECK(std::abs(est.mean - expected) <= est.halfWidth);
  CHECK(est.probabilityOfWaiting == Approx(0.7).margin(0.02));  // P(wait > 0) = rho
}

TEST_CASE("M/M/c: three and five responders match Erlang C within the confidence interval") {
  const auto [servers, lambda, mu] = GENERATE(std::make_tuple(3, 2.4, 1.0), std::make_tuple(5, 4.0, 1.0));
  const WaitEstimate est = simulateQueue(servers, lambda, mu, 600, 5);
  const double c = erlangC(servers, lambda / mu);
  const double expected = c / (servers * mu - lambda);
  INFO(servers << " servers: simulated " << est.mean << " +- " << est.halfWidth
               << " h; Erlang C " << expected << " h, P(wait) " << est.probabilityOfWaiting
               << " vs " << c);
  CHECK(std::abs(est.mean - expected) <= est.halfWidth);
  CHECK(est.probabilityOfWaiting == Approx(c).margin(0.03));
}
