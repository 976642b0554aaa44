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

// The target of the n-th applied fire / schedule of the log, "" if none.
std::string injectTarget(const std::vector<session::SessionEntry>& log, const std::string& arrivalId) {
  const std::size_t at = arrivalId.rfind('@');
  if (at == std::string::npos) return {};
  int wanted = 0;
  for (std::size_t i = at + 1; i < arrivalId.size(); ++i) {
    if (arrivalId[i] < '0' || arrivalId[i] > '9' || wanted > 1'000'000) return {};
    wanted = wanted * 10 + (arrivalId[i] - '0');
  }
  int n = 0;
  for (const session::SessionEntry& entry : log) {
    if (entry.kind != session::SessionEntry::Kind::Inject || entry.inject.action == exercise::InjectAction::Skip) {
      continue;
    }
    if (++n == wanted) return entry.inject.target;
  }
  return {};
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
                              const scenario::ScenarioDef& scenario,
                              const std::vector<session::SessionEntry>& log) {
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
    if (a.injected) {
      if (std::string target = injectTarget(log, a.id); !target.empty()) row.target = std::move(target);
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
