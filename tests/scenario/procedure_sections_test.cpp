// The response side of a scenario file: duration distributions written as text, `team:`,
// `procedures:` with variants (`extends:`) expanded into full steps, `procedure_for:`, and
// the structural checks of response::validateProcedure reported with their locations.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "sim/scenario/duration_text.hpp"
#include "sim/scenario/scenario_loader.hpp"

using irdrill::scenario::loadScenarioFile;
using irdrill::scenario::loadScenarioString;
using irdrill::scenario::LoadResult;
using irdrill::scenario::parseDurationDist;
using irdrill::scenario::ScenarioDef;
namespace core = irdrill::core;
namespace response = irdrill::response;

namespace {

const std::string kGoodDir = std::string(IRDRILL_TEST_DATA_DIR) + "/scenarios/good";
const std::string kInlineName = kGoodDir + "/inline.yaml";

// An office and a team of two roles; what follows starts on line 3.
const char* const kBase =
    "office: {include: ../shared/small-office.yaml}\n"
    "team: {roles: [{id: lead}, {id: desk}]}\n";

LoadResult load(const std::string& yaml) { return loadScenarioString(yaml, kInlineName); }

std::vector<std::string> messages(const LoadResult& result) {
  const std::string prefix = kGoodDir + "/";
  std::vector<std::string> out;
  for (const auto& d : result.diagnostics.items()) {
    std::string text = core::formatDiagnostic(d);
    for (auto at = text.find(prefix); at != std::string::npos; at = text.find(prefix)) {
      text.erase(at, prefix.size());
    }
    out.push_back(text);
  }
  return out;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string all;
  for (const auto& line : lines) all += line + "\n";
  return all;
}

std::string onlyMessage(const std::string& yaml) {
  const auto lines = messages(load(std::string(kBase) + yaml));
  INFO(joined(lines));
  REQUIRE(lines.size() == 1);
  return lines[0];
}

ScenarioDef loadValid(const std::string& yaml) {
  const auto result = load(std::string(kBase) + yaml);
  INFO(joined(messages(result)));
  REQUIRE(result.scenario.has_value());
  return *result.scenario;
}

// One step whose duration is `text`, as a procedure file would write it (quoted).
std::string stepWithDuration(const std::string& text) {
  return "procedures: [{id: p, steps: [{id: s, role: lead, duration: \"" + text + "\"}]}]\n";
}

std::vector<std::string> stepIds(const response::ProcedureDef& procedure) {
  std::vector<std::string> ids;
  for (const auto& step : procedure.steps) ids.push_back(step.id);
  return ids;
}

constexpr double kHour = 3600;

}  // namespace

TEST_CASE("Durations are numbers with a unit s, m, h or d, possibly combined") {
  auto fixedS = [](const std::string& text) {
    const auto parsed = parseDurationDist(text);
    INFO(text << ": " << parsed.error);
    REQUIRE(parsed.value.has_value());
    CHECK(parsed.value->kind == core::DistributionKind::Fixed);
    return parsed.value->valueS;
  };
  CHECK(fixedS("45s") == 45);
  CHECK(fixedS("20m") == 1200);
  CHECK(fixedS("2.5h") == 2.5 * kHour);
  CHECK(fixedS("7d") == 7 * 24 * kHour);
  CHECK(fixedS("1h30m") == 1.5 * kHour);
  CHECK(fixedS("1h 30m") == 1.5 * kHour);
  CHECK(fixedS("3 d") == 3 * 24 * kHour);
  CHECK(fixedS(" 0s ") == 0);
  CHECK(fixedS("fixed(10m)") == 600);
}

