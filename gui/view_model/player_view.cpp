#include "gui/view_model/player_view.hpp"

#include <algorithm>

namespace irdrill::gui::view_model {
namespace {

bool isDetected(const exercise::IncidentView& x) { return x.detectedUs.has_value(); }

const exercise::IncidentView* findIncident(const std::vector<exercise::IncidentView>& incidents,
                                           const std::string& id) {
  for (const auto& x : incidents) {
    if (x.id == id) return &x;
  }
  return nullptr;
}

}  // namespace

std::vector<exercise::IncidentView> visibleIncidents(const std::vector<exercise::IncidentView>& incidents,
                                                     ViewMode view) {
  if (view == ViewMode::Facilitator) return incidents;
  std::vector<exercise::IncidentView> out;
  for (const auto& x : incidents) {
    if (!isDetected(x)) continue;
    exercise::IncidentView seen = x;
    seen.attackerStage.clear();
    seen.startUs = *x.detectedUs;
    if (!x.leakConfirmed) {
      seen.leaked = false;
      seen.recordsExfiltrated = 0;
    }
    out.push_back(std::move(seen));
  }
  return out;
}

bool isTruthOnlyKind(exercise::ExerciseEventKind kind) {
  using K = exercise::ExerciseEventKind;
  switch (kind) {
    // Nobody noticed these when they happened: the owner left the item without knowing,
    // swiped the alert away, or the day closed its books on an item nobody looked for.
    case K::ItemLeftBehind:
    case K::Separated:
    case K::AlertIgnored:
    case K::ItemLost:
    // The attacker's, the insider's and the thief's moves.
    case K::IncidentStarted:
    case K::StageReached:
    case K::ObjectiveReached:
    case K::ExfiltrationStarted:
    case K::ExfiltrationStopped:
    case K::RecordsLeaked:
    case K::AttackerCutOff:
    case K::IntruderBack:
    case K::CopyingStarted:
    case K::CopyingDone:
    case K::WalkedOut:
    case K::InsiderStopped:
    case K::ItemTaken:
    case K::DeviceAccessed:
    case K::CredentialsMisused:
    case K::ContainmentLost:
    // The facilitator's console: the MSEL is not shown to players.
    case K::Inject:
    case K::InjectSkipped:
    // Explanations written from the truth: why an alert was missed, what became of a
    // planned incident.
    case K::SeparationMissed:
    case K::PlannedIncidentHappened:
    case K::PlannedIncidentAverted:
    case K::PlannedIncidentNotTriggered:
      return true;
    default:
      return false;
  }
}

TeamKnowledge teamKnowledge(const std::vector<exercise::IncidentView>& incidents, core::TimeUs nowUs) {
  TeamKnowledge knowledge;
  knowledge.nowUs = nowUs;
  for (const auto& x : incidents) {
    if (isDetected(x)) knowledge.detectedAt.emplace_back(x.id, *x.detectedUs);
  }
  return knowledge;
}

bool eventVisibleToPlayers(const exercise::ExerciseEvent& event, const TeamKnowledge& knowledge) {
  if (event.timeUs > knowledge.nowUs || isTruthOnlyKind(event.kind)) return false;
  if (event.incident.empty()) return true;
  for (const auto& [id, detectedUs] : knowledge.detectedAt) {
    if (id == event.incident) return event.timeUs >= detectedUs;
  }
  return false;  // an incident the team has not detected
}

std::vector<std::size_t> visibleEvents(const std::vector<exercise::ExerciseEvent>& events,
                                       const std::vector<exercise::IncidentView>& incidents,
                                       core::TimeUs nowUs, ViewMode view) {
  std::vector<std::size_t> out;
  out.reserve(events.size());
  const TeamKnowledge knowledge = teamKnowledge(incidents, nowUs);
  for (std::size_t i = 0; i < events.size(); ++i) {
    if (view == ViewMode::Facilitator ? events[i].timeUs <= nowUs : eventVisibleToPlayers(events[i], knowledge)) {
      out.push_back(i);
    }
  }
  return out;
}

std::vector<exercise::ArrivalView> visibleArrivals(const std::vector<exercise::ArrivalView>& arrivals,
                                                   const std::vector<exercise::IncidentView>& incidents,
                                                   ViewMode view) {
  if (view == ViewMode::Facilitator) return arrivals;
  std::vector<exercise::ArrivalView> out;
  for (const auto& a : arrivals) {
    if (a.status != exercise::ArrivalView::Status::Fired || a.incident.empty()) continue;
    const exercise::IncidentView* x = findIncident(incidents, a.incident);
    if (x && isDetected(*x)) out.push_back(a);
  }
  return out;
}

std::vector<LedgerRow> visibleLedger(const std::vector<LedgerRow>& rows,
                                     const std::vector<exercise::IncidentView>& incidents, ViewMode view) {
  if (view == ViewMode::Facilitator) return rows;
  std::vector<LedgerRow> out;
  for (const auto& row : rows) {
    if (!row.incident.empty()) {
      const exercise::IncidentView* x = findIncident(incidents, row.incident);
      if (!x || !isDetected(*x)) continue;
      if (row.term == "records_exfiltrated" && !x->leakConfirmed) continue;
    }
    out.push_back(row);
  }
  return out;
}

std::set<std::string> knownMissingItems(const std::vector<exercise::IncidentView>& incidents) {
  std::set<std::string> items;
  for (const auto& x : incidents) {
    if (isDetected(x) && !x.item.empty()) items.insert(x.item);
  }
  return items;
}

}  // namespace irdrill::gui::view_model
