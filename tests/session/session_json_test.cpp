// Session files (docs/session-format.md): every entry kind survives a write and a read
// unchanged, free text in any language included; every malformed file is refused with a
// message that names the file, line, entry and field, and lists the valid names.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "sim/session/session.hpp"

namespace core = irdrill::core;
namespace exercise = irdrill::exercise;
using irdrill::session::EvaluatorMark;
using irdrill::session::SessionDef;
using irdrill::session::SessionEntry;
using irdrill::session::sessionFromJson;
using irdrill::session::sessionToJson;
using irdrill::session::StepMark;

namespace {

SessionEntry decisionAt(core::TimeUs atUs, exercise::Decision d) {
  SessionEntry e;
  e.atUs = atUs;
  e.kind = SessionEntry::Kind::Decision;
  e.decision = std::move(d);
  return e;
}

SessionEntry injectAt(core::TimeUs atUs, exercise::InjectOrder o) {
  SessionEntry e;
  e.atUs = atUs;
  e.kind = SessionEntry::Kind::Inject;
  e.inject = std::move(o);
  return e;
}

SessionEntry markAt(core::TimeUs atUs, EvaluatorMark m, std::string seat) {
  SessionEntry e;
  e.atUs = atUs;
  e.kind = SessionEntry::Kind::Mark;
  e.mark = std::move(m);
  e.decision.seat = std::move(seat);
  return e;
}

// One entry of every decision kind, inject action and mark, in time order, with only the
// fields each kind names filled (the others are not written, so they could not survive).
SessionDef everyKindOfEntry() {
  using K = exercise::DecisionKind;
  using A = exercise::InjectAction;
  const core::TimeUs h9 = 9 * core::kUsPerHour;
  SessionDef s;
  s.scenarioPath = "../../../scenarios/phishing-exfiltration.yaml";
  s.scenarioHash = "fnv1a64:0123456789abcdef";
  s.seed = 18446744073709551615ULL;  // the largest seed: must not pass through a double
  s.replication = 7;
  s.overrides = {"alerts.phone.hold_s=30", "team.roles.it_admin.head_count=2"};
  s.entries = {
      decisionAt(h9, {K::OrderStep, "phishing-1", "isolate_network", "", "", "", "", "IT lead",
                      "隔離を優先する。個人情報の漏えいを防ぐため"}),
      decisionAt(h9, {K::SkipStep, "phishing-1", "reset_passwords", "", "", "", "", "CISO", "later"}),
      decisionAt(h9 + 1, {K::SwitchProcedure, "phishing-1", "", "unauthorized-access-isolate-first", "", "", "",
                          "CISO", "tab\there, \"quotes\", newline\nand a backslash \\"}),
      decisionAt(h9 + 500'000, {K::CallOnCall, "", "", "", "it_admin", "", "", "IT lead", ""}),
      decisionAt(h9 + 3 * core::kUsPerHour, {K::ReactToAlert, "", "", "", "", "alice/laptop", "", "desk", "r"}),
      decisionAt(h9 + 3 * core::kUsPerHour, {K::DismissAlert, "", "", "", "", "bob/badge", "", "desk", ""}),
      decisionAt(30 * core::kUsPerHour, {K::MarkReportSent, "phishing-1", "", "", "", "", "appi_preliminary",
                                         "法務", "個人情報保護委員会へ速報"}),
      injectAt(30 * core::kUsPerHour, {A::Fire, "website-defacement", "", "", 0, "facilitator", "surprise"}),
      injectAt(31 * core::kUsPerHour, {A::Schedule, "lost-laptop", "carol", "", 32 * core::kUsPerHour + 250, "", ""}),
      injectAt(31 * core::kUsPerHour, {A::Skip, "", "", "phishing-1#2", 0, "facilitator", "enough for today"}),
      markAt(32 * core::kUsPerHour, {"phishing-1", "isolate_network", StepMark::Met, "fast"}, "evaluator 1"),
      markAt(32 * core::kUsPerHour, {"phishing-1", "reset_passwords", StepMark::Partly, ""}, ""),
      markAt(32 * core::kUsPerHour, {"phishing-1", "notify_ppc", StepMark::NotMet, "未実施"}, "評価者"),
      markAt(32 * core::kUsPerHour, {"phishing-1", "triage", StepMark::NotObserved, ""}, ""),
  };
  s.lastUs = 33 * core::kUsPerHour + 1;
  return s;
}

void requireSameEntry(const SessionEntry& a, const SessionEntry& b) {
  CHECK(a.atUs == b.atUs);
  REQUIRE(a.kind == b.kind);
  CHECK(a.decision.seat == b.decision.seat);
  CHECK(a.decision.rationale == b.decision.rationale);
  switch (a.kind) {
    case SessionEntry::Kind::Decision:
      CHECK(a.decision.kind == b.decision.kind);
      CHECK(a.decision.incident == b.decision.incident);
      CHECK(a.decision.step == b.decision.step);
      CHECK(a.decision.procedure == b.decision.procedure);
      CHECK(a.decision.role == b.decision.role);
      CHECK(a.decision.item == b.decision.item);
      CHECK(a.decision.deadline == b.decision.deadline);
      break;
    case SessionEntry::Kind::Inject:
      CHECK(a.inject.action == b.inject.action);
      CHECK(a.inject.source == b.inject.source);
      CHECK(a.inject.target == b.inject.target);
      CHECK(a.inject.arrival == b.inject.arrival);
      CHECK(a.inject.atUs == b.inject.atUs);
      CHECK(a.inject.seat == b.inject.seat);
      CHECK(a.inject.rationale == b.inject.rationale);
      break;
    case SessionEntry::Kind::Mark:
      CHECK(a.mark.incident == b.mark.incident);
      CHECK(a.mark.step == b.mark.step);
      CHECK(a.mark.mark == b.mark.mark);
      CHECK(a.mark.note == b.mark.note);
      break;
  }
}

// A session file whose header takes lines 1-9, so entries[i] is on line 10 + i.
std::string fileWithEntries(const std::vector<std::string>& entries, const std::string& overrides = "[]",
                            const std::string& lastTs = "90000", const std::string& seed = "1") {
  std::string text =
      "{\n"
      "  \"format\": \"irdrill-session/1\",\n"
      "  \"scenario\": \"s.yaml\",\n"
      "  \"scenario_hash\": \"fnv1a64:0000000000000000\",\n"
      "  \"seed\": " + seed + ",\n"
      "  \"replication\": 0,\n"
      "  \"overrides\": " + overrides + ",\n"
      "  \"last_t_s\": " + lastTs + ",\n"
      "  \"entries\": [\n";
  for (std::size_t i = 0; i < entries.size(); ++i) {
    text += "    " + entries[i] + (i + 1 < entries.size() ? ",\n" : "\n");
  }
  return text + "  ]\n}\n";
}

const std::string kOrderStep =
    R"({"t_s": 36000, "kind": "decision", "decision": {"kind": "order_step", "incident": "p-1", "step": "isolate"}})";

std::vector<std::string> errorsOf(const std::string& text) {
  core::Diagnostics diagnostics;
  const auto session = sessionFromJson(text, "s.json", diagnostics);
  std::vector<std::string> out;
  for (const auto& d : diagnostics.items()) out.push_back(core::formatDiagnostic(d));
  // A session comes back exactly when there is no error.
  CHECK(session.has_value() == out.empty());
  return out;
}

}  // namespace

TEST_CASE("Every entry kind survives writing and reading back unchanged, Japanese text included") {
  const SessionDef original = everyKindOfEntry();
  const std::string text = sessionToJson(original);
  core::Diagnostics diagnostics;
  const auto read = sessionFromJson(text, "round-trip.json", diagnostics);
  for (const auto& d : diagnostics.items()) INFO(core::formatDiagnostic(d));
  REQUIRE(read);
  CHECK(read->scenarioPath == original.scenarioPath);
  CHECK(read->scenarioHash == original.scenarioHash);
  CHECK(read->seed == original.seed);
  CHECK(read->replication == original.replication);
  CHECK(read->overrides == original.overrides);
  CHECK(read->lastUs == original.lastUs);
  REQUIRE(read->entries.size() == original.entries.size());
  for (std::size_t i = 0; i < original.entries.size(); ++i) {
    INFO("entry " << i);
    requireSameEntry(read->entries[i], original.entries[i]);
  }
  // Writing what was read gives the same bytes: the file is a fixed point.
  CHECK(sessionToJson(*read) == text);
}

TEST_CASE("A session file keeps one entry per line, a readable time beside the seconds, and UTF-8 as is") {
  const std::string text = sessionToJson(everyKindOfEntry());
  CHECK(text.rfind("{\n  \"format\": \"irdrill-session/1\",\n  \"scenario\": ", 0) == 0);
  CHECK(text.find(R"(    {"t_s":32400,"time":"d0 09:00:00","kind":"decision","decision":{"kind":"order_step",)"
                  R"("incident":"phishing-1","step":"isolate_network","seat":"IT lead","rationale":"隔離を優先する。)") !=
        std::string::npos);
  // Fractions of a second are kept to the microsecond; day 1 is written as such.
  CHECK(text.find(R"({"t_s":32400.5,"time":"d0 09:00:00","kind":"decision")") != std::string::npos);
  CHECK(text.find(R"("at_t_s":115200.00025,"at_time":"d1 08:00:00")") != std::string::npos);
  CHECK(text.find("\"last_t_s\": 118800.000001,\n  \"last_time\": \"d1 09:00:00\",\n") != std::string::npos);
  CHECK(text.find("\\t") != std::string::npos);  // control characters escaped, others not
  std::size_t entryLines = 0;
  for (std::size_t at = text.find("\n    {\"t_s\":"); at != std::string::npos; at = text.find("\n    {\"t_s\":", at + 1)) {
    ++entryLines;
  }
  CHECK(entryLines == everyKindOfEntry().entries.size());
}

TEST_CASE("An empty session is written with an empty entry list and read back") {
  SessionDef empty;
  empty.scenarioPath = "s.yaml";
  empty.scenarioHash = "fnv1a64:0000000000000000";
  empty.seed = 1;
  const std::string text = sessionToJson(empty);
  CHECK(text.find("\"entries\": []\n}\n") != std::string::npos);
  core::Diagnostics diagnostics;
  const auto read = sessionFromJson(text, "empty.json", diagnostics);
  REQUIRE(read);
  CHECK(read->entries.empty());
  CHECK(read->seed == 1);
}

TEST_CASE("A well-formed hand-written session reads, with optional keys defaulted") {
  const auto errors = errorsOf(fileWithEntries({kOrderStep}));
  CHECK(errors.empty());
}

TEST_CASE("Malformed session files are refused with the file, line, entry and field") {
  struct Case {
    std::string text;
    std::string message;
  };
  const auto decision = [](const std::string& body) {
    return R"({"t_s": 36000, "kind": "decision", "decision": )" + body + "}";
  };
  const std::vector<Case> cases = {
      {"{\n  \"format\": \"irdrill-session/1\",\n  \"seed\": 1,,\n}\n", "s.json:3:13: error: not valid JSON: "},
      {"[1, 2]\n", "s.json:1:1: error: not an irdrill session file"},
      {"{\"format\": \"irdrill-session/9\"}", "s.json:1:2: error: format: unknown session format "
                                             "\"irdrill-session/9\" (expected \"irdrill-session/1\")"},
      {"{\"format\": \"irdrill-session/1\", \"scenario\": \"s.yaml\", \"scenario_hash\": \"h\", \"entries\": []}",
       "s.json:1:1: error: missing key 'seed'"},
      {fileWithEntries({}, "[], \"sead\": 2"),
       "s.json:7:20: error: sead: unknown key 'sead' (expected one of: format, scenario, scenario_hash, seed, "
       "replication, overrides, last_t_s, last_time, entries, branch, branches, debrief"},
      {fileWithEntries({}, "[]", "90000", "\"one\""), "s.json:5:3: error: seed: expected a whole number >= 0, got a string"},
      {fileWithEntries({}, "[]", "90000", "1, \"seed\": 2"), "s.json:5:14: error: seed: duplicate key"},
      {std::string("{\"format\": \"irdrill-session/1\", \"scenario\": \"s.yaml\", \"scenario_hash\": \"h\", ") +
           "\"seed\": -3, \"entries\": []}",
       "s.json:1:77: error: seed: expected a whole number >= 0, got -3"},
      {fileWithEntries({R"({"t_s": 36000, "kind": "decison", "decison": {}})"}),
       "s.json:10:20: error: entries[0].kind: unknown entry kind 'decison' (expected one of: decision, inject, mark)"},
      {fileWithEntries({kOrderStep, decision(R"({"kind": "isolate", "incident": "p-1"})")}),
       "s.json:11:53: error: entries[1].decision.kind: unknown decision kind 'isolate' (expected one of: "
       "order_step, skip_step, switch_procedure, call_on_call, react_to_alert, dismiss_alert, mark_report_sent)"},
      {fileWithEntries({decision(R"({"kind": "order_step", "incident": "p-1"})")}),
       "s.json:10:40: error: entries[0].decision: missing key 'step'"},
      {fileWithEntries({decision(R"({"kind": "order_step", "incident": "p-1", "step": 3})")}),
       "s.json:10:94: error: entries[0].decision.step: expected a string, got a number"},
      {fileWithEntries({decision(R"({"kind": "call_on_call", "role": "it", "step": "x"})")}),
       "error: entries[0].decision.step: unknown key 'step' (expected one of: kind, role, seat, rationale)"},
      {fileWithEntries({R"({"t_s": "10:00", "kind": "decision", "decision": {}})"}),
       "s.json:10:6: error: entries[0].t_s: expected a number of seconds, got a string"},
      {fileWithEntries({R"({"t_s": -5, "kind": "mark", "mark": {}})"}),
       "error: entries[0].t_s: expected seconds from 0 to 1e+09, got -5"},
      {fileWithEntries({R"({"kind": "decision", "decision": {"kind": "call_on_call", "role": "it"}})"}),
       "s.json:10:5: error: entries[0]: missing key 't_s'"},
      {fileWithEntries({kOrderStep, R"({"t_s": 35999.5, "kind": "decision", "decision": )"
                                    R"({"kind": "call_on_call", "role": "it"}})"}),
       "s.json:11:6: error: entries[1].t_s: d0 09:59:59 is before the previous entry's d0 10:00:00 "
       "(entries are in the order they were applied: times never decrease)"},
      {fileWithEntries({R"({"t_s": 1, "kind": "inject", "inject": {"action": "schedule", "source": "x"}})"}),
       "error: entries[0].inject: missing key 'at_t_s'"},
      {fileWithEntries({R"({"t_s": 1, "kind": "inject", "inject": {"action": "trigger", "source": "x"}})"}),
       "error: entries[0].inject.action: unknown inject action 'trigger' (expected one of: fire, schedule, skip)"},
      {fileWithEntries({R"({"t_s": 1, "kind": "mark", "mark": {"incident": "p", "step": "s", "mark": "ok"}})"}),
       "error: entries[0].mark.mark: unknown mark 'ok' (expected one of: not_observed, met, partly, not_met)"},
      {fileWithEntries({R"({"t_s": 1, "kind": "mark", "inject": {}})"}),
       "error: entries[0].inject: unknown key 'inject' (expected one of: t_s, time, kind, mark)"},
      {fileWithEntries({R"({"t_s": 1, "kind": "mark", "mark": []})"}),
       "error: entries[0].mark: expected a mark (a JSON object), got an array"},
      {fileWithEntries({}, "[\"alerts.phone.hold_s\"]"),
       "s.json:7:17: error: overrides[0]: expected PATH=VALUE"},
      {fileWithEntries({kOrderStep}, "[]", "100"),
       "error: last_t_s: d0 00:01:40 is before the last entry's d0 10:00:00"},
      {"{\"format\": \"irdrill-session/1\", \"scenario\": \"s\", \"scenario_hash\": \"h\", \"seed\": 1, \"entries\": {}}",
       "s.json:1:83: error: entries: expected a list of entries, got an object"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    const auto errors = errorsOf(c.text);
    REQUIRE_FALSE(errors.empty());
    bool found = false;
    for (const auto& e : errors) found = found || e.find(c.message) != std::string::npos;
    INFO("errors: " << [&] {
      std::string all;
      for (const auto& e : errors) all += "\n  " + e;
      return all;
    }());
    CHECK(found);
  }
}

TEST_CASE("Every problem of a session file is reported, not just the first") {
  const auto errors = errorsOf(fileWithEntries({
      R"({"t_s": 1, "kind": "decision", "decision": {"kind": "order_step"}})",
      R"({"t_s": 2, "kind": "mark", "mark": {"incident": "p", "step": "s", "mark": "great"}})",
  }));
  REQUIRE(errors.size() == 3);  // two missing keys in the first entry, a bad mark in the second
  CHECK(errors[0].find("entries[0].decision: missing key 'incident'") != std::string::npos);
  CHECK(errors[1].find("entries[0].decision: missing key 'step'") != std::string::npos);
  CHECK(errors[2].find("s.json:11:") != std::string::npos);
}

TEST_CASE("A byte order mark before a session file does not move the located lines") {
  const auto errors = errorsOf("\xEF\xBB\xBF" + fileWithEntries({}, "[]", "90000", "\"one\""));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].find("s.json:5:3: error: seed: expected a whole number >= 0") != std::string::npos);
}
