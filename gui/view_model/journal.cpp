#include "gui/view_model/journal.hpp"

#include "gui/view_model/checklist.hpp"
#include "gui/view_model/time_text.hpp"

namespace irdrill::gui::view_model {
namespace {

bool isPlayEvent(exercise::ExerciseEventKind kind) {
  return kind == exercise::ExerciseEventKind::Decision || kind == exercise::ExerciseEventKind::Inject ||
         kind == exercise::ExerciseEventKind::InjectSkipped;
}

}  // namespace

std::string entryWhat(const session::SessionEntry& entry) {
  using Kind = session::SessionEntry::Kind;
  if (entry.kind == Kind::Mark) {
    const session::EvaluatorMark& m = entry.mark;
    std::string what = "mark " + m.step + " of " + m.incident + ": " + stepMarkName(m.mark);
    if (!m.note.empty()) what += " (" + m.note + ")";
    return what;
  }
  if (entry.kind == Kind::Inject) {
    const exercise::InjectOrder& o = entry.inject;
    switch (o.action) {
      case exercise::InjectAction::Fire:
        return "fire " + o.source + (o.target.empty() ? "" : " on " + o.target);
      case exercise::InjectAction::Schedule:
        return "schedule " + o.source + (o.target.empty() ? "" : " on " + o.target) + " at " + clockText(o.atUs);
      case exercise::InjectAction::Skip:
        return "skip " + o.arrival;
    }
    return "inject";
  }
  const exercise::Decision& d = entry.decision;
  const std::string kind = exercise::kDecisionKindNames[static_cast<int>(d.kind)];
  switch (d.kind) {
    case exercise::DecisionKind::OrderStep:
    case exercise::DecisionKind::SkipStep: return kind + " " + d.step + " of " + d.incident;
    case exercise::DecisionKind::SwitchProcedure: return kind + " " + d.incident + " to " + d.procedure;
    case exercise::DecisionKind::CallOnCall: return kind + " " + d.role;
    case exercise::DecisionKind::ReactToAlert:
    case exercise::DecisionKind::DismissAlert: return kind + " " + d.item;
    case exercise::DecisionKind::MarkReportSent: return kind + " " + d.deadline + " of " + d.incident;
  }
  return kind;
}

std::vector<JournalRow> journalRows(const std::vector<session::SessionEntry>& log,
                                    const std::vector<exercise::ExerciseEvent>& events) {
  std::vector<JournalRow> rows;
  rows.reserve(log.size());
  std::size_t nextEvent = 0;
  for (const session::SessionEntry& entry : log) {
    JournalRow row;
    row.atUs = entry.atUs;
    row.time = clockText(entry.atUs);
    row.kind = session::kSessionEntryKindNames[static_cast<int>(entry.kind)];
    row.what = entryWhat(entry);
    const bool isInject = entry.kind == session::SessionEntry::Kind::Inject;
    row.seat = isInject ? entry.inject.seat : entry.decision.seat;
    row.rationale = isInject ? entry.inject.rationale : entry.decision.rationale;
    if (entry.kind == session::SessionEntry::Kind::Mark) {
      row.result = "marked";
    } else {
      while (nextEvent < events.size() && !isPlayEvent(events[nextEvent].kind)) ++nextEvent;
      if (nextEvent < events.size()) {
        const exercise::ExerciseEvent& e = events[nextEvent++];
        const std::string seq = "event #" + std::to_string(e.seq);
        row.result = e.kind == exercise::ExerciseEventKind::Inject ? "created " + e.subject + " (" + seq + ")"
                     : e.kind == exercise::ExerciseEventKind::InjectSkipped ? "skipped (" + seq + ")"
                                                                             : "applied (" + seq + ")";
      } else {
        row.result = "applied";
      }
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string csvField(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string journalCsv(const std::vector<JournalRow>& rows) {
  std::string out = "time,seat,kind,what,rationale,result\r\n";
  for (const JournalRow& row : rows) {
    out += csvField(row.time) + ',' + csvField(row.seat) + ',' + csvField(row.kind) + ',' + csvField(row.what) +
           ',' + csvField(row.rationale) + ',' + csvField(row.result) + "\r\n";
  }
  return out;
}

std::string journalCsv(const session::LiveSession& session) {
  return journalCsv(journalRows(session.log(), session.events()));
}

}  // namespace irdrill::gui::view_model
