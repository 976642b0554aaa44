// Regression files of bad input: each tests/data/scenarios/bad/*.yaml opens with
// `# expect: <message>` and must produce exactly that diagnostic (file:line:col included)
// as its only error, and no scenario.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "sim/scenario/scenario_loader.hpp"

namespace fs = std::filesystem;
using irdrill::scenario::loadScenarioFile;

namespace {

const std::string kBadDir = std::string(IRDRILL_TEST_DATA_DIR) + "/scenarios/bad";

std::string expectedMessage(const fs::path& file) {
  std::ifstream in(file);
  std::string first;
  std::getline(in, first);
  const std::string marker = "# expect: ";
  return first.rfind(marker, 0) == 0 ? first.substr(marker.size()) : std::string();
}

// Messages as a user running from the bad/ folder sees them: paths relative to it.
std::string relativeToBadDir(std::string text) {
  const std::string prefix = kBadDir + "/";
  for (std::size_t at = text.find(prefix); at != std::string::npos; at = text.find(prefix)) {
    text.erase(at, prefix.size());
  }
  return text;
}

}  // namespace

TEST_CASE("Every bad scenario file produces its expected diagnostic and nothing else") {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(kBadDir)) {
    if (entry.path().extension() == ".yaml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  // One file per kind of error the issue lists, and a few more; a lost file is a lost case.
  REQUIRE(files.size() >= 20);

  for (const auto& file : files) {
    const std::string expected = expectedMessage(file);
    INFO("file " << file.filename().string() << ", expecting: " << expected);
    REQUIRE_FALSE(expected.empty());

    const auto result = loadScenarioFile(file.string());
    CHECK_FALSE(result.scenario.has_value());
    std::vector<std::string> errors;
    for (const auto& d : result.diagnostics.items()) {
      errors.push_back(relativeToBadDir(irdrill::core::formatDiagnostic(d)));
    }
    INFO("got:\n" << [&] {
      std::string all;
      for (const auto& e : errors) all += "  " + e + "\n";
      return all;
    }());
    CHECK(errors.size() == 1);
    CHECK(std::any_of(errors.begin(), errors.end(), [&](const std::string& e) {
      return e.find(expected) != std::string::npos;
    }));
  }
}

TEST_CASE("A scenario file that does not exist is a diagnostic naming the file") {
  const std::string path = kBadDir + "/no-such-file.yaml";
  const auto result = loadScenarioFile(path);
  CHECK_FALSE(result.scenario.has_value());
  REQUIRE(result.diagnostics.items().size() == 1);
  CHECK(irdrill::core::formatDiagnostic(result.diagnostics.items()[0]) ==
        path + ": error: cannot read scenario file: no such file");
}
