// What became of each planned incident (an entry of the scenario's incidents: list): it
// happened, was averted, or was never triggered, with a reason code and a line for people;
// each settlement is logged (planned_incident_happened / _averted / _not_triggered) when it
// is known. docs/incident-model.md, "Planned incidents", lists the reasons.
//
// Planned losses (lost_item, theft) are set off when their person leaves the item at a
// place of the named kind (lost_items.cpp, OfficeDay::planLeaveBehind); attacks (cyber
// intrusion, insider) when their arrival fires.
#include <algorithm>

#include "sim/exercise/exercise_impl.hpp"

namespace irdrill::exercise {
namespace {

using Status = PlannedIncidentView::Status;

bool isLoss(const incident::IncidentSourceDef& source) {
  return source.kind == incident::IncidentKind::LostItem || source.kind == incident::IncidentKind::Theft;
}

}  // namespace

void Exercise::Impl::watchPlannedIncidents() {
  bool anyLossPending = false;
  for (const incident::IncidentSourceDef& source : scenario.incidents) {
    planned.push_back({});
    Planned& p = planned.back();
    p.source = &source;
    if (isLoss(source)) {
      auto [item, places] = plannedLossTarget(source);
      p.item = item;
      p.places = std::move(places);
      if (!day) {
        settlePlanned(p, Status::NotTriggered, "no_office_day", "the scenario has no office day to lose it in", "");
      } else if (item < 0) {
        settlePlanned(p, Status::NotTriggered, "no_such_item", source.loss.person + " has no item " + source.loss.item, "");
      } else if (p.places.empty()) {
        settlePlanned(p, Status::NotTriggered, "no_such_place",
                      "the office has no place of kind " + source.loss.placeKind, "");
      } else {
        anyLossPending = true;
      }
      continue;
    }
    const bool arrives = std::any_of(arrivals.begin(), arrivals.end(),
                                     [&](const Arrival& a) { return a.source == &source; });
    if (arrives) continue;
    if (source.arrival == incident::ArrivalKind::Scheduled) {
      settlePlanned(p, Status::NotTriggered, "after_horizon", "scheduled at or after the end of the run", "");
    } else {
      settlePlanned(p, Status::NotTriggered, "no_arrival_drawn", "no arrival drawn within the run (Poisson)", "");
    }
  }
  // Losses not set off by the end of the day never will be: settled then (before the
  // day's item_lost events of that time, which settle the others).
  if (anyLossPending && day->dayEndUs() < endUs) {
    kernel.scheduleAt(day->dayEndUs(), [this] { closePlannedLosses(); });
  }
}

void Exercise::Impl::settlePlanned(Planned& p, Status status, std::string reason, std::string detail,
                                   const std::string& incidentId) {
  static constexpr Kind kKinds[] = {Kind::PlannedIncidentHappened, Kind::PlannedIncidentHappened,
                                    Kind::PlannedIncidentAverted, Kind::PlannedIncidentNotTriggered};
  p.status = status;
  p.reason = reason;
  p.detail = detail;
  if (!incidentId.empty()) p.incidents.push_back(incidentId);
  logWhy(kernel.now(), kKinds[static_cast<int>(status)], incidentId, "", p.source->id, std::move(detail),
         std::move(reason));
}

void Exercise::Impl::onPlannedArrival(const Arrival& arrival) {
  for (Planned& p : planned) {
    if (p.source != arrival.source) continue;
    // A Poisson source may start several: each is logged, the status is "happened" once.
    settlePlanned(p, Status::Happened, "arrived", "arrival " + arrival.id, arrival.incident);
    return;
  }
}

void Exercise::Impl::onPlannedItemLeft(int item, int place) {
  for (Planned& p : planned) {
    if (p.item != item || p.status != Status::Pending || p.triggered) continue;
    if (std::find(p.places.begin(), p.places.end(), place) != p.places.end()) {
      p.triggered = true;
    } else {
      // The day's plan is used up by the first time the item is left, wherever.
      const std::string where = place >= 0 ? day->placeNames()[static_cast<std::size_t>(place)] : "somewhere";
      settlePlanned(p, Status::NotTriggered, "left_elsewhere_first",
                    "left behind by chance at " + where + " before any " + p.source->loss.placeKind, "");
    }
  }
}

void Exercise::Impl::onPlannedItemRecovered(int item) {
  for (Planned& p : planned) {
    if (p.item != item || p.status != Status::Pending || !p.triggered) continue;
    const SeparationWatch& watch = separationWatch[static_cast<std::size_t>(item)];
    const bool alerted = watch.alerts > watch.ignored;
    settlePlanned(p, Status::Averted, alerted ? "owner_went_back_after_alert" : "owner_went_back",
                  p.source->loss.person + " went back for it " + (alerted ? "after an alert" : "unprompted") +
                      " before it became an incident",
                  "");
  }
}

void Exercise::Impl::onPlannedItemIncident(int item, const Incident& x) {
  for (Planned& p : planned) {
    if (p.item != item || p.status != Status::Pending || !p.triggered) continue;
    settlePlanned(p, Status::Happened, x.kind == incident::IncidentKind::Theft ? "taken" : "not_recovered",
                  x.summary, x.id);
  }
}

void Exercise::Impl::closePlannedLosses() {
  for (Planned& p : planned) {
    if (p.status != Status::Pending || p.triggered || p.item < 0) continue;
    settlePlanned(p, Status::NotTriggered, "never_left_such_place",
                  p.source->loss.person + " left no " + p.source->loss.placeKind + " that day", "");
  }
}

std::vector<PlannedIncidentView> Exercise::plannedIncidents() const {
  std::vector<PlannedIncidentView> out;
  for (const auto& p : impl_->planned) {
    out.push_back({p.source->id, p.source->kind, p.status, p.reason, p.detail, p.incidents});
  }
  return out;
}

}  // namespace irdrill::exercise
