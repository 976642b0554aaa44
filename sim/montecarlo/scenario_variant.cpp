// Variants of one scenario (see scenario_variant.hpp).
#include "sim/montecarlo/scenario_variant.hpp"

#include <algorithm>

namespace irdrill::montecarlo {
namespace {

template <typename Range, typename Key>
std::vector<std::string> keysOf(const Range& items, Key key) {
  std::vector<std::string> keys;
  for (const auto& item : items) keys.push_back(key(item));
  return keys;
}

std::string listText(const std::vector<std::string>& items) {
  if (items.empty()) return "none";
  std::string text;
  const std::size_t shown = std::min<std::size_t>(items.size(), 4);
  for (std::size_t i = 0; i < shown; ++i) text += (i ? ", " : "") + items[i];
  if (items.size() > shown) text += ", ... (" + std::to_string(items.size()) + ")";
  return text;
}

}  // namespace

std::vector<std::string> variantDifferences(const scenario::ScenarioDef& a, const scenario::ScenarioDef& b) {
  std::vector<std::string> reasons;
  const auto floors = [](const scenario::ScenarioDef& s) {
    return keysOf(s.office.floors, [](const auto& f) { return f.id; });
  };
  if (a.office.name != b.office.name || floors(a) != floors(b)) {
    reasons.push_back("the offices differ (A: '" + a.office.name + "', floors " + listText(floors(a)) + "; B: '" +
                      b.office.name + "', floors " + listText(floors(b)) + ")");
  }
  const auto people = [](const scenario::ScenarioDef& s) {
    return keysOf(s.employees, [](const auto& e) { return e.id; });
  };
  if (people(a) != people(b)) {
    reasons.push_back("the people differ (A: " + listText(people(a)) + "; B: " + listText(people(b)) + ")");
  }
  const auto incidents = [](const scenario::ScenarioDef& s) {
    return keysOf(s.incidents, [](const auto& i) { return i.id + " (" + incident::kIncidentKindNames[static_cast<std::size_t>(i.kind)] + ")"; });
  };
  if (incidents(a) != incidents(b)) {
    reasons.push_back("the planned incidents differ (A: " + listText(incidents(a)) + "; B: " + listText(incidents(b)) +
                      ")");
  }
  if (a.horizonS != b.horizonS || a.dayStartS != b.dayStartS || a.dayEndS != b.dayEndS) {
    reasons.push_back("the horizon or the day window differs");
  }
  return reasons;
}

bool sameScoringWeights(const scenario::ScenarioDef& a, const scenario::ScenarioDef& b) {
  const scoring::ScoreWeights &x = a.scoring.weights, &y = b.scoring.weights;
  return x.base == y.base && x.perHourToDetect == y.perHourToDetect && x.perHourToContain == y.perHourToContain &&
         x.perHourToRecover == y.perHourToRecover && x.perRecordExfiltrated == y.perRecordExfiltrated &&
         x.perItemLost == y.perItemLost && x.perDowntimeHour == y.perDowntimeHour &&
         x.perDeadlineMet == y.perDeadlineMet && x.perDeadlineMissed == y.perDeadlineMissed &&
         x.perStepSkipped == y.perStepSkipped && x.perStepOutOfOrder == y.perStepOutOfOrder &&
         x.perUncontained == y.perUncontained;
}

}  // namespace irdrill::montecarlo
