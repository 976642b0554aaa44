// The `scenario:` section: name, description, default seed and the simulated day window.
#include "sim/scenario/scenario_sections.hpp"

namespace irdrill::scenario {

std::string formatLocation(const core::SourceLocation& where) {
  return where.file + ":" + std::to_string(where.line) + ":" + std::to_string(where.column);
}

void readScenarioInfo(SourceSet& s, const Node& node, ScenarioDef& out) {
  MapReader r(s, node, "scenario");
  r.text("name", out.name);
  r.text("description", out.description);
  if (const auto seed = r.get("seed")) {
    if (const auto value = readUnsigned(s, *seed, "seed")) out.defaultSeed = *value;
  }
  const bool hasStart = r.clockTime("day_start", out.dayStartS);
  const bool hasEnd = r.clockTime("day_end", out.dayEndS);
  if ((hasStart || hasEnd) && out.dayEndS <= out.dayStartS) {
    s.error(*r.get(hasEnd ? "day_end" : "day_start"),
            "the day must end after it starts (day_start " + formatClockTime(out.dayStartS) +
                ", day_end " + formatClockTime(out.dayEndS) + ")");
  }
}

}  // namespace irdrill::scenario
