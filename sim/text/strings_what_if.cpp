// Catalogue strings of the what-if panel and its report (see catalogue.hpp).
// One line per string, {"key", "English", "日本語"}, keys starting "whatif."; add them
// to kEntries below (and return kEntries instead of the empty span).
#include "sim/text/string_tables.hpp"

namespace irdrill::text::tables {

std::span<const Entry> whatIfStrings() {
  // static constexpr Entry kEntries[] = {
  //     {"whatif.example", "Example {count}", "例 {count}"},
  // };
  return {};
}

}  // namespace irdrill::text::tables
