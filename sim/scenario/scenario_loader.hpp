// Loading a scenario from YAML (format: docs/scenario-format.md, schema:
// scenarios/scenario.schema.json).
//
// Every problem is a located diagnostic (`file:line:col`, 1-based, in the file it is in,
// included files too): a missing file, invalid YAML, an unknown key or name (with the
// valid ones listed), a wrong type or range, a dangling reference, an include cycle.
// All errors of a load are collected, not just the first. A scenario is returned only
// when there is no error; nothing half-loaded escapes.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/core/diagnostics.hpp"
#include "sim/scenario/key_catalogue.hpp"
#include "sim/scenario/overrides.hpp"
#include "sim/scenario/scenario_def.hpp"

namespace irdrill::scenario {

struct LoadResult {
  std::optional<ScenarioDef> scenario;  // set if and only if diagnostics has no error
  core::Diagnostics diagnostics;
};

// `acceptedKeys`, when given, receives the keys every kind of mapping met accepts
// (key_catalogue.hpp): tests hold the JSON Schema to it. `overrides` (`--set PATH=VALUE`,
// overrides.hpp) change values of the files before they are read, checked like them.
LoadResult loadScenarioFile(const std::string& path, KeyCatalogue* acceptedKeys = nullptr,
                            const std::vector<Override>& overrides = {});

// The same from text in memory; `displayName` stands for its path in messages and
// includes are resolved from its directory.
LoadResult loadScenarioString(std::string_view yaml, const std::string& displayName,
                              KeyCatalogue* acceptedKeys = nullptr,
                              const std::vector<Override>& overrides = {});

}  // namespace irdrill::scenario
