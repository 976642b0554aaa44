// A bundled scenario (scenarios/NAME) loaded for a test; the test fails at once (REQUIRE)
// when it does not load. IRDRILL_TEST_DATA_DIR is tests/data, as every test target defines it.
#pragma once

#include <memory>
#include <string>

#include <catch2/catch.hpp>

#include "sim/scenario/scenario_loader.hpp"

namespace irdrill::test {

inline scenario::ScenarioDef bundledScenario(const std::string& name) {
  auto loaded = scenario::loadScenarioFile(std::string(IRDRILL_TEST_DATA_DIR) + "/../../scenarios/" + name);
  REQUIRE(loaded.scenario);
  return std::move(*loaded.scenario);
}

// The same, shared, as LiveSession takes it.
inline std::shared_ptr<const scenario::ScenarioDef> sharedBundledScenario(const std::string& name) {
  return std::make_shared<const scenario::ScenarioDef>(bundledScenario(name));
}

}  // namespace irdrill::test
