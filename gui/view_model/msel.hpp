// The master scenario events list (HSEEP MSEL) as the play tab shows it: every arrival in
// time order with what it is, whom it targets, the procedure the team is expected to run
// and its status; and the session entries its buttons and the inject form make.
#pragma once

#include <string>
#include <vector>

#include "sim/exercise/exercise.hpp"
#include "sim/session/session.hpp"

namespace irdrill::gui::view_model {

// "pending", "fired", "skipped".
const char* arrivalStatusName(exercise::ArrivalView::Status status);

struct MselRow {
  std::string arrival;  // ArrivalView::id
  std::string source;   // the scenario source or template
  core::TimeUs atUs = 0;
  std::string time;     // clock text
  std::string what;
  std::string target;   // the person involved, from the scenario's source; "team" otherwise
  std::string procedure;  // expected procedure, "(none)" when the kind has none
  exercise::ArrivalView::Status status = exercise::ArrivalView::Status::Pending;
  std::string statusText;  // arrivalStatusName, plus " -> <incident>" once it created one
  bool injected = false;
  std::string incident;
};

// In the order Exercise::arrivals gives (time order; equal times keep creation order).
// The target of an injected arrival comes from the session `log`: the library numbers
// injects in the order they were applied ("<source>@<n>" is the n-th fire or schedule).
std::vector<MselRow> mselRows(const std::vector<exercise::ArrivalView>& arrivals,
                              const scenario::ScenarioDef& scenario,
                              const std::vector<session::SessionEntry>& log = {});

// Entries of the facilitator's console. seat and rationale go into the inject order.
session::SessionEntry fireEntry(const std::string& source, const std::string& target, const std::string& seat,
                                const std::string& rationale);
session::SessionEntry scheduleEntry(const std::string& source, const std::string& target, core::TimeUs atUs,
                                    const std::string& seat, const std::string& rationale);
session::SessionEntry skipArrivalEntry(const std::string& arrival, const std::string& seat,
                                       const std::string& rationale);
// "Fire now" on a pending arrival of the scenario: its source starts now, and the
// arrival itself is skipped so it does not happen a second time later.
std::vector<session::SessionEntry> fireArrivalNowEntries(const MselRow& row, const std::string& seat);

// The person ids the inject form offers as targets of lost-item and theft templates.
std::vector<std::string> injectTargets(const scenario::ScenarioDef& scenario);

}  // namespace irdrill::gui::view_model
