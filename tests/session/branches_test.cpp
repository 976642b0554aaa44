// The branch tree of a session (sim/session/branches.hpp): logs of branches from the
// start, forking, switching and renaming, the JSON "branches" part round-tripped, old
// files without it still read, and every malformed tree refused at its place.
#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>
#include <vector>

#include "sim/session/branches.hpp"

namespace core = irdrill::core;
namespace exercise = irdrill::exercise;
namespace session = irdrill::session;
using session::SessionDef;
using session::SessionEntry;

namespace {

SessionEntry orderAt(core::TimeUs atUs, const std::string& step) {
  SessionEntry e;
  e.atUs = atUs;
  e.kind = SessionEntry::Kind::Decision;
  e.decision.kind = exercise::DecisionKind::OrderStep;
  e.decision.incident = "phishing";
  e.decision.step = step;
  e.decision.seat = "IT lead";
  e.decision.rationale = "分岐 " + step;
  return e;
}

SessionDef threeEntries() {
  SessionDef s;
  s.scenarioPath = "x.yaml";
  s.scenarioHash = "fnv1a64:0000000000000001";
  s.seed = 7;
  s.entries = {orderAt(100 * core::kUsPerSecond, "a"), orderAt(200 * core::kUsPerSecond, "b"),
               orderAt(300 * core::kUsPerSecond, "c")};
  s.lastUs = 400 * core::kUsPerSecond;
  return s;
}

std::vector<std::string> steps(const std::vector<SessionEntry>& log) {
  std::vector<std::string> out;
  for (const auto& e : log) out.push_back(e.decision.step);
  return out;
}

SessionDef roundTrip(const SessionDef& s) {
  core::Diagnostics diagnostics;
  const auto back = session::sessionFromJson(session::sessionToJson(s), "s.json", diagnostics);
  INFO(session::sessionToJson(s));
  for (const auto& d : diagnostics.items()) INFO(d.message);
  REQUIRE(back);
  return *back;
}

std::string errors(const std::string& text) {
  core::Diagnostics diagnostics;
  const auto back = session::sessionFromJson(text, "s.json", diagnostics);
  CHECK_FALSE(back);
  REQUIRE_FALSE(diagnostics.items().empty());
  // Every message, one a line: a change may break more than one rule.
  std::string all;
  for (const auto& d : diagnostics.items()) all += core::formatDiagnostic(d) + "\n";
  return all;
}

}  // namespace

TEST_CASE("A session that never forked has one root branch whose log is its entries") {
  const SessionDef s = threeEntries();
  const auto branches = session::listBranches(s);
  REQUIRE(branches.size() == 1);
  CHECK(branches[0].name == session::kRootBranchName);
  CHECK(branches[0].current);
  CHECK(branches[0].entryCount == 3);
  CHECK(steps(session::branchLog(s, "branch 1")) == std::vector<std::string>{"a", "b", "c"});
  CHECK_THROWS_AS(session::branchLog(s, "nope"), std::invalid_argument);
  // Written without the branch keys: old readers and old files stay as they were.
  CHECK(session::sessionToJson(s).find("branches") == std::string::npos);
}

