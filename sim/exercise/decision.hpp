// What the players and the facilitator can do to a running exercise, as data: a decision
// by the response team, or an inject by the facilitator. Both are checked before they
// apply (a decision that cannot apply says why) and, once applied, logged as an event with
// who decided and why. The GUI, `irdrill replay` and the Monte Carlo runner all apply them
// through Exercise::decide / Exercise::injectOrder, so a session replays exactly.
//
// The effect of each kind is documented in docs/decisions.md.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "sim/core/time.hpp"

namespace irdrill::exercise {

enum class DecisionKind {
  OrderStep,        // the team does `step` of `incident`'s procedure now, whatever its `after` steps and conditions
  SkipStep,         // `step` will not be done: waiting or queued, it becomes skipped (releasing what follows it)
  SwitchProcedure,  // `incident` continues under `procedure` (a variant): steps done so far carry over by id
  CallOnCall,       // call `role`'s on-call responders in now, as if tasks were waiting outside hours
  ReactToAlert,     // the support desk acts on the tag alert about `item`: the loss is reported now
  DismissAlert,     // the tag alert about `item` is judged false: tags no longer tell the desk about it
  MarkReportSent,   // the report that meets `deadline` of `incident` is sent now
};
inline constexpr const char* kDecisionKindNames[] = {
    "order_step", "skip_step", "switch_procedure", "call_on_call",
    "react_to_alert", "dismiss_alert", "mark_report_sent"};
inline constexpr int kDecisionKindCount = 7;

inline std::optional<DecisionKind> decisionKindNamed(std::string_view name) {
  for (int i = 0; i < kDecisionKindCount; ++i) {
    if (name == kDecisionKindNames[i]) return static_cast<DecisionKind>(i);
  }
  return std::nullopt;
}

// One decision. Only the fields its kind names are read; the others stay empty.
struct Decision {
  DecisionKind kind = DecisionKind::OrderStep;
  std::string incident;   // OrderStep, SkipStep, SwitchProcedure, MarkReportSent
  std::string step;       // OrderStep, SkipStep: a step id of the incident's procedure
  std::string procedure;  // SwitchProcedure: a procedure id of the scenario
  std::string role;       // CallOnCall: a role id of the team
  std::string item;       // ReactToAlert, DismissAlert: "<employee>/<item>"
  std::string deadline;   // MarkReportSent: a deadline id of the scenario's scoring
  std::string seat;       // who decided: a seat or role name ("IT lead"), free text
  std::string rationale;  // why, free text (any language, UTF-8)
};

enum class InjectAction {
  Fire,      // start the incident of `source` now
  Schedule,  // start it at `atUs` (>= now)
  Skip,      // a pending arrival (`arrival` id) of the scenario will not happen
};
inline constexpr const char* kInjectActionNames[] = {"fire", "schedule", "skip"};

// One inject by the facilitator. `source` names an incident source of the scenario or a
// template of the inject catalogue (Exercise::injectCatalogue); `target`, for a lost-item
// or theft template, names the person whose item it is ("" lets the library pick).
struct InjectOrder {
  InjectAction action = InjectAction::Fire;
  std::string source;
  std::string target;
  std::string arrival;     // Skip: the arrival id (ArrivalView::id)
  core::TimeUs atUs = 0;   // Schedule
  std::string seat;
  std::string rationale;
};

// What became of a decision or an inject.
struct DecisionResult {
  bool applied = false;
  std::string reason;          // why not, for people (set when !applied)
  std::uint64_t eventSeq = 0;  // the "decision" / "inject" event logged when applied
  std::string createdId;       // Fire / Schedule: the arrival id of the new incident
  explicit operator bool() const { return applied; }
};

}  // namespace irdrill::exercise
