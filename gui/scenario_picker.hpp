// The scenario picker, shown when no session is open: the bundled scenarios/*.yaml, an
// "open file" path for a scenario or a saved session, the seed, and the located messages
// of whatever failed to load.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "gui/layout.hpp"

namespace irdrill::gui {

// Bundled scenarios: *.yaml directly in `scenarios/` under each folder given (the
// source tree the program was built from, the working directory), sorted, no duplicates.
std::vector<std::filesystem::path> findBundledScenarios(const std::vector<std::filesystem::path>& roots);

struct PickerState {
  std::vector<std::filesystem::path> bundled;
  std::string path;        // the "open file" field
  std::string seedText;    // empty: the scenario's default seed
  std::vector<std::string> messages;  // of the last failed open
};

struct PickerRequest {
  enum class Kind { Scenario, Session } kind = Kind::Scenario;
  std::filesystem::path path;
  std::optional<std::uint64_t> seed;
};

std::optional<PickerRequest> drawScenarioPicker(const Rect& area, PickerState& state);

}  // namespace irdrill::gui
