// What callers read of a running exercise: incidents, procedure steps, the arrivals of
// the master scenario events list, the next pending event. Views are copies made on
// request (the GUI builds them once a frame), never references into the model.
#include <algorithm>

#include "sim/exercise/exercise_impl.hpp"

namespace irdrill::exercise {

std::vector<IncidentView> Exercise::incidents() const {
  const Impl& m = *impl_;
  const TimeUs nowUs = m.kernel.now();
  std::vector<IncidentView> views;
  for (const auto& x : m.incidents) {
    IncidentView v;
    v.id = x->id;
    v.kind = x->kind;
    v.summary = x->summary;
    v.procedure = x->procedure ? x->procedure->id : std::string();
    v.startUs = x->startUs;
    v.detectedUs = x->detected.timeUs;
    v.engagedUs = x->teamEngaged.timeUs;
    v.containedUs = x->contained.timeUs;
    v.recoveredUs = x->recovered.timeUs;
    v.detectedBy = x->detectedBy;
    v.recordsExfiltrated = m.recordsSoFar(*x, nowUs);
    v.leaked = x->leaked || v.recordsExfiltrated > 0;
    v.leakConfirmed = x->leakConfirmedUs.has_value();
    if (x->stage >= 0) v.attackerStage = incident::kStageNames[static_cast<std::size_t>(x->stage)];
    if (x->item >= 0) v.item = m.itemIds[static_cast<std::size_t>(x->item)];
    v.arrival = x->arrival;
    v.stepsTotal = x->procedure ? static_cast<int>(x->procedure->steps.size()) : 0;
    v.stepsDone = x->run ? x->run->adherence().stepsDone : 0;
    v.state = x->recovered.timeUs ? "recovered"
              : x->contained.timeUs ? "contained"
              : x->teamEngaged.timeUs ? "responding"
              : x->detected.timeUs ? "detected"
                                   : "undetected";
    // Deadlines whose clock has started, open ones included (outcomeOf leaves those out).
    const scoring::IncidentOutcome o = m.outcomeOf(*x, m.endUs);
    for (const auto& d : o.deadlines) v.deadlines.push_back({d.id, d.dueUs, d.doneUs, d.met});
    views.push_back(std::move(v));
  }
  return views;
}

std::vector<StepView> Exercise::procedureSteps(std::string_view incidentId) const {
  std::vector<StepView> out;
  const Incident* x = impl_->findIncident(std::string(incidentId));
  if (!x || !x->run) return out;
  const response::ProcedureRun& run = *x->run;
  for (int i = 0; i < run.stepCount(); ++i) {
    const response::StepDef& def = run.procedure().steps[static_cast<std::size_t>(i)];
    const response::StepStatus& s = run.step(i);
    StepView v;
    v.id = def.id;
    v.title = def.title;
    v.role = def.role;
    v.state = s.state;
    v.responder = s.responder >= 0 ? s.responder + 1 : -1;
    v.readyUs = s.readyUs;
    v.startUs = s.startUs;
    v.finishUs = s.finishUs;
    v.queueWaitUs = s.startUs >= 0 && s.readyUs >= 0 ? s.startUs - s.readyUs : -1;
    v.byDecision = s.byDecision;
    out.push_back(std::move(v));
  }
  return out;
}

std::vector<ArrivalView> Exercise::arrivals() const {
  const Impl& m = *impl_;
  std::vector<ArrivalView> out;
  for (const auto& a : m.arrivals) {
    ArrivalView v;
    v.id = a.id;
    v.source = a.source->id;
    v.kind = a.source->kind;
    v.atUs = a.atUs;
    v.injected = a.injected;
    v.status = a.status;
    v.incident = a.incident;
    const std::string& procedureId = !a.source->procedure.empty()
                                         ? a.source->procedure
                                         : m.scenario.procedureForKind[static_cast<std::size_t>(a.source->kind)];
    v.procedure = procedureId;
    v.what = sourceSummary(*a.source);
    out.push_back(std::move(v));
  }
  std::stable_sort(out.begin(), out.end(), [](const ArrivalView& a, const ArrivalView& b) { return a.atUs < b.atUs; });
  return out;
}

TimeUs Exercise::nextEventUs() const {
  // The exercise kernel's next event (incidents, attackers, detection, the team). The
  // office day's radio events are not counted: they are millions and rarely logged.
  // nextEventTimeUs only drops cancelled entries from the heap top: logically const.
  const TimeUs next = const_cast<core::EventKernel&>(impl_->kernel).nextEventTimeUs();
  return std::min(next, impl_->endUs);
}

const scenario::ScenarioDef& Exercise::scenario() const { return impl_->scenario; }

}  // namespace irdrill::exercise
