// Catalogue strings of the hot wash and the after-action report (see catalogue.hpp).
// One line per string, {"key", "English", "日本語"}, keys starting "aar."; add them
// to kEntries below (and return kEntries instead of the empty span).
#include "sim/text/string_tables.hpp"

namespace irdrill::text::tables {

std::span<const Entry> debriefStrings() {
  // static constexpr Entry kEntries[] = {
  //     {"aar.example", "Example {count}", "例 {count}"},
  // };
  return {};
}

}  // namespace irdrill::text::tables
