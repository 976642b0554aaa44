// A tabletop session as data: which scenario (path and content hash), which seed,
// replication and overrides, and the ordered log of what the players decided, what the
// facilitator injected and how the evaluator marked the procedure steps, each at its
// simulated time. Rewinding, saving and `irdrill replay` all rebuild the exercise from it.
// The file format (JSON) is in docs/session-format.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/core/diagnostics.hpp"
#include "sim/core/time.hpp"
#include "sim/exercise/decision.hpp"

namespace irdrill::session {

// The evaluator's mark on a procedure step (HSEEP Exercise Evaluation Guide).
enum class StepMark { NotObserved, Met, Partly, NotMet };
inline constexpr const char* kStepMarkNames[] = {"not_observed", "met", "partly", "not_met"};

struct EvaluatorMark {
  std::string incident;
  std::string step;
  StepMark mark = StepMark::NotObserved;
  std::string note;
};

// One entry of the session log, applied when the exercise's clock reads atUs.
struct SessionEntry {
  enum class Kind { Decision, Inject, Mark };
  core::TimeUs atUs = 0;
  Kind kind = Kind::Decision;
  exercise::Decision decision;  // Kind::Decision
  exercise::InjectOrder inject; // Kind::Inject
  EvaluatorMark mark;           // Kind::Mark (the seat and rationale live in decision)
};
inline constexpr const char* kSessionEntryKindNames[] = {"decision", "inject", "mark"};

struct SessionDef {
  std::string scenarioPath;  // as given, or relative to the session file's folder
  std::string scenarioHash;  // scenario::scenarioHash of the files and overrides
  std::uint64_t seed = 0;
  std::uint64_t replication = 0;
  std::vector<std::string> overrides;  // "PATH=VALUE", as on the command line (--set)
  std::vector<SessionEntry> entries;   // in the order they were applied (times never decrease)
  core::TimeUs lastUs = 0;             // the clock when the session was saved
};

// JSON text of a session (docs/session-format.md): keys in a fixed order, one entry per
// line, times as seconds ("t_s") beside a readable "time" ("d0 10:30:00"); UTF-8 kept as is.
std::string sessionToJson(const SessionDef& session);
// Parses a session file's text (`path` names it in messages). Every problem goes to
// `diagnostics`, located at its line and column and naming the entry and field
// ("entries[3].decision.kind: unknown decision kind ..."); all of them are reported, not
// just the first. Returns the session if and only if there was no error.
std::optional<SessionDef> sessionFromJson(const std::string& text, const std::string& path,
                                          core::Diagnostics& diagnostics);

}  // namespace irdrill::session