TEST_CASE("Each distribution keeps its parameters in seconds") {
  auto dist = [](const std::string& text) {
    const auto parsed = parseDurationDist(text);
    INFO(text << ": " << parsed.error);
    REQUIRE(parsed.value.has_value());
    return *parsed.value;
  };
  const auto u = dist("uniform(10m, 30m)");
  CHECK(u.kind == core::DistributionKind::Uniform);
  CHECK(u.minS == 600);
  CHECK(u.maxS == 1800);
  const auto t = dist("triangular(10m,20m,1h)");
  CHECK(t.kind == core::DistributionKind::Triangular);
  CHECK(t.minS == 600);
  CHECK(t.modeS == 1200);
  CHECK(t.maxS == kHour);
  const auto l = dist("lognormal( 2h , 1h )");
  CHECK(l.kind == core::DistributionKind::Lognormal);
  CHECK(l.meanS == 2 * kHour);
  CHECK(l.sdS == kHour);
  const auto e = dist("exponential(30m)");
  CHECK(e.kind == core::DistributionKind::Exponential);
  CHECK(e.meanS == 1800);
  CHECK(dist("uniform(1h, 1h)").maxS == kHour);  // min == max is allowed
}

TEST_CASE("A bad duration text says what is wrong and where in the text") {
  auto problem = [](const std::string& text) {
    const auto parsed = parseDurationDist(text);
    REQUIRE_FALSE(parsed.value.has_value());
    return std::pair(parsed.error, parsed.errorOffset);
  };
  CHECK(problem("normal(1h, 2h)") ==
        std::pair(std::string("unknown distribution 'normal' (expected one of: fixed, uniform, "
                              "triangular, lognormal, exponential)"),
                  std::size_t{0}));
  CHECK(problem("20") == std::pair(std::string("missing unit in '20' (expected s, m, h or d)"),
                                   std::size_t{0}));
  CHECK(problem("uniform(10m, 30)") ==
        std::pair(std::string("missing unit in '30' (expected s, m, h or d)"), std::size_t{13}));
  CHECK(problem("1h30") ==
        std::pair(std::string("missing unit in '1h30' (expected s, m, h or d)"), std::size_t{2}));
  CHECK(problem("20min") ==
        std::pair(std::string("unknown unit 'min' in '20min' (expected s, m, h or d)"),
                  std::size_t{2}));
  CHECK(problem("triangular(10m, 5m, 1h)") ==
        std::pair(std::string("triangular needs min <= mode <= max, got (10m, 5m, 1h)"),
                  std::size_t{16}));
  CHECK(problem("triangular(10m, 50m, 30m)") ==
        std::pair(std::string("triangular needs min <= mode <= max, got (10m, 50m, 30m)"),
                  std::size_t{21}));
  CHECK(problem("uniform(30m, 10m)").second == 13);
  CHECK(problem("uniform(10m)").first ==
        "uniform takes 2 durations, uniform(min, max), got 1");
  CHECK(problem("lognormal(0s, 1h)").first == "lognormal needs a mean > 0, got 0s");
  CHECK(problem("lognormal(1h, 0s)").first ==
        "lognormal needs an sd > 0, got 0s (write a fixed duration for no spread)");
  CHECK(problem("exponential(0m)").first == "exponential needs a mean > 0, got 0m");
  CHECK(problem("uniform 10m, 20m").first == "expected '(' after 'uniform': write uniform(min, max)");
  CHECK(problem("uniform(10m, 20m").first == "missing ')' at the end of 'uniform(10m, 20m'");
  CHECK(problem("uniform(10m; 20m)").first == "expected ',' or ')' at '; 20m)'");
  CHECK(problem("20m later").first == "unexpected 'later' after the duration");
  CHECK(problem("-5m").first ==
        "expected a duration such as '20m' or a distribution such as 'uniform(10m, 30m)', got '-5m'");
  CHECK(problem("").first ==
        "expected a duration such as '20m' or a distribution such as 'uniform(10m, 30m)', got ''");
}

