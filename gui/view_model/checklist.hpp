// The procedure checklist of one incident (HSEEP Exercise Evaluation Guide style): every
// step with its state, role and responder, queue wait, the evaluator's mark, and whether
// the team could order or skip it now (checked by the library, with its reason).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "sim/exercise/exercise.hpp"
#include "sim/session/session.hpp"

namespace irdrill::gui::view_model {

// "waiting", "queued", "in progress", "done", "skipped", "not done" (cancelled: the
// incident closed before the team got to it).
const char* stepStateName(response::StepState state);
// "not observed", "met", "partly", "not met".
const char* stepMarkName(session::StepMark mark);
inline constexpr int kStepMarkCount = 4;

// The latest mark of (incident, step), as LiveSession::markOf gives it.
using MarkLookup =
    std::function<std::optional<session::EvaluatorMark>(const std::string& incident, const std::string& step)>;

struct ChecklistRow {
  std::string stepId;
  std::string title;
  std::string role;
  response::StepState state = response::StepState::Waiting;
  std::string stateText;   // stepStateName, plus " (decision)" when a decision ordered or skipped it
  std::string responder;   // "it_admin #2", "-" before anyone started it
  std::string wait;        // queue wait once started; time waiting so far while queued; "-"
  std::string started;     // clock text, "" before it started
  std::string finished;    // clock text, "" before it finished or was skipped
  std::optional<session::StepMark> mark;
  std::string markNote;
  // Whether an order_step / skip_step decision would apply now, and why not.
  exercise::DecisionResult orderCheck;
  exercise::DecisionResult skipCheck;
};

std::vector<ChecklistRow> checklistRows(const exercise::Exercise& exercise, const std::string& incident,
                                        const MarkLookup& markOf);

}  // namespace irdrill::gui::view_model
