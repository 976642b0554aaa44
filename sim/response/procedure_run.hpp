// One procedure played for one incident: its steps become ready as their `after` steps
// are done, are skipped when their conditions do not hold, and otherwise go to the
// team's queues; finished steps apply their effects through a hook. See
// docs/response-model.md.
//
// Run validateProcedure first: the constructor throws std::invalid_argument for a step
// naming an unknown role or `after` step, and steps in a dependency cycle never become
// ready.
//
// Lifetime: tasks on the team call back into the run. The destructor detaches them
// (queued steps are cancelled, started ones finish silently), so the team must outlive
// the run.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/core/random_streams.hpp"
#include "sim/core/time.hpp"
#include "sim/response/procedure_def.hpp"
#include "sim/response/response_team.hpp"

namespace irdrill::response {

enum class StepState {
  Waiting,    // some `after` step is not done yet (or the run never got to it)
  Queued,     // submitted to the team, not started
  Started,    // a responder is working on it
  Finished,   // done; its effects are applied
  Skipped,    // its conditions did not hold when it became ready (counts as done)
  Cancelled,  // queued when the run was abandoned
};

// What the run tells its owner, in time order. The kinds are numbered for tables of
// names indexed by kind: do not reorder.
struct StepEvent {
  enum class Kind { Queued, Started, Finished, Skipped };
  Kind kind = Kind::Queued;
  int step = -1;  // index into the procedure's steps
  core::TimeUs timeUs = 0;
  int responder = -1;  // 0-based within the step's role, for Started and Finished
};

struct StepStatus {
  StepState state = StepState::Waiting;
  core::TimeUs readyUs = -1;   // when its `after` steps were all done
  core::TimeUs startUs = -1;
  core::TimeUs finishUs = -1;  // finished, or skipped
  core::TimeUs durationUs = -1;  // drawn when it was submitted
  int responder = -1;
  TaskId task = kNoTask;
  bool byDecision = false;  // ordered or skipped by a decision during play, or carried over
};

// One step named in an adherence list.
struct AdherenceStep {
  std::string stepId;
  // Finished: its finish time. Skipped: when it was skipped. Not done: -1.
  core::TimeUs timeUs = -1;
  // Out of order only: the reference ancestor it finished before (the first in the
  // reference's written order), and when that one finished.
  std::string aheadOfId;
  core::TimeUs aheadOfFinishUs = -1;
};

// The run judged against its reference procedure. Steps are matched by id.
struct Adherence {
  int stepsDone = 0;                // steps of the run that finished
  int stepsSkippedByCondition = 0;  // steps of the run skipped because a condition failed
  // Reference steps neither finished nor skipped by condition in the run: removed in the
  // variant, never reached, cancelled by abandon() or still in progress.
  int stepsNotDone = 0;
  // Finished steps that finished before a step that is their ancestor in the reference's
  // `after` graph finished (a variant that isolates before analysing, say). Ancestors
  // that never finished are counted as not done, not here.
  int stepsOutOfOrder = 0;
  std::vector<AdherenceStep> done, skipped, notDone, outOfOrder;  // in written order
  // Steps of the run that the reference does not have (a variant's additions).
  std::vector<std::string> addedIds;
};

class ProcedureRun {
 public:
  struct Hooks {
    // What the team knows now. Missing: every condition is false.
    std::function<bool(Condition)> fact;
    // Called for each effect of a finished step, in the step's order, before the step's
    // Finished event (so the owner sees the effects when it hears of the finish).
    std::function<void(Effect, const StepDef&, core::TimeUs)> applyEffect;
    std::function<void(const StepEvent&)> onStepEvent;
  };

  // `procedure` and `reference` (which may be the same object) and `team` must outlive
  // the run. `durationRng` draws the step durations, one draw sequence per run.
  ProcedureRun(const ProcedureDef& procedure, const ProcedureDef& reference, ResponseTeam& team,
               core::RandomEngine durationRng, Hooks hooks);
  ProcedureRun(const ProcedureRun&) = delete;
  ProcedureRun& operator=(const ProcedureRun&) = delete;
  ~ProcedureRun();

  // Replaces the duration stream: steps queued later draw from `durationRng` (a re-seed
  // "from here", sim/core/random_streams.hpp). Durations already drawn stand.
  void reseed(core::RandomEngine durationRng) { durationRng_ = std::move(durationRng); }

  // Makes the steps with no `after` ready, at `nowUs` (the kernel's current time). Once.
  void start(core::TimeUs nowUs);
  // The incident ended without need of the rest: queued steps are cancelled and no step
  // is submitted any more. Steps already started finish and apply their effects.
  void abandon();

  // --- Decisions during play (sim/exercise/decision.hpp) ---
  // Queues a waiting step now, whatever its `after` steps and conditions: the team lead
  // orders it. Its duration is drawn now. Returns false (and changes nothing) unless the
  // step is waiting and the run started and not abandoned.
  bool order(int step, core::TimeUs nowUs);
  // The step will not be done: a waiting or queued step becomes skipped now and releases
  // the steps after it, as a skip by condition does. False (nothing changes) for a step
  // started, finished, skipped or cancelled.
  bool skip(int step, core::TimeUs nowUs);
  // Before start(): the step was done under an earlier procedure of the same incident
  // (a switch to a variant). It counts as finished at finishUs; its effects are not
  // applied again and no event is emitted.
  void carryOver(int step, core::TimeUs finishUs);

  bool started() const { return started_; }
  bool abandoned() const { return abandoned_; }
  // Every step finished or skipped.
  bool finished() const;
  // Nothing queued or in progress, and nothing more will be submitted: finished,
  // abandoned and drained, or stuck (a cycle).
  bool idle() const;

  const ProcedureDef& procedure() const { return procedure_; }
  int stepCount() const { return static_cast<int>(steps_.size()); }
  int stepIndex(std::string_view id) const;  // -1 if none
  const StepStatus& step(int index) const { return steps_.at(static_cast<std::size_t>(index)); }

  Adherence adherence() const;

 private:
  // Readies `ready` (steps whose `after` steps are all done) in order, and the steps
  // their skips release after them.
  void advance(std::vector<int> ready, core::TimeUs nowUs);
  // Skips the step (returns false) or queues it on the team (returns true).
  bool makeReady(int step, core::TimeUs nowUs);
  // Draws the step's duration and queues it on the team.
  void submitStep(int step, core::TimeUs nowUs);
  void onStepStarted(int step, core::TimeUs startUs, int responder);
  void onStepFinished(int step, core::TimeUs finishUs);
  bool conditionsHold(const StepDef& step) const;
  void emit(StepEvent::Kind kind, int step, core::TimeUs timeUs, int responder);

  const ProcedureDef& procedure_;
  const ProcedureDef& reference_;
  ResponseTeam& team_;
  core::RandomEngine durationRng_;
  Hooks hooks_;
  std::vector<int> roleOfStep_;
  std::vector<std::vector<int>> dependants_;  // step -> steps naming it in `after`
  std::vector<int> unfinishedAfter_;          // per step: `after` steps not yet done
  std::vector<StepStatus> steps_;
  bool started_ = false;
  bool abandoned_ = false;
};

}  // namespace irdrill::response
