// Every literal key the sources look up (text::tr / trf / trId, and the GUI's wrappers of
// the same names) exists in the catalogue: a string added to a panel without its
// catalogue line fails here, not on screen.
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>

#include "sim/text/catalogue.hpp"

namespace irdrill::text {
namespace {

const std::filesystem::path kSourceRoot = std::filesystem::path(IRDRILL_TEST_DATA_DIR) / ".." / "..";

std::string readFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The first string literal of each tr( / trf( / trId( call that looks like a key.
std::vector<std::string> keysUsedIn(const std::string& source) {
  static const std::regex kCall(R"(\btr(?:f|Id)?\([^;"]*?"([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)\")");
  std::vector<std::string> keys;
  for (auto it = std::sregex_iterator(source.begin(), source.end(), kCall); it != std::sregex_iterator(); ++it) {
    keys.push_back((*it)[1].str());
  }
  return keys;
}

}  // namespace

TEST_CASE("The key scanner finds keys in calls of every shape") {
  const auto keys = keysUsedIn(R"(tr(ui, "gui.a.b"); text::trf(lang, "report.x", {{"n", s}}); trId(ui.language, "gui.c");)");
  CHECK(keys == std::vector<std::string>{"gui.a.b", "report.x", "gui.c"});
}

TEST_CASE("Every key looked up in gui/ and sim/ is in the catalogue") {
  int filesScanned = 0, keysChecked = 0;
  for (const char* folder : {"gui", "sim"}) {
    const auto root = kSourceRoot / folder;
    REQUIRE(std::filesystem::is_directory(root));
    for (const auto& file : std::filesystem::recursive_directory_iterator(root)) {
      const auto extension = file.path().extension();
      if (extension != ".cpp" && extension != ".hpp") continue;
      if (file.path().parent_path().filename() == "text") continue;  // the catalogue itself
      ++filesScanned;
      for (const std::string& key : keysUsedIn(readFile(file.path()))) {
        ++keysChecked;
        INFO(file.path().lexically_relative(kSourceRoot).string() << " uses " << key);
        CHECK(hasKey(key));
      }
    }
  }
  CHECK(filesScanned > 50);
  CHECK(keysChecked > 0);
}

}  // namespace irdrill::text