TEST_CASE("A duration error in a file points at the column inside the string") {
  // Line 3: `procedures: [{id: p, steps: [{id: s, role: lead, duration: "` is 60 columns,
  // so the text starts at column 61.
  CHECK(onlyMessage(stepWithDuration("normal(1h, 2h)")) ==
        "inline.yaml:3:61: error: unknown distribution 'normal' (expected one of: fixed, "
        "uniform, triangular, lognormal, exponential)");
  CHECK(onlyMessage(stepWithDuration("20")) ==
        "inline.yaml:3:61: error: missing unit in '20' (expected s, m, h or d)");
  CHECK(onlyMessage(stepWithDuration("triangular(10m, 5m, 1h)")) ==
        "inline.yaml:3:77: error: triangular needs min <= mode <= max, got (10m, 5m, 1h)");
  // Unquoted, the text starts at the value's own column.
  CHECK(onlyMessage("procedures: [{id: p, steps: [{id: s, role: lead, duration: 20}]}]\n") ==
        "inline.yaml:3:60: error: missing unit in '20' (expected s, m, h or d)");
  // Unquoted in a flow mapping, YAML cuts a distribution at its comma (and reads " 2h)" as a
  // key): the message about the duration says so, at the end of what YAML left of it.
  const auto cut = messages(load(std::string(kBase) +
                                 "procedures:\n  - id: p\n    steps:\n"
                                 "      - {id: s, role: lead, duration: uniform(1h, 2h)}\n"));
  REQUIRE(cut.size() == 2);
  CHECK(cut[0] == "inline.yaml:6:49: error: missing ')' at the end of 'uniform(1h' (quote "
                  "distributions: inside {...} or [...] an unquoted value ends at a comma)");
  CHECK(cut[1].starts_with("inline.yaml:6:51: error: unknown key '2h)'"));
  CHECK(onlyMessage("procedures: [{id: p, steps: [{id: s, role: lead, duration: [20m]}]}]\n") ==
        "inline.yaml:3:60: error: expected a duration such as '20m' or a distribution such as "
        "'uniform(10m, 30m)' for 'duration', got a list");
}

TEST_CASE("Team roles read their hours, working days, on-call and call-in delay") {
  const ScenarioDef def = loadValid(
      "procedures: []\n"
      "incidents: []\n");
  REQUIRE(def.team.roles.size() == 2);
  const auto& lead = def.team.roles[0];
  CHECK(lead.id == "lead");
  CHECK(lead.headCount == 1);
  CHECK(lead.workStartS == response::RoleDef{}.workStartS);
  CHECK(lead.workDaysMask == 0x1F);

  const auto result = load(
      "office: {include: ../shared/small-office.yaml}\n"
      "team:\n"
      "  roles:\n"
      "    - {id: night, title: Night desk, head_count: 3, hours: \"20:00-24:00\",\n"
      "       work_days: [sat, sun], on_call: false, on_call_delay: \"exponential(15m)\"}\n");
  INFO(joined(messages(result)));
  REQUIRE(result.scenario.has_value());
  const auto& night = result.scenario->team.roles.at(0);
  CHECK(night.title == "Night desk");
  CHECK(night.headCount == 3);
  CHECK(night.workStartS == 20 * kHour);
  CHECK(night.workEndS == 24 * kHour);
  CHECK(night.workDaysMask == 0x60u);  // bits 5 and 6: Saturday, Sunday
  CHECK_FALSE(night.onCall);
  CHECK(night.onCallDelay.kind == core::DistributionKind::Exponential);
  CHECK(night.onCallDelay.meanS == 900);
  CHECK(night.where.line == 4);
}

