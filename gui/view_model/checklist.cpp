#include "gui/view_model/checklist.hpp"

#include "gui/view_model/time_text.hpp"

namespace irdrill::gui::view_model {

const char* stepStateName(response::StepState state) {
  switch (state) {
    case response::StepState::Waiting: return "waiting";
    case response::StepState::Queued: return "queued";
    case response::StepState::Started: return "in progress";
    case response::StepState::Finished: return "done";
    case response::StepState::Skipped: return "skipped";
    case response::StepState::Cancelled: return "not done";
  }
  return "?";
}

const char* stepMarkName(session::StepMark mark) {
  switch (mark) {
    case session::StepMark::NotObserved: return "not observed";
    case session::StepMark::Met: return "met";
    case session::StepMark::Partly: return "partly";
    case session::StepMark::NotMet: return "not met";
  }
  return "?";
}

std::vector<ChecklistRow> checklistRows(const exercise::Exercise& exercise, const std::string& incident,
                                        const MarkLookup& markOf) {
  std::vector<ChecklistRow> rows;
  const core::TimeUs nowUs = exercise.now();
  for (const exercise::StepView& step : exercise.procedureSteps(incident)) {
    ChecklistRow row;
    row.stepId = step.id;
    row.title = step.title;
    row.role = step.role;
    row.state = step.state;
    row.stateText = stepStateName(step.state);
    if (step.byDecision) row.stateText += " (decision)";
    row.responder = step.responder >= 1 ? step.role + " #" + std::to_string(step.responder) : "-";
    if (step.queueWaitUs >= 0) {
      row.wait = spanText(step.queueWaitUs);
    } else if (step.state == response::StepState::Queued && step.readyUs >= 0) {
      row.wait = spanText(nowUs - step.readyUs) + " so far";
    } else {
      row.wait = "-";
    }
    if (step.startUs >= 0) row.started = clockText(step.startUs);
    if (step.finishUs >= 0) row.finished = clockText(step.finishUs);
    if (markOf) {
      if (const auto mark = markOf(incident, step.id)) {
        row.mark = mark->mark;
        row.markNote = mark->note;
      }
    }
    exercise::Decision decision;
    decision.incident = incident;
    decision.step = step.id;
    decision.kind = exercise::DecisionKind::OrderStep;
    row.orderCheck = exercise.check(decision);
    decision.kind = exercise::DecisionKind::SkipStep;
    row.skipCheck = exercise.check(decision);
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace irdrill::gui::view_model
