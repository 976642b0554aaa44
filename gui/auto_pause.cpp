// Matching new events against the auto-pause rules (see auto_pause.hpp).
#include "auto_pause.hpp"

#include <string>

namespace irdrill::gui {
namespace {

using exercise::ExerciseEventKind;

// The deadline the event starts, if the scenario has one counted from it; "" otherwise.
std::string deadlineStartedBy(const exercise::ExerciseEvent& event, const scoring::ScoringDef& scoring) {
  scoring::DeadlineFrom from;
  switch (event.kind) {
    case ExerciseEventKind::IncidentStarted: from = scoring::DeadlineFrom::IncidentStart; break;
    case ExerciseEventKind::Detected: from = scoring::DeadlineFrom::Detection; break;
    case ExerciseEventKind::LeakConfirmed: from = scoring::DeadlineFrom::LeakConfirmed; break;
    default: return {};
  }
  for (const auto& deadline : scoring.deadlines) {
    if (deadline.from == from) return deadline.id;
  }
  return {};
}

std::optional<std::string> titleFor(PauseTrigger trigger, const exercise::ExerciseEvent& event,
                                    const scoring::ScoringDef& scoring, text::Language lang) {
  const std::string incident = event.incident.empty() ? text::tr(lang, "gui.card.an_incident") : event.incident;
  switch (trigger) {
    case PauseTrigger::Detection:
      if (event.kind != ExerciseEventKind::Detected) return std::nullopt;
      if (event.actor.empty()) return text::trf(lang, "gui.card.detected", {{"incident", incident}});
      return text::trf(lang, "gui.card.detected_by", {{"incident", incident}, {"by", event.actor}});
    case PauseTrigger::Containment:
      if (event.kind != ExerciseEventKind::Contained) return std::nullopt;
      return text::trf(lang, "gui.card.contained", {{"incident", incident}});
    case PauseTrigger::DeadlineStarted: {
      const std::string deadline = deadlineStartedBy(event, scoring);
      if (deadline.empty()) return std::nullopt;
      return text::trf(lang, "gui.card.deadline_started", {{"deadline", deadline}, {"incident", incident}});
    }
    case PauseTrigger::InjectFired:
      if (event.kind == ExerciseEventKind::Inject) {
        return text::trf(lang, "gui.card.inject", {{"what", event.subject.empty() ? event.detail : event.subject}});
      }
      if (event.kind == ExerciseEventKind::IncidentStarted) {
        return text::trf(lang, "gui.card.incident_started", {{"incident", incident}});
      }
      return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace

std::optional<PauseCard> checkAutoPause(std::span<const exercise::ExerciseEvent> newEvents,
                                        std::span<const PauseRule, kPauseTriggerCount> rules,
                                        const scoring::ScoringDef& scoring, text::Language language) {
  for (const auto& event : newEvents) {
    for (int t = 0; t < kPauseTriggerCount; ++t) {
      const PauseRule& rule = rules[static_cast<std::size_t>(t)];
      if (!rule.enabled) continue;
      const auto trigger = static_cast<PauseTrigger>(t);
      if (auto title = titleFor(trigger, event, scoring, language)) {
        return PauseCard{trigger, event.seq, event.timeUs, std::move(*title), rule.prompt};
      }
    }
  }
  return std::nullopt;
}

}  // namespace irdrill::gui
