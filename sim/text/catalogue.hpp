// The catalogue of user-visible text: every string the training app and the reports show,
// in English and Japanese, looked up by a stable key ("gui.top.pause").
//
// Keys are dotted lower-case names grouped by where the text appears (gui., report.,
// aar., ...); they never change once used, so session files, scripted GUI tests and
// ui-dump names that mention them stay valid. Texts may carry named placeholders
// ("{count} incidents" / "インシデント {count} 件"): a placeholder is `{` + a lower-case
// identifier + `}`, and both languages of a key must use the same set (tests/text checks
// this and that no key lacks a translation). Names, not positions, because the Japanese
// word order differs. Other braces are literal text.
//
// Where the strings live: one table per area in sim/text/strings_<area>.cpp, listed in
// catalogue.cpp. Adding a string is adding one line to its area's table.
//
// Sections: languages; lookup; formatting; the whole catalogue (tests, font glyph ranges).
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace irdrill::text {

// ---- languages --------------------------------------------------------------------------
enum class Language { English, Japanese };

inline constexpr Language kLanguages[] = {Language::English, Language::Japanese};

// "en", "ja" (ISO 639-1): the values of --lang and of a report's <html lang>.
const char* languageCode(Language language);
// The language's own name, shown in the language switch ("English", "日本語").
const char* languageName(Language language);
// The language for "en" or "ja"; nullopt otherwise (callers list languageCodeList()).
std::optional<Language> languageNamed(std::string_view code);
// "en, ja": for "expected one of" messages.
std::string languageCodeList();

// ---- lookup -----------------------------------------------------------------------------
// The text of `key` in `language`: a pointer to static, NUL-terminated UTF-8 (safe to keep
// and to hand to ImGui). An unknown key gives "[missing text: ...]"-style visible marker
// kMissingText, never a crash; tests/text/catalogue_keys_test.cpp fails when the sources
// use a literal key that the catalogue lacks.
const char* tr(Language language, std::string_view key);
inline constexpr const char* kMissingText = "[missing text]";

// The text of `key`, or `fallback` when the catalogue lacks it: for keys built from data
// ("gui.incident_state." + state) whose values may grow faster than the catalogue.
const char* trOr(Language language, std::string_view key, const char* fallback);

// True when the catalogue has `key`.
bool hasKey(std::string_view key);

// The text of `key` followed by "###" and the key: an ImGui label whose id stays the same
// in every language (tab selection, tree state and window placement survive a language
// switch).
std::string trId(Language language, std::string_view key);

// Scenario texts given in both languages (`title` / `title_ja`, docs/scenario-format.md):
// the Japanese one when the language is Japanese and it was given, else the English.
inline const std::string& localized(Language language, const std::string& english, const std::string& japanese) {
  return language == Language::Japanese && !japanese.empty() ? japanese : english;
}

// ---- formatting -------------------------------------------------------------------------
struct Arg {
  std::string_view name;  // the placeholder's name, without braces
  std::string value;      // inserted verbatim (already formatted by the caller)
};

// The text of `key` with each `{name}` replaced by the argument of that name. A
// placeholder without an argument stays as written (visible, so a test or a reader
// notices); arguments without a placeholder are ignored.
std::string trf(Language language, std::string_view key, std::initializer_list<Arg> args);

// The same substitution on any text (scenario texts, tests).
std::string substitute(std::string_view text, std::initializer_list<Arg> args);

// The placeholder names of `text` in order of appearance, duplicates kept.
std::vector<std::string> placeholdersOf(std::string_view text);

// ---- the whole catalogue ----------------------------------------------------------------
struct Entry {
  const char* key;
  const char* english;
  const char* japanese;
};

// Every entry of every area's table, in table order (duplicates included, so a test can
// find them).
std::vector<Entry> allEntries();

}  // namespace irdrill::text