TEST_CASE("Bad team roles are located errors") {
  auto teamMessage = [](const std::string& role) {
    const auto lines = messages(load("office: {include: ../shared/small-office.yaml}\n"
                                     "team: {roles: [" + role + "]}\n"));
    INFO(joined(lines));
    REQUIRE(lines.size() == 1);
    return lines[0];
  };
  CHECK(teamMessage("{id: a, hours: \"18:00-09:00\"}") ==
        "inline.yaml:2:38: error: working hours must end after they start (for all day, write "
        "00:00-24:00)");
  CHECK(teamMessage("{id: a, hours: \"9 to 5\"}") ==
        "inline.yaml:2:31: error: expected working hours \"HH:MM-HH:MM\" for 'hours', got the "
        "text \"9 to 5\"");
  CHECK(teamMessage("{id: a, work_days: [mon, thursday]}") ==
        "inline.yaml:2:41: error: unknown work day 'thursday' (expected one of: mon, tue, wed, "
        "thu, fri, sat, sun)");
  CHECK(teamMessage("{id: a, head_count: 0}") ==
        "inline.yaml:2:36: error: 'head_count' must be in [1, 1000], got 0");
  CHECK(teamMessage("{id: a}, {id: a}") ==
        "inline.yaml:2:25: error: duplicate role id 'a' (first at inline.yaml:2:16)");
}

TEST_CASE("Steps read their role, duration, dependencies, conditions and effects with locations") {
  const ScenarioDef def = loadValid(
      "procedures:\n"
      "  - id: p\n"
      "    title: A procedure\n"
      "    steps:\n"
      "      - {id: a, title: First, role: lead, duration: \"uniform(1h, 2h)\",\n"
      "         when: [leak_confirmed, \"not encrypted\"], effects: [isolate_network, patch]}\n"
      "      - {id: b, role: desk, after: [a]}\n");
  REQUIRE(def.procedures.contains("p"));
  const auto& p = def.procedures.at("p");
  CHECK(p.title == "A procedure");
  CHECK(p.referenceId == "p");  // not a variant: judged against itself
  REQUIRE(p.steps.size() == 2);
  const auto& a = p.steps[0];
  CHECK(a.title == "First");
  CHECK(a.role == "lead");
  CHECK(a.duration.kind == core::DistributionKind::Uniform);
  REQUIRE(a.when.size() == 2);
  CHECK(a.when[0].condition == response::Condition::LeakConfirmed);
  CHECK_FALSE(a.when[0].negated);
  CHECK(a.when[1].condition == response::Condition::Encrypted);
  CHECK(a.when[1].negated);
  CHECK(a.effects == std::vector{response::Effect::IsolateNetwork, response::Effect::Patch});
  CHECK(a.where.line == 7);
  CHECK(a.roleWhere.line == 7);
  CHECK(a.roleWhere.column == 37);
  const auto& b = p.steps[1];
  CHECK(b.duration.valueS == response::StepDef{}.duration.valueS);  // the default
  CHECK(b.after == std::vector<std::string>{"a"});
  REQUIRE(b.afterWhere.size() == 1);
  CHECK(b.afterWhere[0].line == 9);
  CHECK(b.afterWhere[0].column == 37);
}

TEST_CASE("Unknown conditions and effects list the valid names, at the name") {
  CHECK(onlyMessage("procedures: [{id: p, steps: [{id: s, role: lead, "
                    "when: [\"not encryptd\"]}]}]\n") ==
        "inline.yaml:3:62: error: unknown condition 'encryptd' (expected one of: leak_confirmed, "
        "unauthorized_access, human_error, item_missing, personal_data, encrypted, "
        "attack_ongoing, site_affected, cause_known)");
  CHECK(onlyMessage("procedures: [{id: p, steps: [{id: s, role: lead, effects: [wipe]}]}]\n") ==
        "inline.yaml:3:60: error: unknown effect 'wipe' (expected one of: isolate_network, "
        "shut_site, revoke_credentials, remote_wipe, reset_passwords, patch, take_backups, "
        "restore, notify_users, report_authority, involve_police, publish_statement, "
        "search_item, investigate)");
}

