// The scenario picker, shown when no session is open: the bundled scenarios/*.yaml, an
// "open file" path for a scenario or a saved session, the seed, and the located messages
// of whatever failed to load.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "gui/layout.hpp"
#include "sim/text/catalogue.hpp"

namespace irdrill::gui {

// Bundled scenarios: *.yaml directly in `scenarios/` under each folder given (the
// source tree the program was built from, the working directory), sorted, no duplicates.
std::vector<std::filesystem::path> findBundledScenarios(const std::vector<std::filesystem::path>& roots);

// What the picker lists of a bundled scenario: its name and description from the file,
// or why it does not load.
struct BundledScenario {
  std::filesystem::path path;
  std::string name;
  std::string description;
  std::string nameJa, descriptionJa;  // `name_ja`, `description_ja` (empty: not given)
  int errors = 0;  // diagnostics of a file that does not load (it opens to show them)
};
std::vector<BundledScenario> describeScenarios(const std::vector<std::filesystem::path>& paths);

struct PickerState {
  std::vector<BundledScenario> bundled;
  std::string path;        // the "open file" field
  std::string seedText;    // empty: the scenario's default seed
  std::vector<std::string> messages;  // of the last failed open
  text::Language language = text::Language::English;  // the app's (the shell keeps it)
};

struct PickerRequest {
  enum class Kind { Scenario, Session } kind = Kind::Scenario;
  std::filesystem::path path;
  std::optional<std::uint64_t> seed;
};

std::optional<PickerRequest> drawScenarioPicker(const Rect& area, PickerState& state);

}  // namespace irdrill::gui
