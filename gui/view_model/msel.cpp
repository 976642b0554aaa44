#include "gui/view_model/msel.hpp"

#include "gui/view_model/time_text.hpp"

namespace irdrill::gui::view_model {
namespace {

const incident::IncidentSourceDef* findSource(const scenario::ScenarioDef& scenario, const std::string& id) {
  for (const auto& source : scenario.incidents) {
    if (source.id == id) return &source;
  }
  return nullptr;
}

session::SessionEntry injectEntry(exercise::InjectOrder order, const std::string& seat,
                                  const std::string& rationale) {
  session::SessionEntry entry;
  entry.kind = session::SessionEntry::Kind::Inject;
  order.seat = seat;
  order.rationale = rationale;
  entry.inject = std::move(order);
  return entry;
}

}  // namespace

const char* arrivalStatusName(exercise::ArrivalView::Status status) {
  switch (status) {
    case exercise::ArrivalView::Status::Pending: return "pending";
    case exercise::ArrivalView::Status::Fired: return "fired";
    case exercise::ArrivalView::Status::Skipped: return "skipped";
  }
  return "?";
}

std::vector<MselRow> mselRows(const std::vector<exercise::ArrivalView>& arrivals,
                              const scenario::ScenarioDef& scenario) {
  std::vector<MselRow> rows;
  rows.reserve(arrivals.size());
  for (const auto& a : arrivals) {
    MselRow row;
    row.arrival = a.id;
    row.source = a.source;
    row.atUs = a.atUs;
    row.time = clockText(a.atUs);
    row.what = a.what;
    row.target = "team";
    if (const incident::IncidentSourceDef* source = findSource(scenario, a.source)) {
      if (!source->loss.person.empty()) row.target = source->loss.person;
      else if (!source->insider.person.empty()) row.target = source->insider.person;
    }
    row.procedure = a.procedure.empty() ? "(none)" : a.procedure;
    row.status = a.status;
    row.statusText = arrivalStatusName(a.status);
    if (!a.incident.empty()) row.statusText += " -> " + a.incident;
    row.injected = a.injected;
    row.incident = a.incident;
    rows.push_back(std::move(row));
  }
  return rows;
}

session::SessionEntry fireEntry(const std::string& source, const std::string& target, const std::string& seat,
                                const std::string& rationale) {
  exercise::InjectOrder order;
  order.action = exercise::InjectAction::Fire;
  order.source = source;
  order.target = target;
  return injectEntry(std::move(order), seat, rationale);
}

session::SessionEntry scheduleEntry(const std::string& source, const std::string& target, core::TimeUs atUs,
                                    const std::string& seat, const std::string& rationale) {
  exercise::InjectOrder order;
  order.action = exercise::InjectAction::Schedule;
  order.source = source;
  order.target = target;
  order.atUs = atUs;
  return injectEntry(std::move(order), seat, rationale);
}

session::SessionEntry skipArrivalEntry(const std::string& arrival, const std::string& seat,
                                       const std::string& rationale) {
  exercise::InjectOrder order;
  order.action = exercise::InjectAction::Skip;
  order.arrival = arrival;
  return injectEntry(std::move(order), seat, rationale);
}

std::vector<session::SessionEntry> fireArrivalNowEntries(const MselRow& row, const std::string& seat) {
  return {fireEntry(row.source, "", seat, "fired ahead of its time (" + row.arrival + ")"),
          skipArrivalEntry(row.arrival, seat, "fired ahead of its time")};
}

std::vector<std::string> injectTargets(const scenario::ScenarioDef& scenario) {
  std::vector<std::string> ids;
  ids.reserve(scenario.employees.size());
  for (const auto& employee : scenario.employees) ids.push_back(employee.id);
  return ids;
}

}  // namespace irdrill::gui::view_model
