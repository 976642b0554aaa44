// Correlated shadowing: marginal N(0, sigma), exponential correlation in time and in
// distance moved, and a still link keeping its value.
#include "sim/radio/shadowing.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "sim/core/random_streams.hpp"

using namespace irdrill;

namespace {

radio::PropagationDef shadowingDef() {
  radio::PropagationDef def;
  def.shadowingSigmaDb = 6.0;
  def.shadowingDecorrelationM = 3.0;
  def.shadowingDecorrelationS = 30.0;
  return def;
}

struct PairStats {
  double sdFirst = 0;
  double sdSecond = 0;
  double correlation = 0;
};

// kLinks independent links: each is initialised at t = 10 s, then advanced `steps` times
// by (stepUs, stepMovedM); statistics across links of the first and the last value.
PairStats acrossLinks(const radio::PropagationDef& def, int steps, core::TimeUs stepUs,
                      double stepMovedM, std::uint64_t entity) {
  constexpr int kLinks = 50'000;
  core::RandomEngine engine = core::RandomStreams(3, 0).stream("test.radio.shadowing", entity);
  std::vector<double> first(kLinks), second(kLinks);
  for (int i = 0; i < kLinks; ++i) {
    radio::ShadowingState state;
    core::TimeUs now = 10 * core::kUsPerSecond;
    first[i] = radio::advanceShadowingDb(state, def, now, 0.0, engine);
    for (int s = 0; s < steps; ++s) {
      now += stepUs;
      second[i] = radio::advanceShadowingDb(state, def, now, stepMovedM, engine);
    }
  }
  double s1 = 0, s2 = 0, s11 = 0, s22 = 0, s12 = 0;
  for (int i = 0; i < kLinks; ++i) {
    s1 += first[i];
    s2 += second[i];
    s11 += first[i] * first[i];
    s22 += second[i] * second[i];
    s12 += first[i] * second[i];
  }
  const double n = kLinks;
  const double v1 = s11 / n - (s1 / n) * (s1 / n);
  const double v2 = s22 / n - (s2 / n) * (s2 / n);
  const double c12 = s12 / n - (s1 / n) * (s2 / n);
  return {std::sqrt(v1), std::sqrt(v2), c12 / std::sqrt(v1 * v2)};
}

// Standard error of a sample correlation rho over n pairs: (1 - rho^2) / sqrt(n).
double correlationTolerance(double rho) { return 4 * (1 - rho * rho) / std::sqrt(50'000.0); }
// Standard error of a normal sample's sd: sigma / sqrt(2n).
double sdTolerance(double sigma) { return 4 * sigma / std::sqrt(2 * 50'000.0); }

}  // namespace

TEST_CASE("Shadowing of a still link decorrelates as exp(-dt / decorrelationS)") {
  const radio::PropagationDef def = shadowingDef();
  // One 15 s step, and three 5 s steps adding up to the same lag: the AR(1) composes.
  const PairStats one = acrossLinks(def, 1, 15 * core::kUsPerSecond, 0.0, 1);
  const PairStats three = acrossLinks(def, 3, 5 * core::kUsPerSecond, 0.0, 2);
  const double rho = std::exp(-15.0 / 30.0);
  CHECK(one.correlation == Approx(rho).margin(correlationTolerance(rho)));
  CHECK(three.correlation == Approx(rho).margin(correlationTolerance(rho)));
  // The marginal stays N(0, sigma) before and after the updates.
  CHECK(one.sdFirst == Approx(6.0).margin(sdTolerance(6.0)));
  CHECK(one.sdSecond == Approx(6.0).margin(sdTolerance(6.0)));
  CHECK(three.sdSecond == Approx(6.0).margin(sdTolerance(6.0)));
}

TEST_CASE("Shadowing decorrelates as exp(-d / decorrelationM) with the distance moved") {
  const radio::PropagationDef def = shadowingDef();
  // Moving 2 m at one instant (dt = 0): only the spatial term.
  const PairStats moved = acrossLinks(def, 1, 0, 2.0, 3);
  const double rho = std::exp(-2.0 / 3.0);
  CHECK(moved.correlation == Approx(rho).margin(correlationTolerance(rho)));
  CHECK(moved.sdSecond == Approx(6.0).margin(sdTolerance(6.0)));
  // Both terms multiply: 6 s and 1.5 m.
  const PairStats both = acrossLinks(def, 1, 6 * core::kUsPerSecond, 1.5, 4);
  const double rhoBoth = std::exp(-6.0 / 30.0 - 1.5 / 3.0);
  CHECK(both.correlation == Approx(rhoBoth).margin(correlationTolerance(rhoBoth)));
  CHECK(radio::shadowingCorrelation(def, 6.0, 1.5) == Approx(rhoBoth).margin(1e-15));
}

TEST_CASE("Repeated shadowing calls at the same time and place keep the value, drawing nothing") {
  const radio::PropagationDef def = shadowingDef();
  core::RandomEngine engine = core::RandomStreams(3, 0).stream("test.radio.shadowing");
  radio::ShadowingState state;
  const double first = radio::advanceShadowingDb(state, def, 5'000'000, 0.0, engine);
  CHECK(state.initialized);
  const core::RandomEngine before = engine;
  for (int i = 0; i < 10; ++i) {
    CHECK(radio::advanceShadowingDb(state, def, 5'000'000, 0.0, engine) == first);
  }
  CHECK(engine == before);
  // Time passing changes it.
  CHECK(radio::advanceShadowingDb(state, def, 6'000'000, 0.0, engine) != first);
}

TEST_CASE("Zero decorrelation scales make every update independent") {
  radio::PropagationDef def = shadowingDef();
  def.shadowingDecorrelationS = 0.0;
  def.shadowingDecorrelationM = 0.0;
  CHECK(radio::shadowingCorrelation(def, 1e-6, 0.0) == 0.0);
  CHECK(radio::shadowingCorrelation(def, 0.0, 0.01) == 0.0);
  CHECK(radio::shadowingCorrelation(def, 0.0, 0.0) == 1.0);
  const PairStats s = acrossLinks(def, 1, 1, 0.0, 5);
  CHECK(s.correlation == Approx(0.0).margin(correlationTolerance(0.0)));
  CHECK(s.sdSecond == Approx(6.0).margin(sdTolerance(6.0)));
}

TEST_CASE("Shadowing refuses time running backwards and negative movement") {
  const radio::PropagationDef def = shadowingDef();
  core::RandomEngine engine = core::RandomStreams(3, 0).stream("test.radio.shadowing");
  radio::ShadowingState state;
  radio::advanceShadowingDb(state, def, 1'000, 0.0, engine);
  CHECK_THROWS_AS(radio::advanceShadowingDb(state, def, 999, 0.0, engine), std::invalid_argument);
  CHECK_THROWS_AS(radio::advanceShadowingDb(state, def, 2'000, -1.0, engine),
                  std::invalid_argument);
}