TEST_CASE("Procedures are checked against the team once read: roles, dependencies, cycles") {
  CHECK(onlyMessage("procedures: [{id: p, steps: [{id: s, role: boss}]}]\n") ==
        "inline.yaml:3:44: error: unknown role 'boss' (expected one of: lead, desk)");
  CHECK(onlyMessage("procedures: [{id: p, steps: [{id: s, role: lead, after: [t]}]}]\n") ==
        "inline.yaml:3:58: error: unknown step 't' (the procedure has no other steps)");
  CHECK(onlyMessage("procedures:\n  - id: p\n    steps:\n"
                    "      - {id: a, role: lead, after: [b]}\n"
                    "      - {id: b, role: lead, after: [a]}\n") ==
        "inline.yaml:6:9: error: dependency cycle: a -> b -> a");
  // A step that failed to read is not checked again (no "unknown role" for a bad role value).
  CHECK(onlyMessage("procedures: [{id: p, steps: [{id: s, role: [lead]}]}]\n") ==
        "inline.yaml:3:44: error: expected an id (letters, digits, '-' and '_') for 'role', got "
        "a list");
}

TEST_CASE("Procedure ids are unique and a base procedure needs steps") {
  CHECK(onlyMessage("procedures:\n  - {id: p, steps: [{id: s, role: lead}]}\n"
                    "  - {id: p, steps: [{id: s, role: lead}]}\n") ==
        "inline.yaml:5:5: error: duplicate procedure id 'p' (first at inline.yaml:4:5)");
  CHECK(onlyMessage("procedures: [{id: p}]\n") ==
        "inline.yaml:3:14: error: missing required key 'steps' in procedure");
  CHECK(onlyMessage("procedures: [{id: p, steps: []}]\n") ==
        "inline.yaml:3:14: error: procedure 'p' has no steps");
}

TEST_CASE("A variant expands into its base's steps with replacements, removals and additions") {
  const ScenarioDef def = loadValid(
      "procedures:\n"
      "  - id: base\n"
      "    steps:\n"
      "      - {id: a, role: lead, duration: 1h}\n"
      "      - {id: b, role: lead, after: [a], effects: [investigate]}\n"
      "      - {id: c, role: desk, after: [b], when: [cause_known]}\n"
      "      - {id: d, role: desk, after: [c]}\n"
      "  - id: variant\n"
      "    title: Variant\n"
      "    extends: base\n"
      "    replace_steps:\n"
      "      - {id: c, role: lead, effects: [patch]}\n"
      "    remove_steps: [b]\n"
      "    add_steps:\n"
      "      - {id: first, role: desk, before: a}\n"
      "      - {id: last, role: desk, after: [d]}\n"
      "  - {id: variant2, extends: variant, remove_steps: [first]}\n");
  const auto& base = def.procedures.at("base");
  CHECK(stepIds(base) == std::vector<std::string>{"a", "b", "c", "d"});
  const auto& variant = def.procedures.at("variant");
  CHECK(variant.title == "Variant");
  CHECK(variant.referenceId == "base");
  CHECK(stepIds(variant) == std::vector<std::string>{"first", "a", "c", "d", "last"});
  const auto& c = variant.steps[2];
  CHECK(c.role == "lead");  // replaced
  CHECK(c.roleWhere.line == 14);
  CHECK(c.effects == std::vector{response::Effect::Patch});
  REQUIRE(c.when.size() == 1);  // kept from the base
  CHECK(c.when[0].condition == response::Condition::CauseKnown);
  // b waited for a and c for b: without b, c waits for a.
  CHECK(c.after == std::vector<std::string>{"a"});
  CHECK(variant.steps[1].duration.valueS == kHour);
  // A variant of a variant is judged against the procedure at the root.
  const auto& variant2 = def.procedures.at("variant2");
  CHECK(variant2.referenceId == "base");
  CHECK(stepIds(variant2) == std::vector<std::string>{"a", "c", "d", "last"});
}

