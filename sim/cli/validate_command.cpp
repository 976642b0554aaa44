#include "sim/cli/validate_command.hpp"

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "sim/cli/exit_codes.hpp"
#include "sim/scenario/scenario_loader.hpp"

namespace irdrill::cli {
namespace {

struct ValidateOptions {
  std::vector<std::string> files;
};

std::string plural(std::size_t n, const char* noun) {
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

// "1 floor, 10 rooms, 48 desks, 6 gateways, 40 employees, 118 items, 101 tags"
std::string summarize(const scenario::ScenarioDef& def) {
  std::size_t rooms = 0, desks = 0, gateways = 0, items = 0, tags = 0;
  for (const auto& floor : def.office.floors) {
    rooms += floor.rooms.size();
    desks += floor.desks.size();
    gateways += floor.gateways.size();
  }
  for (const auto& employee : def.employees) {
    items += employee.items.size();
    for (const auto& item : employee.items) tags += item.tag ? 1 : 0;
  }
  return plural(def.office.floors.size(), "floor") + ", " + plural(rooms, "room") + ", " +
         plural(desks, "desk") + ", " + plural(gateways, "gateway") + ", " +
         plural(def.employees.size(), "employee") + ", " + plural(items, "item") + ", " +
         plural(tags, "tag");
}

// True when the file is valid. Diagnostics go to stderr, the summary to stdout, so a
// script can keep the one and an editor parse the other.
bool validateFile(const std::string& path) {
  const scenario::LoadResult result = scenario::loadScenarioFile(path);
  std::size_t errors = 0;
  for (const auto& diagnostic : result.diagnostics.items()) {
    std::fprintf(stderr, "%s\n", core::formatDiagnostic(diagnostic).c_str());
    if (diagnostic.severity == core::Severity::Error) ++errors;
  }
  if (!result.scenario) {
    std::fprintf(stderr, "%s: invalid (%s)\n", path.c_str(), plural(errors, "error").c_str());
    return false;
  }
  std::printf("%s: OK: scenario '%s': %s\n", path.c_str(), result.scenario->name.c_str(),
              summarize(*result.scenario).c_str());
  return true;
}

}  // namespace

void setupValidateCommand(CLI::App& app) {
  auto options = std::make_shared<ValidateOptions>();
  CLI::App* sub = app.add_subcommand(
      "validate", "Check scenario files; print every error as file:line:col: error: ...");
  sub->add_option("files", options->files, "scenario YAML files")->required();
  sub->callback([options] {
    bool allValid = true;
    for (const auto& file : options->files) allValid = validateFile(file) && allValid;
    // The reasons are printed already; the exit code says "invalid input".
    if (!allValid) throw CLI::RuntimeError(kExitUsage);
  });
}

}  // namespace irdrill::cli
