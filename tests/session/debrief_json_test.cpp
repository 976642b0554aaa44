// The debrief in session files (docs/session-format.md#debrief): participants, objectives,
// discussion answers and the improvement plan survive a write and a read unchanged,
// Japanese free text included; a session without a debrief is written without the key (old
// files stay byte for byte as they were); malformed debriefs are refused, located.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

#include "sim/core/diagnostics.hpp"
#include "sim/session/debrief_notes.hpp"
#include "sim/session/session.hpp"

namespace core = irdrill::core;
using irdrill::session::DebriefNotes;
using irdrill::session::ObjectiveRating;
using irdrill::session::SessionDef;
using irdrill::session::sessionFromJson;
using irdrill::session::sessionToJson;

namespace {

std::string readText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

SessionDef withDebrief() {
  SessionDef s;
  s.scenarioPath = "../../../scenarios/phishing-exfiltration.yaml";
  s.scenarioHash = "fnv1a64:0123456789abcdef";
  s.seed = 1;
  s.lastUs = 10 * core::kUsPerHour;
  DebriefNotes& d = s.debrief;
  d.exerciseDate = "2026-12-03";
  d.facilitator = "佐藤 花子";
  d.participants = {{"Aiko Tanaka", "IT lead", "情報システム部"}, {"Ben \"BJ\" Jones", "CISO", "Security\\Risk"}};
  d.objectives = {{"Contain within 4 h of detection", ObjectiveRating::SomeChallenges, "isolation late"},
                  {"報告期限を守る", ObjectiveRating::Performed, ""},
                  {"Not rated yet", ObjectiveRating::NotRated, ""}};
  d.discussion = {{9 * core::kUsPerHour + 500'000, "Who do you call first?", "まずCISOに電話する\nthen legal"}};
  d.improvements = {{"Isolation waited for the analysis", "Isolate first, analyse after", "unauthorized-access",
                     "IT lead", "2027-01-31"},
                    {"連絡網が古い", "連絡網を更新する", "", "総務部", "来月末"}};
  return s;
}

}  // namespace

TEST_CASE("A debrief with Japanese free text survives a write and a read unchanged") {
  const SessionDef original = withDebrief();
  const std::string text = sessionToJson(original);
  core::Diagnostics diagnostics;
  const auto read = sessionFromJson(text, "s.json", diagnostics);
  REQUIRE_FALSE(diagnostics.hasErrors());
  REQUIRE(read);
  const DebriefNotes& d = read->debrief;
  CHECK(d.exerciseDate == "2026-12-03");
  CHECK(d.facilitator == "佐藤 花子");
  REQUIRE(d.participants.size() == 2);
  CHECK(d.participants[0].organisation == "情報システム部");
  CHECK(d.participants[1].name == "Ben \"BJ\" Jones");
  CHECK(d.participants[1].organisation == "Security\\Risk");
  REQUIRE(d.objectives.size() == 3);
  CHECK(d.objectives[0].rating == ObjectiveRating::SomeChallenges);
  CHECK(d.objectives[1].objective == "報告期限を守る");
  CHECK(d.objectives[1].rating == ObjectiveRating::Performed);
  CHECK(d.objectives[2].rating == ObjectiveRating::NotRated);
  REQUIRE(d.discussion.size() == 1);
  CHECK(d.discussion[0].atUs == 9 * core::kUsPerHour + 500'000);
  CHECK(d.discussion[0].answer == "まずCISOに電話する\nthen legal");
  REQUIRE(d.improvements.size() == 2);
  CHECK(d.improvements[0].correctiveAction == "Isolate first, analyse after");
  CHECK(d.improvements[0].capability == "unauthorized-access");
  CHECK(d.improvements[1].owner == "総務部");
  CHECK(d.improvements[1].dueDate == "来月末");
  // Written again, the text is the same: nothing is lost or reordered.
  CHECK(sessionToJson(*read) == text);
  // Japanese is written as UTF-8, not as \u escapes, so the file diffs and reads well.
  CHECK(text.find("情報システム部") != std::string::npos);
}

TEST_CASE("A session without a debrief has no debrief key, and a golden session file reads with an empty one") {
  SessionDef plain = withDebrief();
  plain.debrief = {};
  CHECK(sessionToJson(plain).find("debrief") == std::string::npos);

  const std::string path = std::string(IRDRILL_TEST_DATA_DIR) + "/sessions/phishing-early-isolate.session.json";
  const std::string text = readText(path);
  REQUIRE_FALSE(text.empty());
  core::Diagnostics diagnostics;
  const auto read = sessionFromJson(text, path, diagnostics);
  REQUIRE(read);
  CHECK(read->debrief.empty());
  CHECK(sessionToJson(*read) == text);
}

TEST_CASE("A malformed debrief is refused with located messages naming the field") {
  const std::string text = R"({
  "format": "irdrill-session/1",
  "scenario": "x.yaml",
  "scenario_hash": "fnv1a64:0123456789abcdef",
  "seed": 1,
  "debrief": {
    "facilitator": 7,
    "participants": [{"name": "A", "role": "IT"}],
    "objectives": [{"objective": "B", "rating": "good"}],
    "discussion": [{"prompt": "?", "answer": "!"}],
    "improvements": {"issue": "x"},
    "notes": ""
  },
  "entries": []
})";
  core::Diagnostics diagnostics;
  CHECK_FALSE(sessionFromJson(text, "s.json", diagnostics));
  std::string all;
  for (const auto& d : diagnostics.items()) all += core::formatDiagnostic(d) + "\n";
  INFO(all);
  CHECK(all.find("s.json:7:5: error: debrief.facilitator: expected a string, got a number\n") != std::string::npos);
  CHECK(all.find("s.json:8:36: error: debrief.participants[0].role: unknown key 'role' (expected one of: name, "
                 "seat, organisation)\n") != std::string::npos);
  CHECK(all.find("s.json:9:39: error: debrief.objectives[0].rating: unknown rating 'good' (expected one of: "
                 "not_rated, performed, some_challenges, major_challenges, unable)\n") != std::string::npos);
  CHECK(all.find("s.json:10:20: error: debrief.discussion[0]: missing key 't_s'\n") != std::string::npos);
  CHECK(all.find("s.json:11:5: error: debrief.improvements: expected a list, got an object\n") != std::string::npos);
  CHECK(all.find("s.json:12:5: error: debrief.notes: unknown key 'notes' (expected one of: exercise_date, "
                 "facilitator, participants, objectives, discussion, improvements)\n") != std::string::npos);
}