TEST_CASE("Forking keeps the parent's log and starts the fork from its kept prefix") {
  SessionDef s = threeEntries();
  const std::string name = session::forkCurrentBranch(s, 1, 150 * core::kUsPerSecond);
  CHECK(name == "branch 2");
  CHECK(session::currentBranchName(s) == "branch 2");
  CHECK(steps(s.entries) == std::vector<std::string>{"a"});
  CHECK(s.lastUs == 150 * core::kUsPerSecond);
  s.entries.push_back(orderAt(160 * core::kUsPerSecond, "x"));
  s.lastUs = 165 * core::kUsPerSecond;
  CHECK(steps(session::branchLog(s, "branch 1")) == std::vector<std::string>{"a", "b", "c"});
  CHECK(steps(session::branchLog(s, "branch 2")) == std::vector<std::string>{"a", "x"});
  CHECK(session::branchLastUs(s, "branch 1") == 400 * core::kUsPerSecond);

  SECTION("a fork of a fork reads through both parents") {
    const std::string third = session::forkCurrentBranch(s, 2, 170 * core::kUsPerSecond);
    CHECK(third == "branch 3");
    s.entries.push_back(orderAt(180 * core::kUsPerSecond, "y"));
    CHECK(steps(session::branchLog(s, "branch 3")) == std::vector<std::string>{"a", "x", "y"});
    const auto list = session::listBranches(s);
    REQUIRE(list.size() == 3);
    CHECK(list[2].parent == "branch 2");
    CHECK(list[2].entryCount == 3);
    CHECK(list[1].entryCount == 2);
  }
  SECTION("switching makes another branch's log the entries, and back") {
    session::switchBranch(s, "branch 1");
    CHECK(steps(s.entries) == std::vector<std::string>{"a", "b", "c"});
    CHECK(s.lastUs == 400 * core::kUsPerSecond);
    CHECK(steps(session::branchLog(s, "branch 2")) == std::vector<std::string>{"a", "x"});
    session::switchBranch(s, "branch 2");
    CHECK(steps(s.entries) == std::vector<std::string>{"a", "x"});
    CHECK(s.lastUs == 165 * core::kUsPerSecond);
    CHECK_THROWS_AS(session::switchBranch(s, "branch 9"), std::invalid_argument);
  }
  SECTION("renaming follows the parent links; empty and taken names are refused") {
    CHECK_FALSE(session::renameBranch(s, "branch 1", "isolate first"));
    CHECK(session::listBranches(s)[1].parent == "isolate first");
    CHECK(session::renameBranch(s, "branch 2", "isolate first"));
    CHECK(session::renameBranch(s, "branch 2", ""));
    CHECK(session::renameBranch(s, "branch 7", "z"));
    CHECK_FALSE(session::renameBranch(s, "branch 2", "call the CSIRT"));
    CHECK(session::currentBranchName(s) == "call the CSIRT");
  }
  SECTION("a fork point outside the log or before its kept entry is refused") {
    CHECK_THROWS_AS(session::forkCurrentBranch(s, 3, 500 * core::kUsPerSecond), std::invalid_argument);
    CHECK_THROWS_AS(session::forkCurrentBranch(s, 2, 150 * core::kUsPerSecond), std::invalid_argument);
    CHECK_THROWS_AS(session::forkCurrentBranch(s, 1, 150 * core::kUsPerSecond, "branch 1"), std::invalid_argument);
  }
}

TEST_CASE("The branch tree survives a write and a read, whichever branch is current") {
  SessionDef s = threeEntries();
  session::forkCurrentBranch(s, 2, 250 * core::kUsPerSecond);
  s.entries.push_back(orderAt(260 * core::kUsPerSecond, "x"));
  s.lastUs = 270 * core::kUsPerSecond;
  session::renameBranch(s, "branch 2", "早期隔離");
  for (const char* current : {"早期隔離", "branch 1"}) {
    session::switchBranch(s, current);
    const SessionDef back = roundTrip(s);
    CHECK(session::sessionToJson(back) == session::sessionToJson(s));
    CHECK(back.currentBranch == current);
    for (const char* name : {"早期隔離", "branch 1"}) {
      CHECK(session::branchLog(back, name) == session::branchLog(s, name));
      CHECK(session::branchLastUs(back, name) == session::branchLastUs(s, name));
    }
  }
}

TEST_CASE("A malformed branch tree is refused at its place") {
  SessionDef s = threeEntries();
  session::forkCurrentBranch(s, 2, 250 * core::kUsPerSecond);
  s.entries.push_back(orderAt(260 * core::kUsPerSecond, "x"));
  s.lastUs = 270 * core::kUsPerSecond;
  const std::string good = session::sessionToJson(s);
  const auto replaced = [&](const std::string& from, const std::string& to) {
    std::string text = good;
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
  };
  CHECK(errors(replaced("\"branch\": \"branch 2\"", "\"branch\": \"branch 5\"")).find(
            "no branch 'branch 5' in \"branches\" (expected one of: branch 1, branch 2)") != std::string::npos);
  CHECK(errors(replaced("\"fork_entries\":2", "\"fork_entries\":4")).find(
            "branches[1].fork_entries: 4 entries kept, but branch 'branch 1' has 3") != std::string::npos);
  CHECK(errors(replaced("\"parent\":\"branch 1\"", "\"parent\":\"branch 3\"")).find(
            "branches[1].parent: no branch 'branch 3' listed before this one") != std::string::npos);
  CHECK(errors(replaced("\"name\":\"branch 1\"", "\"name\":\"branch 2\"")).find("listed twice") !=
        std::string::npos);
  CHECK(errors(replaced("\"fork_t_s\":250", "\"fork_t_s\":150")).find(
            "branches[1].fork_t_s: d0 00:02:30 is before the last kept entry's d0 00:03:20") != std::string::npos);
  // The kept part of the current branch's log (the top-level entries) must be its parent's.
  CHECK(errors(replaced("\"step\":\"b\"", "\"step\":\"q\"")).find(
            "entries: the first 2 entries of the current branch 'branch 2' differ from its parent's") !=
        std::string::npos);
  const std::string located = errors(replaced("\"branch\": \"branch 2\",\n", ""));
  CHECK(located.find("s.json:") == 0);
  CHECK(located.find("\"branch\" and \"branches\" come together") != std::string::npos);
}
