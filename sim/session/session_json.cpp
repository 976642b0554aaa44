// Session files as JSON (docs/session-format.md): the writer lays out one key per line in
// the header and one entry per line; the reader checks every key and value and says where
// a problem is ("file:line:col: error: entries[3].decision.kind: ...").
#include <cmath>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/core/clock_text.hpp"
#include "sim/scenario/overrides.hpp"
#include "sim/session/branches.hpp"
#include "sim/session/debrief_json.hpp"
#include "sim/session/json_locations.hpp"
#include "sim/session/session.hpp"

namespace irdrill::session {
namespace {

using Json = nlohmann::ordered_json;
using exercise::Decision;
using exercise::DecisionKind;
using exercise::InjectAction;
using exercise::InjectOrder;

// The text fields each decision kind names, in the order they are written; seat and
// rationale follow for every kind.
struct DecisionField {
  const char* key;
  std::string Decision::*member;
};
std::vector<DecisionField> decisionFields(DecisionKind kind) {
  switch (kind) {
    case DecisionKind::OrderStep:
    case DecisionKind::SkipStep: return {{"incident", &Decision::incident}, {"step", &Decision::step}};
    case DecisionKind::SwitchProcedure:
      return {{"incident", &Decision::incident}, {"procedure", &Decision::procedure}};
    case DecisionKind::CallOnCall: return {{"role", &Decision::role}};
    case DecisionKind::ReactToAlert:
    case DecisionKind::DismissAlert: return {{"item", &Decision::item}};
    case DecisionKind::MarkReportSent: return {{"incident", &Decision::incident}, {"deadline", &Decision::deadline}};
  }
  return {};
}

// Seconds as the file writes them: whole seconds as an integer, otherwise the exact
// microseconds as a decimal fraction (read back with the same rounding).
Json secondsJson(core::TimeUs timeUs) {
  if (timeUs % core::kUsPerSecond == 0) return Json(static_cast<std::int64_t>(timeUs / core::kUsPerSecond));
  return Json(core::usToSeconds(timeUs));
}

std::string line(const Json& value) {
  // Invalid UTF-8 in free text is replaced rather than refused: a session must save.
  return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Json entryJson(const SessionEntry& entry) {
  Json out;
  out["t_s"] = secondsJson(entry.atUs);
  out["time"] = core::dayClockText(entry.atUs);
  const char* kindName = kSessionEntryKindNames[static_cast<int>(entry.kind)];
  out["kind"] = kindName;
  Json body;
  switch (entry.kind) {
    case SessionEntry::Kind::Decision: {
      const Decision& d = entry.decision;
      body["kind"] = exercise::kDecisionKindNames[static_cast<int>(d.kind)];
      for (const auto& field : decisionFields(d.kind)) body[field.key] = d.*field.member;
      body["seat"] = d.seat;
      body["rationale"] = d.rationale;
      break;
    }
    case SessionEntry::Kind::Inject: {
      const InjectOrder& o = entry.inject;
      body["action"] = exercise::kInjectActionNames[static_cast<int>(o.action)];
      if (o.action == InjectAction::Skip) {
        body["arrival"] = o.arrival;
      } else {
        body["source"] = o.source;
        body["target"] = o.target;
      }
      if (o.action == InjectAction::Schedule) {
        body["at_t_s"] = secondsJson(o.atUs);
        body["at_time"] = core::dayClockText(o.atUs);
      }
      body["seat"] = o.seat;
      body["rationale"] = o.rationale;
      break;
    }
    case SessionEntry::Kind::Mark: {
      const EvaluatorMark& m = entry.mark;
      body["incident"] = m.incident;
      body["step"] = m.step;
      body["mark"] = kStepMarkNames[static_cast<int>(m.mark)];
      body["note"] = m.note;
      body["seat"] = entry.decision.seat;
      body["rationale"] = entry.decision.rationale;
      break;
    }
  }
  out[kindName] = std::move(body);
  return out;
}

// A list of entries, one per line, indented under `indent`; no trailing newline.
std::string entriesJson(const std::vector<SessionEntry>& entries, const std::string& indent) {
  if (entries.empty()) return "[]";
  std::string out = "[\n";
  for (std::size_t i = 0; i < entries.size(); ++i) {
    out += indent + "  " + line(entryJson(entries[i])) + (i + 1 < entries.size() ? ",\n" : "\n");
  }
  return out + indent + "]";
}

// "branch" and "branches" (docs/session-format.md#branches): one branch header per line,
// its own entries one per line below it; the current branch's are the top-level entries.
std::string branchesJson(const SessionDef& session) {
  std::string out = "  \"branch\": " + line(Json(session.currentBranch)) + ",\n  \"branches\": [\n";
  for (std::size_t i = 0; i < session.branches.size(); ++i) {
    const SessionBranch& branch = session.branches[i];
    const bool current = branch.name == session.currentBranch;
    const core::TimeUs lastUs = current ? session.lastUs : branch.lastUs;
    Json head;
    head["name"] = branch.name;
    head["parent"] = branch.parent;
    head["fork_entries"] = branch.forkEntryCount;
    head["fork_t_s"] = secondsJson(branch.forkUs);
    head["fork_time"] = core::dayClockText(branch.forkUs);
    head["last_t_s"] = secondsJson(lastUs);
    head["last_time"] = core::dayClockText(lastUs);
    std::string text = line(head);
    if (!current) {
      text.pop_back();  // the closing brace: the entries follow
      text += ",\"entries\":" + entriesJson(branch.entries, "    ") + "}";
    }
    out += "    " + text + (i + 1 < session.branches.size() ? ",\n" : "\n");
  }
  return out + "  ]";
}

// ---------------------------------------------------------------------------------------
// Reading

constexpr const char* kFormat = "irdrill-session/1";
// Later than any exercise (about 31 years) and far below where seconds held in a double
// stop being exact to the microsecond (2^53 us).
constexpr double kLatestS = 1e9;

std::string joined(const std::vector<std::string>& names) {
  std::string text;
  for (const auto& n : names) text += (text.empty() ? "" : ", ") + n;
  return text;
}
template <std::size_t N>
std::vector<std::string> nameList(const char* const (&names)[N]) {
  return std::vector<std::string>(names, names + N);
}

class SessionReader {
 public:
  SessionReader(const JsonLocations& where, core::Diagnostics& diagnostics)
      : where_(where), diagnostics_(diagnostics) {}

  void error(const std::string& path, const std::string& message) {
    diagnostics_.error(where_.at(path), path.empty() ? message : path + ": " + message);
  }

  // Unknown keys are errors listing the accepted ones; missing required keys too.
  bool checkKeys(const Json& object, const std::string& path, const std::vector<std::string>& accepted,
                 const std::vector<std::string>& required) {
    bool ok = true;
    for (const auto& [key, value] : object.items()) {
      bool known = false;
      for (const auto& a : accepted) known = known || a == key;
      if (!known) {
        error(member(path, key), "unknown key '" + key + "' (expected one of: " + joined(accepted) + ")");
        ok = false;
      }
    }
    for (const auto& key : required) {
      if (!object.contains(key)) {
        error(path, "missing key '" + key + "'");
        ok = false;
      }
    }
    return ok;
  }

  static std::string member(const std::string& path, const std::string& key) {
    return path.empty() ? key : path + "." + key;
  }

  bool isObject(const Json& value, const std::string& path, const char* what) {
    if (value.is_object()) return true;
    error(path, std::string("expected ") + what + " (a JSON object), got " + typeName(value));
    return false;
  }

  // A text field: absent gives "" (required ones are checked by checkKeys).
  std::string text(const Json& object, const std::string& path, const char* key) {
    if (!object.contains(key)) return {};
    const Json& value = object.at(key);
    if (!value.is_string()) {
      error(member(path, key), std::string("expected a string, got ") + typeName(value));
      return {};
    }
    return value.get<std::string>();
  }

  // A name from `names`: its index, or an error listing them.
  std::optional<int> named(const Json& object, const std::string& path, const char* key, const char* what,
                           const std::vector<std::string>& names) {
    if (!object.contains(key)) return std::nullopt;
    const Json& value = object.at(key);
    if (!value.is_string()) {
      error(member(path, key), std::string("expected a string, got ") + typeName(value));
      return std::nullopt;
    }
    const std::string name = value.get<std::string>();
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (names[i] == name) return static_cast<int>(i);
    }
    error(member(path, key),
          std::string("unknown ") + what + " '" + name + "' (expected one of: " + joined(names) + ")");
    return std::nullopt;
  }

  // Seconds since midnight of day 0 as microseconds.
  std::optional<core::TimeUs> seconds(const Json& object, const std::string& path, const char* key) {
    if (!object.contains(key)) return std::nullopt;
    const Json& value = object.at(key);
    if (!value.is_number()) {
      error(member(path, key), std::string("expected a number of seconds, got ") + typeName(value));
      return std::nullopt;
    }
    const double s = value.get<double>();
    if (!std::isfinite(s) || s < 0 || s > kLatestS) {
      error(member(path, key), "expected seconds from 0 to " + core::formatNumber(kLatestS) + ", got " +
                                   core::formatNumber(s));
      return std::nullopt;
    }
    if (value.is_number_integer()) return value.get<std::int64_t>() * core::kUsPerSecond;
    return core::secondsToUs(s);
  }

  std::optional<std::uint64_t> count(const Json& object, const std::string& path, const char* key) {
    if (!object.contains(key)) return std::nullopt;
    const Json& value = object.at(key);
    if (!value.is_number_unsigned()) {
      error(member(path, key), std::string("expected a whole number >= 0, got ") + valueText(value));
      return std::nullopt;
    }
    return value.get<std::uint64_t>();
  }

  static std::string typeName(const Json& value) {
    if (value.is_number()) return "a number";
    if (value.is_string()) return "a string";
    if (value.is_boolean()) return "a boolean";
    if (value.is_object()) return "an object";
    if (value.is_array()) return "an array";
    return "null";
  }
  static std::string valueText(const Json& value) {
    return value.is_number() ? value.dump() : typeName(value);
  }

  std::optional<SessionEntry> entry(const Json& object, const std::string& path) {
    if (!isObject(object, path, "an entry")) return std::nullopt;
    SessionEntry out;
    bool ok = true;
    const auto kind = named(object, path, "kind", "entry kind", nameList(kSessionEntryKindNames));
    std::vector<std::string> accepted = {"t_s", "time", "kind"};
    // With an unknown kind, any kind's body is let pass: the kind is the one error to fix.
    if (kind) {
      accepted.push_back(kSessionEntryKindNames[*kind]);
    } else {
      for (const char* name : kSessionEntryKindNames) accepted.push_back(name);
    }
    std::vector<std::string> required = {"t_s", "kind"};
    if (kind) required.push_back(kSessionEntryKindNames[*kind]);
    ok = checkKeys(object, path, accepted, required) && ok;
    if (object.contains("time") && !object.at("time").is_string()) {
      error(member(path, "time"), "expected a string, got " + typeName(object.at("time")));
      ok = false;
    }
    const std::size_t errorsBefore = diagnostics_.items().size();
    const auto atUs = seconds(object, path, "t_s");
    ok = ok && diagnostics_.items().size() == errorsBefore && atUs;
    if (!kind) return std::nullopt;
    out.atUs = atUs.value_or(0);
    out.kind = static_cast<SessionEntry::Kind>(*kind);
    const std::string bodyPath = member(path, kSessionEntryKindNames[*kind]);
    if (!object.contains(kSessionEntryKindNames[*kind])) return std::nullopt;
    const Json& body = object.at(kSessionEntryKindNames[*kind]);
    switch (out.kind) {
      case SessionEntry::Kind::Decision: ok = decision(body, bodyPath, out.decision) && ok; break;
      case SessionEntry::Kind::Inject: ok = inject(body, bodyPath, out.inject) && ok; break;
      case SessionEntry::Kind::Mark: ok = mark(body, bodyPath, out) && ok; break;
    }
    if (!ok) return std::nullopt;
    return out;
  }

  bool decision(const Json& body, const std::string& path, Decision& out) {
    if (!isObject(body, path, "a decision")) return false;
    const std::size_t errorsBefore = diagnostics_.items().size();
    const auto kind = named(body, path, "kind", "decision kind", nameList(exercise::kDecisionKindNames));
    if (!kind) {
      if (!body.contains("kind")) error(path, "missing key 'kind'");
      return false;
    }
    out.kind = static_cast<DecisionKind>(*kind);
    std::vector<std::string> accepted = {"kind"}, required = {"kind"};
    for (const auto& field : decisionFields(out.kind)) {
      accepted.push_back(field.key);
      required.push_back(field.key);
    }
    accepted.push_back("seat");
    accepted.push_back("rationale");
    checkKeys(body, path, accepted, required);
    for (const auto& field : decisionFields(out.kind)) out.*field.member = text(body, path, field.key);
    out.seat = text(body, path, "seat");
    out.rationale = text(body, path, "rationale");
    return diagnostics_.items().size() == errorsBefore;
  }

  bool inject(const Json& body, const std::string& path, InjectOrder& out) {
    if (!isObject(body, path, "an inject")) return false;
    const std::size_t errorsBefore = diagnostics_.items().size();
    const auto action = named(body, path, "action", "inject action", nameList(exercise::kInjectActionNames));
    if (!action) {
      if (!body.contains("action")) error(path, "missing key 'action'");
      return false;
    }
    out.action = static_cast<InjectAction>(*action);
    std::vector<std::string> accepted = {"action"}, required = {"action"};
    if (out.action == InjectAction::Skip) {
      accepted.push_back("arrival");
      required.push_back("arrival");
    } else {
      accepted.insert(accepted.end(), {"source", "target"});
      required.push_back("source");
    }
    if (out.action == InjectAction::Schedule) {
      accepted.insert(accepted.end(), {"at_t_s", "at_time"});
      required.push_back("at_t_s");
    }
    accepted.insert(accepted.end(), {"seat", "rationale"});
    checkKeys(body, path, accepted, required);
    out.source = text(body, path, "source");
    out.target = text(body, path, "target");
    out.arrival = text(body, path, "arrival");
    if (const auto atUs = seconds(body, path, "at_t_s")) out.atUs = *atUs;
    out.seat = text(body, path, "seat");
    out.rationale = text(body, path, "rationale");
    return diagnostics_.items().size() == errorsBefore;
  }

  bool mark(const Json& body, const std::string& path, SessionEntry& out) {
    if (!isObject(body, path, "a mark")) return false;
    const std::size_t errorsBefore = diagnostics_.items().size();
    checkKeys(body, path, {"incident", "step", "mark", "note", "seat", "rationale"}, {"incident", "step", "mark"});
    out.mark.incident = text(body, path, "incident");
    out.mark.step = text(body, path, "step");
    if (const auto m = named(body, path, "mark", "mark", nameList(kStepMarkNames))) {
      out.mark.mark = static_cast<StepMark>(*m);
    }
    out.mark.note = text(body, path, "note");
    out.decision.seat = text(body, path, "seat");
    out.decision.rationale = text(body, path, "rationale");
    return diagnostics_.items().size() == errorsBefore;
  }

 private:
  const JsonLocations& where_;
  core::Diagnostics& diagnostics_;
};

}  // namespace

// "branch" and "branches", then the tree's own checks (branchTreeProblems).
void readBranches(SessionReader& read, const Json& root, SessionDef& session) {
  const bool hasName = root.contains("branch"), hasList = root.contains("branches");
  if (hasName != hasList) {
    read.error(hasName ? "branch" : "branches", "\"branch\" and \"branches\" come together (or neither)");
    return;
  }
  if (!hasList) return;
  session.currentBranch = read.text(root, "", "branch");
  const Json& list = root.at("branches");
  if (!list.is_array() || list.empty()) {
    read.error("branches", "expected a list of branches (at least the root), got " + SessionReader::typeName(list));
    return;
  }
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string at = "branches[" + std::to_string(i) + "]";
    if (!read.isObject(list[i], at, "a branch")) continue;
    const Json& object = list[i];
    SessionBranch branch;
    branch.name = read.text(object, at, "name");
    const bool current = object.contains("name") && branch.name == session.currentBranch;
    std::vector<std::string> required = {"name", "parent", "fork_entries", "fork_t_s"};
    if (!current) required.push_back("entries");
    read.checkKeys(object, at,
                   {"name", "parent", "fork_entries", "fork_t_s", "fork_time", "last_t_s", "last_time", "entries"},
                   required);
    if (current && object.contains("entries")) {
      read.error(at + ".entries", "the current branch's entries are the top-level \"entries\"");
    }
    branch.parent = read.text(object, at, "parent");
    if (const auto kept = read.count(object, at, "fork_entries")) branch.forkEntryCount = *kept;
    if (const auto forkUs = read.seconds(object, at, "fork_t_s")) branch.forkUs = *forkUs;
    if (const auto lastUs = read.seconds(object, at, "last_t_s")) branch.lastUs = *lastUs;
    if (!current && object.contains("entries")) {
      const Json& entries = object.at("entries");
      if (!entries.is_array()) {
        read.error(at + ".entries", "expected a list of entries, got " + SessionReader::typeName(entries));
      } else {
        for (std::size_t e = 0; e < entries.size(); ++e) {
          if (auto entry = read.entry(entries[e], at + ".entries[" + std::to_string(e) + "]")) {
            branch.entries.push_back(std::move(*entry));
          }
        }
      }
    }
    session.branches.push_back(std::move(branch));
  }
  for (const BranchProblem& problem : branchTreeProblems(session)) read.error(problem.path, problem.message);
  syncCurrentBranch(session);
}

