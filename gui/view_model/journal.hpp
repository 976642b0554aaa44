// The decision journal: every entry of the session log (decisions, injects, evaluator
// marks) with its simulated time, who, what, why and what came of it; and its CSV export
// (RFC 4180, UTF-8, so Japanese rationales survive a spreadsheet).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sim/exercise/exercise_events.hpp"
#include "sim/session/live_session.hpp"
#include "sim/session/session.hpp"

namespace irdrill::gui::view_model {

struct JournalRow {
  core::TimeUs atUs = 0;
  std::string time;  // clock text
  std::string seat;
  std::string kind;  // "decision", "inject", "mark"
  std::string what;  // "order_step isolate_network of phishing-1"
  std::string rationale;
  std::string result;  // "applied, event #123", "created phishing-1@1 (event #130)", "marked"
};

// One line for people of what an entry does.
std::string entryWhat(const session::SessionEntry& entry);

// The log's entries with their results. Every applied decision and inject logged exactly
// one "decision" / "inject" / "inject_skipped" event, in the log's order, so the k-th such
// event belongs to the k-th decision or inject entry.
std::vector<JournalRow> journalRows(const std::vector<session::SessionEntry>& log,
                                    const std::vector<exercise::ExerciseEvent>& events);

// "time,seat,kind,what,rationale,result" and one line per row (CRLF line ends, RFC 4180).
std::string journalCsv(const std::vector<JournalRow>& rows);
std::string journalCsv(const session::LiveSession& session);

// One CSV field: quoted (quotes doubled) when it holds a comma, a quote or a line break.
std::string csvField(std::string_view text);

}  // namespace irdrill::gui::view_model
