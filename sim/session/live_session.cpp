// A session being played (see live_session.hpp).
#include "sim/session/live_session.hpp"

#include <algorithm>
#include <stdexcept>

#include "sim/core/clock_text.hpp"

namespace irdrill::session {
namespace {

const char* entryWhat(const SessionEntry& entry) {
  switch (entry.kind) {
    case SessionEntry::Kind::Decision: return exercise::kDecisionKindNames[static_cast<int>(entry.decision.kind)];
    case SessionEntry::Kind::Inject: return exercise::kInjectActionNames[static_cast<int>(entry.inject.action)];
    case SessionEntry::Kind::Mark: return kStepMarkNames[static_cast<int>(entry.mark.mark)];
  }
  return "?";
}

}  // namespace

LiveSession::LiveSession(std::shared_ptr<const scenario::ScenarioDef> scenario, SessionDef header,
                         exercise::ExerciseEventSink* forward)
    : LiveSession(std::move(scenario), std::move(header), forward, true) {}

LiveSession::LiveSession(std::shared_ptr<const scenario::ScenarioDef> scenario, SessionDef header,
                         exercise::ExerciseEventSink* forward, bool keepEvents)
    : scenario_(std::move(scenario)), session_(std::move(header)), forward_(forward), keepEvents_(keepEvents) {
  if (!scenario_) throw std::invalid_argument("LiveSession needs a scenario");
  session_.entries.clear();
  exercise::ExerciseEventSink* sink = this;  // a private base: converted here, not inside make_unique
  exercise_ = std::make_unique<exercise::Exercise>(*scenario_, session_.seed, session_.replication, sink);
}

LiveSession::~LiveSession() = default;

void LiveSession::onExerciseEvent(const exercise::ExerciseEvent& event) {
  ++loggedCount_;
  if (keepEvents_) events_.push_back(event);
  if (forward_) forward_->onExerciseEvent(event);
}

void LiveSession::runUntil(core::TimeUs untilUs) {
  applyPendingUntil(untilUs);
  exercise_->runUntil(untilUs);
}

void LiveSession::applyPendingUntil(core::TimeUs untilUs) {
  std::size_t done = 0;
  for (; done < pending_.size() && pending_[done].atUs <= std::min(untilUs, exercise_->endUs()); ++done) {
    const SessionEntry& entry = pending_[done];
    exercise_->runUntil(entry.atUs);
    exercise::DecisionResult result;
    switch (entry.kind) {
      case SessionEntry::Kind::Decision: result = exercise_->decide(entry.decision); break;
      case SessionEntry::Kind::Inject: result = exercise_->injectOrder(entry.inject); break;
      case SessionEntry::Kind::Mark: result = check(entry); break;
    }
    // The same log from the same start applies the same way (determinism); a refusal would
    // mean the branch no longer replays, and then its future is dropped, not half-applied.
    if (!result) {
      pending_.clear();
      return;
    }
    session_.entries.push_back(entry);
  }
  pending_.erase(pending_.begin(), pending_.begin() + static_cast<std::ptrdiff_t>(done));
}

std::uint64_t LiveSession::runEvents(std::uint64_t count) {
  std::uint64_t logged = 0;
  // Up to each pending entry's time at the latest, where it applies after every event of
  // that time, as in replay().
  while (logged < count && !pending_.empty() && !exercise_->finished()) {
    logged += exercise_->runEvents(count - logged, pending_.front().atUs);
    if (exercise_->now() >= pending_.front().atUs) {
      const std::uint64_t before = loggedCount_;
      applyPendingUntil(exercise_->now());
      logged += loggedCount_ - before;
    }
  }
  if (logged < count) logged += exercise_->runEvents(count - logged);
  return logged;
}

void LiveSession::runToEnd() {
  applyPendingUntil(exercise_->endUs());
  exercise_->runToEnd();
}

exercise::DecisionResult LiveSession::check(const SessionEntry& entry) const {
  switch (entry.kind) {
    case SessionEntry::Kind::Decision: return exercise_->check(entry.decision);
    case SessionEntry::Kind::Inject: return exercise_->check(entry.inject);
    case SessionEntry::Kind::Mark: {
      exercise::DecisionResult result;
      const auto steps = exercise_->procedureSteps(entry.mark.incident);
      const bool known = std::any_of(steps.begin(), steps.end(),
                                     [&](const exercise::StepView& s) { return s.id == entry.mark.step; });
      result.applied = known;
      if (!known) {
        result.reason = "incident '" + entry.mark.incident + "' has no procedure step '" + entry.mark.step +
                        "' to mark (yet)";
      }
      return result;
    }
  }
  return {};
}

exercise::DecisionResult LiveSession::apply(SessionEntry entry) {
  entry.atUs = exercise_->now();
  if (!pending_.empty()) {
    // Another path than the branch's: only an entry that applies starts a branch.
    exercise::DecisionResult checked = check(entry);
    if (!checked) return checked;
    SessionDef whole = session();
    forkCurrentBranch(whole, session_.entries.size(), entry.atUs);
    session_.branches = std::move(whole.branches);
    session_.currentBranch = std::move(whole.currentBranch);
    pending_.clear();
  }
  exercise::DecisionResult result;
  switch (entry.kind) {
    case SessionEntry::Kind::Decision: result = exercise_->decide(entry.decision); break;
    case SessionEntry::Kind::Inject: result = exercise_->injectOrder(entry.inject); break;
    case SessionEntry::Kind::Mark: result = check(entry); break;  // a mark changes no model state
  }
  if (result) session_.entries.push_back(std::move(entry));
  return result;
}

std::optional<std::string> LiveSession::replay(const std::vector<SessionEntry>& log,
                                               std::optional<core::TimeUs> untilUs) {
  for (std::size_t i = 0; i < log.size(); ++i) {
    const SessionEntry& entry = log[i];
    const std::string where = "entry " + std::to_string(i + 1) + " (" +
                              kSessionEntryKindNames[static_cast<int>(entry.kind)] + " " + entryWhat(entry) +
                              " at " + core::clockText(entry.atUs) + ")";
    if (entry.atUs < exercise_->now()) {
      return where + ": its time is before the previous entry's (entries must be in time order)";
    }
    if (entry.atUs > exercise_->endUs()) return where + ": its time is after the end of the exercise";
    exercise_->runUntil(entry.atUs);
    const exercise::DecisionResult result = apply(entry);
    if (!result) return where + ": " + result.reason;
  }
  if (untilUs) exercise_->runUntil(*untilUs);
  return std::nullopt;
}

int LiveSession::replaySkippingRefused(const std::vector<SessionEntry>& log, std::optional<core::TimeUs> untilUs) {
  int refused = 0;
  for (const SessionEntry& entry : log) {
    // Entries keep their order; one timed before the clock (never in a saved session)
    // applies now.
    if (entry.atUs > exercise_->endUs()) break;
    exercise_->runUntil(entry.atUs);
    if (!apply(entry)) ++refused;
  }
  if (untilUs) exercise_->runUntil(*untilUs);
  return refused;
}

SessionDef LiveSession::session() const {
  SessionDef out = session_;
  out.lastUs = exercise_->now();
  if (!pending_.empty()) {
    out.entries.insert(out.entries.end(), pending_.begin(), pending_.end());
    out.lastUs = std::max({out.lastUs, branchLastUs_, pending_.back().atUs});
  }
  syncCurrentBranch(out);
  return out;
}

void LiveSession::adoptBranchTree(const SessionDef& whole) {
  const std::vector<SessionEntry>& applied = session_.entries;
  if (whole.entries.size() < applied.size() || !std::equal(applied.begin(), applied.end(), whole.entries.begin())) {
    throw std::invalid_argument("adoptBranchTree: the entries applied are not a prefix of the branch's log");
  }
  session_.branches = whole.branches;
  session_.currentBranch = whole.currentBranch;
  pending_.assign(whole.entries.begin() + static_cast<std::ptrdiff_t>(applied.size()), whole.entries.end());
  branchLastUs_ = whole.lastUs;
}

std::optional<std::string> LiveSession::renameBranch(std::string_view from, const std::string& to) {
  return session::renameBranch(session_, from, to);
}

std::optional<EvaluatorMark> LiveSession::markOf(const std::string& incident, const std::string& step) const {
  for (auto it = session_.entries.rbegin(); it != session_.entries.rend(); ++it) {
    if (it->kind == SessionEntry::Kind::Mark && it->mark.incident == incident && it->mark.step == step) {
      return it->mark;
    }
  }
  return std::nullopt;
}

}  // namespace irdrill::session
