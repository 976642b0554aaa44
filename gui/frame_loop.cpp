// Actions, clock slices and auto-pause of one frame (see frame_loop.hpp).
#include "frame_loop.hpp"

#include <algorithm>
#include <chrono>
#include <span>

#include "auto_pause.hpp"
#include "run_clock.hpp"

namespace irdrill::gui {
namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

const char* panelOf(const session::SessionEntry& entry) {
  switch (entry.kind) {
    case session::SessionEntry::Kind::Decision: return "decisions";
    case session::SessionEntry::Kind::Inject: return "injects";
    case session::SessionEntry::Kind::Mark: return "checklist";
  }
  return "";
}

std::string describe(const session::SessionEntry& entry) {
  switch (entry.kind) {
    case session::SessionEntry::Kind::Decision: {
      const auto& d = entry.decision;
      std::string text = exercise::kDecisionKindNames[static_cast<int>(d.kind)];
      for (const std::string* field : {&d.incident, &d.step, &d.procedure, &d.role, &d.item, &d.deadline}) {
        if (!field->empty()) text += " " + *field;
      }
      return text;
    }
    case session::SessionEntry::Kind::Inject: {
      const auto& i = entry.inject;
      return std::string("inject ") + exercise::kInjectActionNames[static_cast<int>(i.action)] + " " +
             (i.action == exercise::InjectAction::Skip ? i.arrival : i.source);
    }
    case session::SessionEntry::Kind::Mark:
      return "mark " + entry.mark.incident + "/" + entry.mark.step + " " +
             session::kStepMarkNames[static_cast<int>(entry.mark.mark)];
  }
  return "";
}

}  // namespace

void applyQueuedActions(session::LiveSession& live, UiState& ui) {
  while (!ui.actions.empty()) {
    session::SessionEntry entry = std::move(ui.actions.front());
    ui.actions.pop_front();
    ActionFeedback feedback;
    feedback.panel = panelOf(entry);
    const std::string what = describe(entry);
    const exercise::DecisionResult result = live.apply(std::move(entry));
    feedback.applied = result.applied;
    const std::string created = result.createdId.empty() ? "" : " (" + result.createdId + ")";
    feedback.text = result.applied ? text::trf(ui.language, "gui.feedback.applied", {{"what", what}, {"created", created}})
                                   : text::trf(ui.language, "gui.feedback.refused", {{"what", what}, {"reason", result.reason}});
    ui.feedback.insert(ui.feedback.begin(), std::move(feedback));
    if (ui.feedback.size() > kFeedbackKept) ui.feedback.resize(kFeedbackKept);
  }
}

void runClockTo(session::LiveSession& live, core::TimeUs untilUs, core::TimeUs maxSliceUs) {
  untilUs = std::min(untilUs, live.exercise().endUs());
  while (live.now() < untilUs) live.runUntil(nextSliceEndUs(live.now(), untilUs, maxSliceUs));
}

FrameAdvance advanceClock(session::LiveSession& live, UiState& ui, double frameDtS, const FrameBudget& budget) {
  FrameAdvance out;
  RunControl& run = ui.run;
  const std::size_t eventsBefore = live.events().size();
  const Clock::time_point start = Clock::now();

  if (run.stepOnce) {
    run.stepOnce = false;
    run.paused = true;
    // To the next logged event, office-day ones (alerts, items left behind) included.
    if (!live.finished()) live.runEvents(1);
  } else if (!run.paused && !live.finished()) {
    const core::TimeUs endUs = live.exercise().endUs();
    const bool flatOut = run.express || run.runUntil.has_value();
    core::TimeUs stopUs = endUs;
    if (run.runUntil && *run.runUntil != RunUntilKind::NextDetection) stopUs = std::min(endUs, run.runUntilUs);
    const core::TimeUs targetUs =
        flatOut ? stopUs
                : frameTargetUs(live.now(), run.speedSimSPerWallS, std::min(frameDtS, budget.maxFrameDtS), stopUs);
    const double wallBudgetS = run.express ? budget.expressWallBudgetS : budget.wallBudgetS;
    std::size_t checkedUpTo = eventsBefore;
    while (live.now() < targetUs && secondsSince(start) < wallBudgetS) {
      live.runUntil(nextSliceEndUs(live.now(), targetUs, budget.maxSliceUs));
      const auto& events = live.events();
      const std::span<const exercise::ExerciseEvent> fresh(events.data() + checkedUpTo, events.size() - checkedUpTo);
      checkedUpTo = events.size();
      if (run.runUntil == RunUntilKind::NextDetection &&
          std::any_of(fresh.begin(), fresh.end(),
                      [](const exercise::ExerciseEvent& e) { return e.kind == exercise::ExerciseEventKind::Detected; })) {
        run.runUntil.reset();
        run.paused = true;
        break;
      }
      if (auto card = checkAutoPause(fresh, std::span<const PauseRule, kPauseTriggerCount>(ui.pauseRules),
                                     live.scenario().scoring, ui.language)) {
        ui.card = std::move(card);
        run.paused = true;
        run.runUntil.reset();
        run.express = false;
        out.pausedByRule = true;
        break;
      }
    }
    if (run.runUntil && *run.runUntil != RunUntilKind::NextDetection && live.now() >= stopUs) {
      run.runUntil.reset();
      run.paused = true;
    }
    if (live.finished() || live.now() >= endUs) run.paused = true;
  }
  out.simWallS = secondsSince(start);
  out.newEvents = live.events().size() - eventsBefore;
  return out;
}

}  // namespace irdrill::gui
