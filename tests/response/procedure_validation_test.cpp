// Structural checks of procedures: each mistake reported once, at its place, with the
// exact message users see.
#include "sim/response/procedure_validation.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "team_helpers.hpp"

using namespace irdrill;
using namespace irdrill::testing;

namespace {

response::TeamDef team() {
  response::TeamDef t;
  t.roles = {alwaysOn("lead", 1), alwaysOn("it", 2), alwaysOn("pr", 1)};
  return t;
}

core::SourceLocation loc(int line, int column) { return {"procedures.yaml", line, column}; }

// A step as the loader would build it: located, with its role and `after` entries located.
response::StepDef located(std::string id, std::string role, std::vector<std::string> after,
                          int line) {
  response::StepDef s = step(std::move(id), std::move(role), 600, std::move(after));
  s.where = loc(line, 7);
  s.roleWhere = loc(line + 1, 13);
  for (std::size_t i = 0; i < s.after.size(); ++i) {
    s.afterWhere.push_back(loc(line + 2, 15 + 10 * static_cast<int>(i)));
  }
  return s;
}

std::vector<std::string> messages(const response::ProcedureDef& p,
                                  const response::TeamDef& t = team()) {
  core::Diagnostics diagnostics;
  response::validateProcedure(p, t, diagnostics);
  std::vector<std::string> out;
  for (const auto& d : diagnostics.items()) out.push_back(core::formatDiagnostic(d));
  return out;
}

}  // namespace

TEST_CASE("A well-formed procedure gives no diagnostics") {
  const auto p = procedure("p", {located("a", "lead", {}, 3), located("b", "it", {"a"}, 7),
                                 located("c", "pr", {"a", "b"}, 11)});
  CHECK(messages(p).empty());
}

TEST_CASE("A procedure with no steps is an error at the procedure") {
  auto p = procedure("empty", {});
  p.where = loc(2, 3);
  CHECK(messages(p) ==
        std::vector<std::string>{"procedures.yaml:2:3: error: procedure 'empty' has no steps"});
}

TEST_CASE("A duplicate step id is reported at the second step, naming the first's place") {
  const auto p = procedure("p", {located("triage", "lead", {}, 3), located("fix", "it", {}, 7),
                                 located("triage", "lead", {}, 11)});
  CHECK(messages(p) == std::vector<std::string>{"procedures.yaml:11:7: error: duplicate step id "
                                                "'triage' (first at procedures.yaml:3:7)"});
}

TEST_CASE("A duplicate in a procedure built in code names the first step by position") {
  const auto p = procedure("p", {step("x", "lead", 60), step("x", "lead", 60)});
  CHECK(messages(p) ==
        std::vector<std::string>{"error: duplicate step id 'x' (first at step 1)"});
}

TEST_CASE("An unknown after step is reported at the entry, listing the other steps") {
  const auto p = procedure("p", {located("triage", "lead", {}, 3), located("analyse", "it", {}, 7),
                                 located("isolate", "it", {"analyse", "analyze"}, 11)});
  CHECK(messages(p) == std::vector<std::string>{
                           "procedures.yaml:13:25: error: unknown step 'analyze' (expected one "
                           "of: triage, analyse)"});
}

TEST_CASE("An unknown after step without an entry location is reported at the step") {
  auto s = located("isolate", "it", {}, 11);
  s.after = {"nothing"};  // no afterWhere
  const auto p = procedure("p", {s});
  CHECK(messages(p) ==
        std::vector<std::string>{"procedures.yaml:11:7: error: unknown step 'nothing' (the "
                                 "procedure has no other steps)"});
}

TEST_CASE("An unknown role is reported at the role value, listing the team's roles") {
  const auto p = procedure("p", {located("triage", "janitor", {}, 3)});
  CHECK(messages(p) == std::vector<std::string>{"procedures.yaml:4:13: error: unknown role "
                                                "'janitor' (expected one of: lead, it, pr)"});
  CHECK(messages(p, response::TeamDef{}) ==
        std::vector<std::string>{
            "procedures.yaml:4:13: error: unknown role 'janitor' (the team has no roles)"});
}

TEST_CASE("A step depending on itself is reported once, not as a cycle") {
  const auto p = procedure("p", {located("a", "lead", {}, 3), located("b", "it", {"a", "b"}, 7)});
  CHECK(messages(p) ==
        std::vector<std::string>{"procedures.yaml:9:25: error: step 'b' depends on itself"});
}

TEST_CASE("A dependency cycle is reported once, at its first step, naming the path") {
  // a comes after c, b after a, c after b: a -> b -> c -> a. d hangs off the cycle.
  const auto p = procedure("p", {located("start", "lead", {}, 3), located("a", "lead", {"c", "start"}, 7),
                                 located("b", "it", {"a"}, 11), located("c", "it", {"b"}, 15),
                                 located("d", "pr", {"c"}, 19)});
  CHECK(messages(p) ==
        std::vector<std::string>{"procedures.yaml:7:7: error: dependency cycle: a -> b -> c -> a"});
}

TEST_CASE("Two separate cycles are reported separately; steps sharing one group only once") {
  // x <-> y, and a group {p, q, r} with two cycles through it (p -> q -> p, p -> r -> q -> p).
  const auto p = procedure("p", {located("x", "lead", {"y"}, 3), located("y", "lead", {"x"}, 7),
                                 located("p", "it", {"q"}, 11), located("q", "it", {"p", "r"}, 15),
                                 located("r", "it", {"p"}, 19)});
  CHECK(messages(p) ==
        std::vector<std::string>{"procedures.yaml:3:7: error: dependency cycle: x -> y -> x",
                                 "procedures.yaml:11:7: error: dependency cycle: p -> q -> p"});
}

TEST_CASE("Several mistakes in one procedure are all reported, in written order") {
  const auto p = procedure("p", {located("a", "lead", {}, 3), located("b", "legal", {"a", "zz"}, 7),
                                 located("a", "it", {}, 11)});
  CHECK(messages(p) == std::vector<std::string>{
                           "procedures.yaml:8:13: error: unknown role 'legal' (expected one of: "
                           "lead, it, pr)",
                           "procedures.yaml:9:25: error: unknown step 'zz' (expected one of: a)",
                           "procedures.yaml:11:7: error: duplicate step id 'a' (first at "
                           "procedures.yaml:3:7)"});
}

TEST_CASE("A step with no id is an error at the step") {
  auto s = located("", "lead", {}, 3);
  const auto p = procedure("p", {s});
  CHECK(messages(p) == std::vector<std::string>{"procedures.yaml:3:7: error: step has no id"});
}