std::string sessionToJson(const SessionDef& session) {
  std::string out = "{\n";
  const auto header = [&out](const char* key, const Json& value) {
    out += "  " + line(Json(key)) + ": " + line(value) + ",\n";
  };
  header("format", kFormat);
  header("scenario", session.scenarioPath);
  header("scenario_hash", session.scenarioHash);
  header("seed", session.seed);
  header("replication", session.replication);
  header("overrides", session.overrides);
  header("last_t_s", secondsJson(session.lastUs));
  header("last_time", core::dayClockText(session.lastUs));
  if (!session.debrief.empty()) out += "  \"debrief\": " + debriefToJsonText(session.debrief, 2) + ",\n";
  out += "  \"entries\": " + entriesJson(session.entries, "  ");
  if (!session.branches.empty()) out += ",\n" + branchesJson(session);
  out += "\n}\n";
  return out;
}

std::optional<SessionDef> sessionFromJson(const std::string& text, const std::string& path,
                                          core::Diagnostics& diagnostics) {
  Json root;
  try {
    root = Json::parse(text);
  } catch (const Json::parse_error& e) {
    // e.byte is 1-based, one past the character that failed.
    const std::size_t offset = e.byte > 0 ? e.byte - 1 : 0;
    std::string what = e.what();
    // Keep the parser's explanation, not its "[json.exception.parse_error.101] parse
    // error at line 3, column 5:" preamble: the location is ours.
    if (const std::size_t colon = what.find(": "); colon != std::string::npos) what = what.substr(colon + 2);
    diagnostics.error(locationOfOffset(text, offset, path), "not valid JSON: " + what);
    return std::nullopt;
  }
  const JsonLocations where(text, path, 6);  // deep enough for branches[1].entries[0].decision.kind
  SessionReader read(where, diagnostics);
  const std::size_t errorsBefore = diagnostics.items().size();
  // The parser keeps the last of two equal keys; in a hand-edited file that hides a mistake.
  for (const auto& duplicate : where.duplicates()) {
    read.error(duplicate, "duplicate key (only one of each key is allowed)");
  }
  if (!root.is_object() || !root.contains("format")) {
    read.error("", "not an irdrill session file (expected a JSON object with \"format\": \"" +
                       std::string(kFormat) + "\")");
    return std::nullopt;
  }
  if (!root.at("format").is_string() || root.at("format").get<std::string>() != kFormat) {
    read.error("format", "unknown session format " + line(root.at("format")) + " (expected \"" +
                             std::string(kFormat) + "\")");
    return std::nullopt;
  }
  read.checkKeys(root, "",
                 {"format", "scenario", "scenario_hash", "seed", "replication", "overrides", "last_t_s",
                  "last_time", "entries", "branch", "branches", "debrief"},
                 {"format", "scenario", "scenario_hash", "seed", "entries"});

  SessionDef session;
  session.scenarioPath = read.text(root, "", "scenario");
  if (root.contains("scenario") && root.at("scenario").is_string() && session.scenarioPath.empty()) {
    read.error("scenario", "the scenario path is empty");
  }
  session.scenarioHash = read.text(root, "", "scenario_hash");
  if (const auto seed = read.count(root, "", "seed")) session.seed = *seed;
  if (const auto replication = read.count(root, "", "replication")) session.replication = *replication;
  if (root.contains("last_time") && !root.at("last_time").is_string()) {
    read.error("last_time", "expected a string, got " + SessionReader::typeName(root.at("last_time")));
  }

  if (root.contains("overrides")) {
    const Json& overrides = root.at("overrides");
    if (!overrides.is_array()) {
      read.error("overrides", "expected a list of \"PATH=VALUE\" strings, got " + SessionReader::typeName(overrides));
    } else {
      for (std::size_t i = 0; i < overrides.size(); ++i) {
        const std::string at = "overrides[" + std::to_string(i) + "]";
        if (!overrides[i].is_string()) {
          read.error(at, "expected a \"PATH=VALUE\" string, got " + SessionReader::typeName(overrides[i]));
          continue;
        }
        std::string problem;
        const std::string value = overrides[i].get<std::string>();
        if (!scenario::parseOverride(value, problem)) read.error(at, problem);
        session.overrides.push_back(value);
      }
    }
  }

  if (root.contains("entries")) {
    const Json& entries = root.at("entries");
    if (!entries.is_array()) {
      read.error("entries", "expected a list of entries, got " + SessionReader::typeName(entries));
    } else {
      std::optional<core::TimeUs> previousUs;
      for (std::size_t i = 0; i < entries.size(); ++i) {
        const std::string at = "entries[" + std::to_string(i) + "]";
        auto entry = read.entry(entries[i], at);
        if (!entry) continue;
        if (previousUs && entry->atUs < *previousUs) {
          read.error(at + ".t_s", core::dayClockText(entry->atUs) + " is before the previous entry's " +
                                      core::dayClockText(*previousUs) +
                                      " (entries are in the order they were applied: times never decrease)");
        }
        previousUs = entry->atUs;
        session.entries.push_back(std::move(*entry));
      }
    }
  }

  if (root.contains("debrief")) session.debrief = debriefFromJson(root.at("debrief"), where, diagnostics);

  const core::TimeUs lastEntryUs = session.entries.empty() ? 0 : session.entries.back().atUs;
  if (const auto lastUs = read.seconds(root, "", "last_t_s")) {
    session.lastUs = *lastUs;
    if (*lastUs < lastEntryUs) {
      read.error("last_t_s", core::dayClockText(*lastUs) + " is before the last entry's " +
                                 core::dayClockText(lastEntryUs) + " (the clock when saved comes after every entry)");
    }
  } else {
    session.lastUs = lastEntryUs;
  }
  readBranches(read, root, session);
  if (diagnostics.items().size() != errorsBefore) return std::nullopt;
  return session;
}

}  // namespace irdrill::session