TEST_CASE("A variant's mistakes are located errors naming the base procedure") {
  const std::string base = "procedures:\n  - {id: base, steps: [{id: a, role: lead}]}\n";
  // The variant is on line 5.
  CHECK(onlyMessage(base + "  - {id: v, extends: bse}\n") ==
        "inline.yaml:5:22: error: procedure 'v' extends unknown procedure 'bse' (expected one of: "
        "base)");
  CHECK(onlyMessage(base + "  - {id: v, extends: base, replace_steps: [{id: b, role: desk}]}\n") ==
        "inline.yaml:5:49: error: procedure 'base' has no step 'b' to replace (expected one of: a)");
  CHECK(onlyMessage(base + "  - {id: v, extends: base, remove_steps: [b]}\n") ==
        "inline.yaml:5:43: error: procedure 'base' has no step 'b' to remove (expected one of: a)");
  CHECK(onlyMessage(base + "  - {id: v, extends: base, add_steps: [{id: a, role: desk}]}\n") ==
        "inline.yaml:5:40: error: step 'a' is already in procedure 'base'; change it with "
        "replace_steps");
  CHECK(onlyMessage(base + "  - {id: v, extends: base, add_steps: [{id: b, role: desk, "
                           "before: z}]}\n") ==
        "inline.yaml:5:68: error: unknown step 'z' for 'before' (expected one of: a)");
  CHECK(onlyMessage(base + "  - {id: v, extends: base, steps: []}\n") ==
        "inline.yaml:5:35: error: procedure 'v' extends another, so it gives replace_steps, "
        "remove_steps and add_steps, not steps");
  CHECK(onlyMessage(base + "  - {id: v, steps: [{id: a, role: lead}], remove_steps: [a]}\n") ==
        "inline.yaml:5:57: error: 'remove_steps' needs 'extends' (the procedure whose steps it "
        "changes)");
  CHECK(onlyMessage(base + "  - {id: v, extends: v}\n") ==
        "inline.yaml:5:22: error: procedure 'v' extends itself");
  CHECK(onlyMessage(base + "  - {id: v, extends: w}\n  - {id: w, extends: v}\n") ==
        "inline.yaml:6:22: error: 'extends' cycle: v -> w -> v");
  // A replacement that makes a cycle is reported at the replacing entry.
  CHECK(onlyMessage("procedures:\n"
                    "  - {id: base, steps: [{id: a, role: lead}, {id: b, role: lead, after: [a]}]}\n"
                    "  - {id: v, extends: base, replace_steps: [{id: a, after: [b]}]}\n") ==
        "inline.yaml:5:44: error: dependency cycle: a -> b -> a");
}

TEST_CASE("A mistake in a base procedure is reported once, not again for its variants") {
  CHECK(onlyMessage("procedures:\n"
                    "  - {id: base, steps: [{id: a, role: boss}]}\n"
                    "  - {id: v, extends: base, remove_steps: []}\n") ==
        "inline.yaml:4:38: error: unknown role 'boss' (expected one of: lead, desk)");
}

TEST_CASE("procedure_for names an existing procedure for each incident kind") {
  const ScenarioDef def = loadValid(
      "procedures: [{id: p, steps: [{id: s, role: lead}]}]\n"
      "procedure_for: {lost_item: p, insider: p}\n");
  CHECK(def.procedureForKind == std::array<std::string, 4>{"p", "", "", "p"});
  CHECK(onlyMessage("procedures: [{id: p, steps: [{id: s, role: lead}]}]\n"
                    "procedure_for: {theft: q}\n") ==
        "inline.yaml:4:24: error: unknown procedure 'q' for theft incidents (expected one of: p)");
  CHECK(onlyMessage("procedure_for: {burglary: p}\n")
            .starts_with("inline.yaml:3:17: error: unknown key 'burglary' (expected one of: "
                         "lost_item, theft, cyber_intrusion, insider)"));
}
