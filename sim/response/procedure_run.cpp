// One procedure played for one incident (see procedure_run.hpp).
#include "sim/response/procedure_run.hpp"

#include <deque>
#include <stdexcept>
#include <utility>

#include "sim/core/distribution.hpp"

namespace irdrill::response {
namespace {

// Index of the first step with this id, -1 if none. Procedures are a few dozen steps at
// most: a linear search is simpler than a map and keeps no extra state.
int findStep(const ProcedureDef& procedure, std::string_view id) {
  for (std::size_t i = 0; i < procedure.steps.size(); ++i) {
    if (procedure.steps[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

// ancestors[i][j]: reference step j must be finished before step i may start, directly
// or through other steps. Unknown `after` ids are ignored; a cycle does not loop.
std::vector<std::vector<bool>> referenceAncestors(const ProcedureDef& reference) {
  const std::size_t n = reference.steps.size();
  std::vector<std::vector<int>> parents(n);
  for (std::size_t i = 0; i < n; ++i) {
    for (const std::string& id : reference.steps[i].after) {
      const int parent = findStep(reference, id);
      if (parent >= 0) parents[i].push_back(parent);
    }
  }
  std::vector<std::vector<bool>> ancestors(n, std::vector<bool>(n, false));
  for (std::size_t i = 0; i < n; ++i) {
    std::vector<int> stack(parents[i].begin(), parents[i].end());
    while (!stack.empty()) {
      const int j = stack.back();
      stack.pop_back();
      if (ancestors[i][static_cast<std::size_t>(j)]) continue;
      ancestors[i][static_cast<std::size_t>(j)] = true;
      for (int p : parents[static_cast<std::size_t>(j)]) stack.push_back(p);
    }
  }
  return ancestors;
}

}  // namespace

ProcedureRun::ProcedureRun(const ProcedureDef& procedure, const ProcedureDef& reference,
                           ResponseTeam& team, core::RandomEngine durationRng, Hooks hooks)
    : procedure_(procedure),
      reference_(reference),
      team_(team),
      durationRng_(std::move(durationRng)),
      hooks_(std::move(hooks)) {
  const std::size_t n = procedure.steps.size();
  roleOfStep_.resize(n);
  dependants_.resize(n);
  unfinishedAfter_.assign(n, 0);
  steps_.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const StepDef& step = procedure.steps[i];
    roleOfStep_[i] = team.roleIndex(step.role);
    if (roleOfStep_[i] < 0) {
      throw std::invalid_argument("procedure '" + procedure.id + "': step '" + step.id +
                                  "' names unknown role '" + step.role + "'");
    }
    for (const std::string& id : step.after) {
      const int parent = findStep(procedure, id);
      if (parent < 0) {
        throw std::invalid_argument("procedure '" + procedure.id + "': step '" + step.id +
                                    "' comes after unknown step '" + id + "'");
      }
      // One entry per `after` entry, so a repeated entry is counted down as often.
      dependants_[static_cast<std::size_t>(parent)].push_back(static_cast<int>(i));
      ++unfinishedAfter_[i];
    }
  }
}

ProcedureRun::~ProcedureRun() {
  // The team's tasks hold callbacks into this object.
  for (const StepStatus& s : steps_) {
    if (s.task != kNoTask && (s.state == StepState::Queued || s.state == StepState::Started)) {
      team_.detach(s.task);
    }
  }
}

int ProcedureRun::stepIndex(std::string_view id) const { return findStep(procedure_, id); }

bool ProcedureRun::finished() const {
  for (const StepStatus& s : steps_) {
    if (s.state != StepState::Finished && s.state != StepState::Skipped) return false;
  }
  return true;
}

bool ProcedureRun::idle() const {
  if (!started_) return false;
  // Readiness is worked out at once when a step is done, so with nothing queued or in
  // progress nothing can happen any more.
  for (const StepStatus& s : steps_) {
    if (s.state == StepState::Queued || s.state == StepState::Started) return false;
  }
  return true;
}

void ProcedureRun::start(core::TimeUs nowUs) {
  if (started_) throw std::logic_error("ProcedureRun::start called twice");
  started_ = true;
  std::vector<int> ready;
  for (std::size_t i = 0; i < steps_.size(); ++i) {
    if (unfinishedAfter_[i] == 0) ready.push_back(static_cast<int>(i));
  }
  advance(std::move(ready), nowUs);
}

void ProcedureRun::abandon() {
  abandoned_ = true;
  for (StepStatus& s : steps_) {
    if (s.state != StepState::Queued) continue;
    // A step whose Queued event is being reported has no task yet; makeReady sees the
    // state change and does not submit it.
    if (s.task != kNoTask) team_.cancel(s.task);
    s.state = StepState::Cancelled;
  }
}

bool ProcedureRun::order(int step, core::TimeUs nowUs) {
  if (step < 0 || step >= stepCount() || !started_ || abandoned_) return false;
  StepStatus& status = steps_[static_cast<std::size_t>(step)];
  if (status.state != StepState::Waiting) return false;
  status.byDecision = true;
  submitStep(step, nowUs);
  return true;
}

bool ProcedureRun::skip(int step, core::TimeUs nowUs) {
  if (step < 0 || step >= stepCount() || !started_ || abandoned_) return false;
  const auto index = static_cast<std::size_t>(step);
  StepStatus& status = steps_[index];
  if (status.state == StepState::Queued) {
    if (status.task != kNoTask && !team_.cancel(status.task)) return false;
  } else if (status.state != StepState::Waiting) {
    return false;
  }
  status.state = StepState::Skipped;
  status.byDecision = true;
  if (status.readyUs < 0) status.readyUs = nowUs;
  status.finishUs = nowUs;
  emit(StepEvent::Kind::Skipped, step, nowUs, -1);
  // Done as far as its dependants are concerned; its own `after` steps finishing later
  // find it no longer waiting.
  std::vector<int> ready;
  for (int d : dependants_[index]) {
    if (--unfinishedAfter_[static_cast<std::size_t>(d)] == 0) ready.push_back(d);
  }
  advance(std::move(ready), nowUs);
  return true;
}

void ProcedureRun::carryOver(int step, core::TimeUs finishUs) {
  if (started_) throw std::logic_error("ProcedureRun::carryOver after start");
  const auto index = static_cast<std::size_t>(step);
  StepStatus& status = steps_.at(index);
  if (status.state != StepState::Waiting) return;
  status.state = StepState::Finished;
  status.byDecision = true;
  status.readyUs = status.startUs = status.finishUs = finishUs;
  for (int d : dependants_[index]) --unfinishedAfter_[static_cast<std::size_t>(d)];
}

bool ProcedureRun::conditionsHold(const StepDef& step) const {
  for (const ConditionTerm& term : step.when) {
    const bool known = hooks_.fact ? hooks_.fact(term.condition) : false;
    if (known == term.negated) return false;
  }
  return true;
}

void ProcedureRun::emit(StepEvent::Kind kind, int step, core::TimeUs timeUs, int responder) {
  if (hooks_.onStepEvent) hooks_.onStepEvent(StepEvent{kind, step, timeUs, responder});
}

void ProcedureRun::advance(std::vector<int> ready, core::TimeUs nowUs) {
  // Breadth first: steps readied together are handled (and queued on the team) in written
  // order, then the steps a skip releases, after them.
  std::deque<int> work(ready.begin(), ready.end());
  while (!work.empty() && !abandoned_) {
    const int i = work.front();
    work.pop_front();
    if (steps_[static_cast<std::size_t>(i)].state != StepState::Waiting) continue;
    if (makeReady(i, nowUs)) continue;
    // Skipped: done as far as its dependants are concerned.
    for (int d : dependants_[static_cast<std::size_t>(i)]) {
      if (--unfinishedAfter_[static_cast<std::size_t>(d)] == 0) work.push_back(d);
    }
  }
}

bool ProcedureRun::makeReady(int step, core::TimeUs nowUs) {
  const auto index = static_cast<std::size_t>(step);
  const StepDef& def = procedure_.steps[index];
  StepStatus& status = steps_[index];  // steps_ never grows: the reference stays valid
  status.readyUs = nowUs;
  if (!conditionsHold(def)) {
    status.state = StepState::Skipped;
    status.finishUs = nowUs;
    emit(StepEvent::Kind::Skipped, step, nowUs, -1);
    return false;
  }
  submitStep(step, nowUs);
  return true;
}

void ProcedureRun::submitStep(int step, core::TimeUs nowUs) {
  const auto index = static_cast<std::size_t>(step);
  StepStatus& status = steps_[index];
  if (status.readyUs < 0) status.readyUs = nowUs;
  // Drawn now, not at construction: the n-th step readied takes the n-th draw, whatever
  // steps were skipped before it.
  status.durationUs = core::sampleUs(procedure_.steps[index].duration, durationRng_);
  status.state = StepState::Queued;
  emit(StepEvent::Kind::Queued, step, nowUs, -1);
  if (status.state != StepState::Queued) return;  // abandoned from the hook
  status.task = team_.submit(
      roleOfStep_[index], status.durationUs,
      [this, step](core::TimeUs startUs, int responder) { onStepStarted(step, startUs, responder); },
      [this, step](core::TimeUs finishUs) { onStepFinished(step, finishUs); });
}

void ProcedureRun::onStepStarted(int step, core::TimeUs startUs, int responder) {
  StepStatus& status = steps_[static_cast<std::size_t>(step)];
  status.state = StepState::Started;
  status.startUs = startUs;
  status.responder = responder;
  emit(StepEvent::Kind::Started, step, startUs, responder);
}

void ProcedureRun::onStepFinished(int step, core::TimeUs finishUs) {
  const auto index = static_cast<std::size_t>(step);
  StepStatus& status = steps_[index];
  status.state = StepState::Finished;
  status.finishUs = finishUs;
  const StepDef& def = procedure_.steps[index];
  // Effects before the Finished event: whoever hears "finished" (or "the procedure is
  // finished") sees the world with the step's effects in it.
  if (hooks_.applyEffect) {
    for (Effect effect : def.effects) hooks_.applyEffect(effect, def, finishUs);
  }
  emit(StepEvent::Kind::Finished, step, finishUs, status.responder);
  if (abandoned_) return;
  std::vector<int> ready;
  for (int d : dependants_[index]) {
    if (--unfinishedAfter_[static_cast<std::size_t>(d)] == 0) ready.push_back(d);
  }
  advance(std::move(ready), finishUs);
}

Adherence ProcedureRun::adherence() const {
  Adherence out;
  for (std::size_t i = 0; i < steps_.size(); ++i) {
    const StepStatus& s = steps_[i];
    const std::string& id = procedure_.steps[i].id;
    if (s.state == StepState::Finished) out.done.push_back({id, s.finishUs, {}, -1});
    if (s.state == StepState::Skipped) out.skipped.push_back({id, s.finishUs, {}, -1});
    if (findStep(reference_, id) < 0) out.addedIds.push_back(id);
  }
  // The state in the run of a reference step, by id; Waiting when the variant removed it.
  const auto runStatus = [&](const std::string& id) -> const StepStatus* {
    const int i = findStep(procedure_, id);
    return i < 0 ? nullptr : &steps_[static_cast<std::size_t>(i)];
  };
  const std::vector<std::vector<bool>> ancestors = referenceAncestors(reference_);
  for (std::size_t r = 0; r < reference_.steps.size(); ++r) {
    const std::string& id = reference_.steps[r].id;
    if (findStep(reference_, id) != static_cast<int>(r)) continue;  // a duplicate id
    const StepStatus* s = runStatus(id);
    if (!s || (s->state != StepState::Finished && s->state != StepState::Skipped)) {
      out.notDone.push_back({id, -1, {}, -1});
    }
  }
  for (std::size_t i = 0; i < steps_.size(); ++i) {
    const StepStatus& s = steps_[i];
    if (s.state != StepState::Finished) continue;
    const int r = findStep(reference_, procedure_.steps[i].id);
    if (r < 0) continue;
    for (std::size_t a = 0; a < reference_.steps.size(); ++a) {
      if (!ancestors[static_cast<std::size_t>(r)][a]) continue;
      const StepStatus* ancestor = runStatus(reference_.steps[a].id);
      if (ancestor && ancestor->state == StepState::Finished && ancestor->finishUs > s.finishUs) {
        out.outOfOrder.push_back(
            {procedure_.steps[i].id, s.finishUs, reference_.steps[a].id, ancestor->finishUs});
        break;
      }
    }
  }
  out.stepsDone = static_cast<int>(out.done.size());
  out.stepsSkippedByCondition = static_cast<int>(out.skipped.size());
  out.stepsNotDone = static_cast<int>(out.notDone.size());
  out.stepsOutOfOrder = static_cast<int>(out.outOfOrder.size());
  return out;
}

}  // namespace irdrill::response
