// The text catalogue: every key has both languages, the same placeholders in each, valid
// UTF-8; lookup, ids and placeholder substitution.
#include <algorithm>
#include <set>
#include <string>

#include <catch2/catch.hpp>

#include "sim/text/catalogue.hpp"

namespace irdrill::text {
namespace {

bool isValidUtf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const int length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || i + length > text.size()) return false;
    for (int k = 1; k < length; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) >> 6) != 0x2) return false;
    }
    i += length;
  }
  return true;
}

bool hasLowerCaseWord(std::string_view text) {
  // Two lower-case ASCII letters in a row outside placeholders: English prose.
  bool inPlaceholder = false;
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    if (text[i] == '{') inPlaceholder = true;
    if (text[i] == '}') inPlaceholder = false;
    if (!inPlaceholder && std::islower(static_cast<unsigned char>(text[i])) &&
        std::islower(static_cast<unsigned char>(text[i + 1]))) {
      return true;
    }
  }
  return false;
}

bool hasNonAscii(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

bool isValidKey(std::string_view key) {
  if (key.empty() || key.front() == '.' || key.back() == '.' || key.find('.') == std::string_view::npos) return false;
  if (key.find("..") != std::string_view::npos) return false;
  return std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
  });
}

std::multiset<std::string> placeholderSet(std::string_view text) {
  const auto names = placeholdersOf(text);
  return {names.begin(), names.end()};
}

}  // namespace

TEST_CASE("Every catalogue key is well formed, unique and has both languages") {
  const std::vector<Entry> entries = allEntries();
  REQUIRE(entries.size() > 1);
  std::set<std::string> seen;
  for (const Entry& entry : entries) {
    INFO("key " << entry.key);
    CHECK(isValidKey(entry.key));
    CHECK(seen.insert(entry.key).second);  // no key twice, across all tables
    REQUIRE(entry.english != nullptr);
    REQUIRE(entry.japanese != nullptr);
    CHECK(std::string_view(entry.english).size() > 0);
    CHECK(std::string_view(entry.japanese).size() > 0);
    CHECK(isValidUtf8(entry.english));
    CHECK(isValidUtf8(entry.japanese));
    // English prose left untranslated in the Japanese column (acronyms, numbers and
    // symbols may stay as they are).
    if (hasLowerCaseWord(entry.english)) CHECK(hasNonAscii(entry.japanese));
    CHECK_FALSE(hasNonAscii(entry.english));
  }
}

TEST_CASE("Both languages of a key use the same placeholders") {
  for (const Entry& entry : allEntries()) {
    INFO("key " << entry.key << ": \"" << entry.english << "\" / \"" << entry.japanese << "\"");
    CHECK(placeholderSet(entry.english) == placeholderSet(entry.japanese));
  }
}

TEST_CASE("Lookup gives the language's text, a visible marker for an unknown key") {
  CHECK(std::string(tr(Language::English, "gui.top.pause")) == "Pause");
  CHECK(std::string(tr(Language::Japanese, "gui.top.pause")) == "一時停止");
  CHECK(std::string(tr(Language::Japanese, "gui.no.such.key")) == kMissingText);
  CHECK(hasKey("gui.top.pause"));
  CHECK(std::string(trOr(Language::Japanese, "gui.top.pause", "x")) == "一時停止");
  CHECK(std::string(trOr(Language::Japanese, "gui.no.such.key", "fallback")) == "fallback");
  CHECK_FALSE(hasKey("gui.no.such.key"));
}

TEST_CASE("An ImGui label keeps the key as its id in every language") {
  CHECK(trId(Language::English, "gui.top.pause") == "Pause###gui.top.pause");
  CHECK(trId(Language::Japanese, "gui.top.pause") == "一時停止###gui.top.pause");
}

TEST_CASE("Placeholders are replaced by name, in any order, unknown ones kept") {
  CHECK(substitute("{a} then {b}", {{"b", "2"}, {"a", "1"}}) == "1 then 2");
  CHECK(substitute("{b}の前に{a}", {{"a", "1"}, {"b", "2"}}) == "2の前に1");
  CHECK(substitute("{a} and {a}", {{"a", "x"}}) == "x and x");
  CHECK(substitute("{missing} stays", {{"a", "x"}}) == "{missing} stays");
  // Not placeholders: empty, upper case, unclosed, JSON-like text.
  CHECK(substitute("{} {A} {a", {{"a", "x"}}) == "{} {A} {a");
  CHECK(substitute("{\"k\": 1}", {{"k", "x"}}) == "{\"k\": 1}");
  // A value that looks like a placeholder is inserted verbatim, not expanded again.
  CHECK(substitute("{a}{b}", {{"a", "{b}"}, {"b", "y"}}) == "{b}y");
}

TEST_CASE("A scenario text falls back to English when it has no Japanese") {
  const std::string en = "Cut the network", ja = "ネットワークの遮断", none;
  CHECK(localized(Language::Japanese, en, ja) == ja);
  CHECK(localized(Language::English, en, ja) == en);
  CHECK(localized(Language::Japanese, en, none) == en);
}

TEST_CASE("Placeholder names are listed in order") {
  CHECK(placeholdersOf("{count} of {total}: {count}") == std::vector<std::string>{"count", "total", "count"});
  CHECK(placeholdersOf("no {Placeholders} {here").empty());
}

TEST_CASE("Language codes parse and list") {
  CHECK(languageNamed("ja") == Language::Japanese);
  CHECK(languageNamed("en") == Language::English);
  CHECK_FALSE(languageNamed("jp").has_value());
  CHECK_FALSE(languageNamed("").has_value());
  CHECK(languageCodeList() == "en, ja");
  CHECK(std::string(languageName(Language::Japanese)) == "日本語");
}

}  // namespace irdrill::text
