// The `scenario:` section: name, description, default seed, the simulated day window, and
// how long incidents are played (horizon) from which weekday.
#include <array>

#include "sim/scenario/duration_text.hpp"
#include "sim/scenario/scenario_sections.hpp"

namespace irdrill::scenario {
namespace {

// ScenarioDef::startWeekday's numbering: 0 Monday ... 6 Sunday.
constexpr std::array<const char*, 7> kWeekdayNames{"monday", "tuesday",  "wednesday", "thursday",
                                                   "friday", "saturday", "sunday"};

}  // namespace

std::string formatLocation(const core::SourceLocation& where) {
  return where.file + ":" + std::to_string(where.line) + ":" + std::to_string(where.column);
}

void readScenarioInfo(SourceSet& s, const Node& node, ScenarioDef& out) {
  MapReader r(s, node, "scenario");
  r.text("name", out.name);
  r.text("description", out.description);
  r.text("name_ja", out.nameJa);
  r.text("description_ja", out.descriptionJa);
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
  fixedDurationKey(r, "horizon", out.horizonS, Bounds::positive());
  if (const auto weekday = r.get("start_weekday")) {
    if (const auto index = readChoice(s, *weekday, "weekday", kWeekdayNames)) {
      out.startWeekday = static_cast<int>(*index);
    }
  }
}

}  // namespace irdrill::scenario
