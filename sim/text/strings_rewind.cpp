// Catalogue strings of the timeline scrubber, rewind and branches (see catalogue.hpp).
// One line per string, {"key", "English", "日本語"}, keys starting "rewind."; add them
// to kEntries below (and return kEntries instead of the empty span).
#include "sim/text/string_tables.hpp"

namespace irdrill::text::tables {

std::span<const Entry> rewindStrings() {
  // static constexpr Entry kEntries[] = {
  //     {"rewind.example", "Example {count}", "例 {count}"},
  // };
  return {};
}

}  // namespace irdrill::text::tables
