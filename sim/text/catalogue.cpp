// Lookup and placeholder substitution over the catalogue's tables (see catalogue.hpp).
#include "sim/text/catalogue.hpp"

#include <unordered_map>

#include "sim/text/string_tables.hpp"

namespace irdrill::text {
namespace {

// Every area's table; a new area adds one line here and one in string_tables.hpp.
constexpr std::span<const Entry> (*kTables[])() = {
    tables::guiStrings, tables::reportStrings, tables::rewindStrings, tables::whatIfStrings, tables::debriefStrings,
};

using Index = std::unordered_map<std::string_view, const Entry*>;

Index buildIndex() {
  Index index;
  for (const auto table : kTables) {
    for (const Entry& entry : table()) index.emplace(entry.key, &entry);  // the first of duplicates wins
  }
  return index;
}

// Built once on first use and never changed after (thread-safe initialisation of a
// function-local static): the tables themselves are constant data.
const Index& index() {
  static const Index kIndex = buildIndex();
  return kIndex;
}

bool isIdentifierChar(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; }

// The length of the placeholder name starting at text[open + 1] when text[open] opens a
// placeholder ("{name}"), else 0.
std::size_t placeholderNameLength(std::string_view text, std::size_t open) {
  std::size_t end = open + 1;
  while (end < text.size() && isIdentifierChar(text[end])) ++end;
  if (end == open + 1 || end >= text.size() || text[end] != '}') return 0;
  return end - open - 1;
}

}  // namespace

const char* languageCode(Language language) { return language == Language::Japanese ? "ja" : "en"; }

const char* languageName(Language language) {
  return language == Language::Japanese ? "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E" /* 日本語 */ : "English";
}

std::optional<Language> languageNamed(std::string_view code) {
  for (const Language language : kLanguages) {
    if (code == languageCode(language)) return language;
  }
  return std::nullopt;
}

std::string languageCodeList() {
  std::string list;
  for (const Language language : kLanguages) list += (list.empty() ? "" : ", ") + std::string(languageCode(language));
  return list;
}

const char* tr(Language language, std::string_view key) {
  const auto it = index().find(key);
  if (it == index().end()) return kMissingText;
  return language == Language::Japanese ? it->second->japanese : it->second->english;
}

const char* trOr(Language language, std::string_view key, const char* fallback) {
  const auto it = index().find(key);
  if (it == index().end()) return fallback;
  return language == Language::Japanese ? it->second->japanese : it->second->english;
}

bool hasKey(std::string_view key) { return index().count(key) != 0; }

std::string trId(Language language, std::string_view key) {
  std::string label = tr(language, key);
  label += "###";
  label += key;
  return label;
}

std::string substitute(std::string_view text, std::initializer_list<Arg> args) {
  std::string out;
  out.reserve(text.size() + 16);
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t nameLength = text[i] == '{' ? placeholderNameLength(text, i) : 0;
    if (nameLength == 0) {
      out += text[i++];
      continue;
    }
    const std::string_view name = text.substr(i + 1, nameLength);
    const Arg* match = nullptr;
    for (const Arg& arg : args) {
      if (arg.name == name) match = &arg;
    }
    if (match != nullptr) {
      out += match->value;
    } else {
      out.append(text.substr(i, nameLength + 2));
    }
    i += nameLength + 2;
  }
  return out;
}

std::string trf(Language language, std::string_view key, std::initializer_list<Arg> args) {
  return substitute(tr(language, key), args);
}

std::vector<std::string> placeholdersOf(std::string_view text) {
  std::vector<std::string> names;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '{') continue;
    const std::size_t nameLength = placeholderNameLength(text, i);
    if (nameLength == 0) continue;
    names.emplace_back(text.substr(i + 1, nameLength));
    i += nameLength + 1;
  }
  return names;
}

std::vector<Entry> allEntries() {
  std::vector<Entry> entries;
  for (const auto table : kTables) {
    const auto part = table();
    entries.insert(entries.end(), part.begin(), part.end());
  }
  return entries;
}

}  // namespace irdrill::text
