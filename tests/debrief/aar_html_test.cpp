// The after-action report (sim/debrief/aar_build.hpp, aar_html.hpp) of the golden session
// tests/data/sessions/phishing-hot-wash.session.json: every HSEEP section with its heading,
// the rows that come from the session (participants, objectives, marks, decisions,
// discussion, improvement plan) and from the replayed exercise (milestones, score, ledger),
// in English and in Japanese; the HTML is well formed (tags balanced), self-contained, and
// free text from the session is escaped. Branches and what-if sections appear when asked.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "sim/core/diagnostics.hpp"
#include "sim/debrief/aar_build.hpp"
#include "sim/session/branches.hpp"
#include "sim/session/live_session.hpp"
#include "sim/session/session_file.hpp"

namespace core = irdrill::core;
namespace debrief = irdrill::debrief;
namespace session = irdrill::session;
namespace text = irdrill::text;

namespace {

const std::string kSessionPath = std::string(IRDRILL_TEST_DATA_DIR) + "/sessions/phishing-hot-wash.session.json";

struct Loaded {
  session::SessionDef session;
  std::shared_ptr<const irdrill::scenario::ScenarioDef> scenario;
};

// The golden session and its scenario as it is now (the hash is pinned by the replay
// goldens, not here: this test is about the report's structure).
Loaded loadGolden() {
  core::Diagnostics diagnostics;
  auto read = session::readSessionFile(kSessionPath, diagnostics);
  REQUIRE(read);
  Loaded out{*read, nullptr};
  session::SessionDef header = *read;
  header.scenarioHash.clear();
  const auto loaded = session::loadSessionScenario(header, std::string(IRDRILL_TEST_DATA_DIR) + "/sessions");
  REQUIRE_FALSE(loaded.diagnostics.hasErrors());
  out.scenario = loaded.scenario;
  return out;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// Every element that must be closed is closed as often as opened (void elements and SVG
// self-closing tags aside), and nesting never goes below zero.
void requireBalancedTags(const std::string& html) {
  const std::vector<std::string> voids = {"meta", "br", "hr", "img", "input", "link", "col", "wbr", "!DOCTYPE"};
  std::vector<std::string> stack;
  std::size_t at = 0;
  while ((at = html.find('<', at)) != std::string::npos) {
    const std::size_t end = html.find('>', at);
    REQUIRE(end != std::string::npos);
    std::string tag = html.substr(at + 1, end - at - 1);
    at = end + 1;
    if (tag.empty() || tag.back() == '/') continue;  // <rect .../>
    const bool closing = tag.front() == '/';
    if (closing) tag.erase(0, 1);
    const std::string name = tag.substr(0, tag.find_first_of(" \n\t"));
    if (std::find(voids.begin(), voids.end(), name) != voids.end()) continue;
    if (closing) {
      INFO("closing </" << name << "> with open: " << (stack.empty() ? std::string("nothing") : stack.back()));
      REQUIRE_FALSE(stack.empty());
      REQUIRE(stack.back() == name);
      stack.pop_back();
    } else {
      stack.push_back(name);
    }
  }
  INFO("left open: " << (stack.empty() ? std::string() : stack.back()));
  CHECK(stack.empty());
}

}  // namespace

TEST_CASE("The after-action report of the golden session has every HSEEP section and the session's rows") {
  const Loaded golden = loadGolden();
  debrief::AarOptions options;
  options.scenarioFile = golden.session.scenarioPath;
  const debrief::AarResult report = debrief::buildAfterActionReport(golden.scenario, golden.session, options);
  const std::string& html = report.html;
  CHECK(report.entriesRefused == 0);
  CHECK(report.branches == 0);

  // Sections in HSEEP order, numbered.
  const std::vector<std::string> headings = {
      "<h2>1. Exercise overview</h2>", "<h2>2. Objectives</h2>",       "<h2>3. Incident timelines</h2>",
      "<h2>4. Analysis of procedures</h2>", "<h2>5. Decision journal</h2>", "<h2>6. Discussion</h2>",
      "<h2>7. Score and ledger</h2>",  "<h2>8. Improvement plan</h2>"};
  std::size_t previous = 0;
  for (const auto& heading : headings) {
    INFO(heading);
    const std::size_t at = html.find(heading);
    REQUIRE(at != std::string::npos);
    CHECK(at > previous);
    previous = at;
  }
  CHECK(html.find("Branches explored") == std::string::npos);  // the session never forked
  CHECK(html.find("What usually happens") == std::string::npos);

  // Overview: date, facilitator, participants as entered (escaped), the moment covered.
  CHECK(html.find("<dd>2026-12-03</dd>") != std::string::npos);
  CHECK(html.find("佐藤 花子 (Hanako Sato)") != std::string::npos);
  CHECK(html.find("<td>Ben Jones</td><td>CISO</td><td>Security &amp; Risk &lt;HQ&gt;</td>") != std::string::npos);
  CHECK(html.find("<td>情報システム部</td>") != std::string::npos);
  CHECK(html.find("from the start to d3 00:00:00") != std::string::npos);
  // Objectives with the ratings.
  CHECK(html.find("S: performed with some challenges") != std::string::npos);
  CHECK(html.find("個人情報漏えいの報告期限を守る") != std::string::npos);
  // Timeline: one SVG for the one incident, with its milestones.
  CHECK(count(html, "<svg") == 1);
  CHECK(html.find("detected d2 16:12:04") != std::string::npos);
  CHECK(html.find("contained d2 17:17:56") != std::string::npos);
  // Analysis: marks with notes; strengths from met, areas for improvement from partly / not met.
  CHECK(html.find("class=\"mark m-met\">met</td><td>confirmed within the hour</td>") != std::string::npos);
  CHECK(html.find("class=\"mark m-partly\">partly met</td>") != std::string::npos);
  CHECK(html.find("class=\"mark m-not_met\">not met</td><td>no analysis plan</td>") != std::string::npos);
  const std::size_t strengths = html.find("<h4>Strengths</h4>");
  const std::size_t improvements = html.find("<h4>Areas for improvement</h4>");
  REQUIRE(strengths != std::string::npos);
  REQUIRE(improvements != std::string::npos);
  const std::string strengthList = html.substr(strengths, improvements - strengths);
  CHECK(strengthList.find("隔離は迅速") != std::string::npos);
  CHECK(strengthList.find("no analysis plan") == std::string::npos);
  CHECK(html.find("no analysis plan (not met)", improvements) != std::string::npos);
  // Decision journal: time, seat, what, rationale (Japanese kept), applied.
  CHECK(html.find("<td class=\"num\">d2 16:30:00</td><td>IT lead</td><td><code>order_step phishing / isolate</code>") !=
        std::string::npos);
  CHECK(html.find("解析より先にネットワークを隔離する。</td><td>applied</td>") != std::string::npos);
  // Discussion answers.
  CHECK(html.find("What does the team know? Who do you call first?") != std::string::npos);
  CHECK(html.find("まず CISO に連絡する。") != std::string::npos);
  // Score as of the session's clock and its largest ledger lines.
  CHECK(html.find("Score: <strong>") != std::string::npos);
  CHECK(html.find("<code>time_to_contain</code>") != std::string::npos);
  // Improvement plan: every column, both rows.
  CHECK(html.find("<th>Corrective action</th>") != std::string::npos);
  CHECK(html.find("<td>Put the security on-call number on the IT desk card</td><td>IT lead</td><td class=\"nowrap\">2027-01-31</td>") !=
        std::string::npos);
  CHECK(html.find("<td>解析手順を事前に用意する</td><td>情報システム部</td><td class=\"nowrap\">2027-03-31</td>") != std::string::npos);

  // No text from the catalogue is missing, nothing is loaded from outside, tags balance.
  CHECK(html.find(text::kMissingText) == std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<link") == std::string::npos);
  CHECK(html.find("src=") == std::string::npos);
  requireBalancedTags(html);
  // Print rules: A4 pages, a page break before each section, rows never cut.
  CHECK(html.find("@page { size: A4;") != std::string::npos);
  CHECK(html.find("section { break-before: page; }") != std::string::npos);
}

TEST_CASE("The after-action report in Japanese has the Japanese headings and no missing text") {
  const Loaded golden = loadGolden();
  debrief::AarOptions options;
  options.language = text::Language::Japanese;
  const std::string html = debrief::buildAfterActionReport(golden.scenario, golden.session, options).html;
  CHECK(html.find("<html lang=\"ja\">") != std::string::npos);
  for (const std::string heading : {"1. 演習の概要", "2. 目標", "3. インシデントの経過", "4. 手順の分析",
                                    "5. 意思決定の記録", "6. 討議", "7. 得点と内訳", "8. 改善計画"}) {
    INFO(heading);
    CHECK(html.find("<h2>" + heading + "</h2>") != std::string::npos);
  }
  CHECK(html.find("<h4>良かった点</h4>") != std::string::npos);
  CHECK(html.find(text::kMissingText) == std::string::npos);
  CHECK(html.find("Noto Sans CJK JP") != std::string::npos);
  requireBalancedTags(html);
}

TEST_CASE("The report covers the moment asked: at the end the incident is recovered and the score is final") {
  const Loaded golden = loadGolden();
  debrief::AarOptions options;
  options.untilUs = core::secondsToUs(golden.scenario->horizonS);
  const std::string atEnd = debrief::buildAfterActionReport(golden.scenario, golden.session, options).html;
  CHECK(atEnd.find("recovered d3 19:21:45") != std::string::npos);
  const std::string atSession = debrief::buildAfterActionReport(golden.scenario, golden.session, {}).html;
  CHECK(atSession.find("recovered d3") == std::string::npos);  // not yet at d3 00:00
}

TEST_CASE("A forked session's report lists its branches with their score differences") {
  Loaded golden = loadGolden();
  session::SessionDef forked = golden.session;
  // Fork before the isolate decision and play the other path: no early isolation.
  session::forkCurrentBranch(forked, 0, 232200 * core::kUsPerSecond, "no early isolation");
  forked.lastUs = golden.session.lastUs;
  session::syncCurrentBranch(forked);
  const debrief::AarResult report = debrief::buildAfterActionReport(golden.scenario, forked, {});
  CHECK(report.branches == 2);
  CHECK(report.html.find("<h2>8. Branches explored</h2>") != std::string::npos);
  CHECK(report.html.find("<h2>9. Improvement plan</h2>") != std::string::npos);
  CHECK(report.html.find("no early isolation <em>(current)</em>") != std::string::npos);
  CHECK(report.html.find("from branch 1 at d2 16:30:00") != std::string::npos);
  requireBalancedTags(report.html);
}

TEST_CASE("With what-if runs the report shows their distributions, the same on 1 and 2 threads") {
  const Loaded golden = loadGolden();
  debrief::AarOptions options;
  options.whatIfRuns = 8;
  options.threads = 1;
  const std::string one = debrief::buildAfterActionReport(golden.scenario, golden.session, options).html;
  options.threads = 2;
  const std::string two = debrief::buildAfterActionReport(golden.scenario, golden.session, options).html;
  CHECK(one == two);
  CHECK(one.find("<h2>8. What usually happens with these decisions</h2>") != std::string::npos);
  CHECK(one.find("8 replications of this session&#39;s decisions") != std::string::npos);
  requireBalancedTags(one);
}
