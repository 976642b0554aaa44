// Scenario overrides: `--set alerts.phone.rssi_threshold_dbm=-80` changes one value of a
// scenario without editing its files (Monte Carlo runs, comparisons, sweeps).
//
// A path is dotted keys from the top of the scenario: `alerts.phone.hold_s`. A list
// element is named by its index (`people.0.desk`, 0-based; `people`, `tags` and
// `day_plans` count across every file that contributes to them, in the order met) or by
// the `id`, `group` or `item` it declares (`people.alice.desk`,
// `team.roles.it_admin.head_count`). Path parts are letters, digits, '-', '_' and '/'.
//
// The value is YAML text (`-80`, `true`, `"08:30"`, `[3, 5]`, `{form: tag}`), parsed and
// put into the YAML document where the path points, after includes are resolved and before
// the section parsers run, so it is checked exactly like a value written in the file.
// Keys the path names that the file does not have are created. Messages about a value or
// key an override put there are located at the option, not in a file:
//   --set alerts.phone.rssi_thresh: error: unknown key 'rssi_thresh' (expected one of: ...)
//   --set alerts.phone.hold_s=soon: error: expected a number for 'hold_s', got 'soon'
//
// The change is made where the value is written, so a node shared by a YAML alias, or a
// file included twice, changes everywhere it is used. Overrides apply in order; a later
// one on the same path wins.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/core/diagnostics.hpp"

namespace irdrill::scenario {

struct Override {
  std::string path;   // "alerts.phone.rssi_threshold_dbm"
  std::string value;  // YAML text: "-80"
};

// The full path of a typed one: "alert.KEY" is short for "alerts.phone.KEY" (the phone
// alert rule is what people tune most), in --set as in a sweep's --grid. Other paths,
// longer ones under "alert." included, are unchanged.
std::string expandOverridePath(std::string_view path);

// Parses "PATH=VALUE" as typed after --set (the path expanded by expandOverridePath). On a malformed text returns nullopt and sets
// `error` to a message without location ("expected PATH=VALUE, ...").
std::optional<Override> parseOverride(std::string_view text, std::string& error);

// "--set PATH=VALUE", for messages and reports.
std::string overrideText(const Override& o);

// ---------------------------------------------------------------------------------------
// Internal to the scenario loader (scenario_loader.cpp).

class SourceSet;
struct Node;

// Where the nodes an override created are, so diagnostics about them can be moved to the
// option: created nodes get line numbers past the end of the file they are put in.
struct OverrideMarks {
  struct Mark {
    std::string file;
    int keyLine = 0;    // 1-based: keys and mappings the override created
    int valueLine = 0;  // 1-based: the value and everything inside it
    std::size_t override = 0;
  };
  std::vector<Mark> marks;
  std::vector<Override> overrides;
};

// Applies `overrides` in order to the document `root` (and to the files it includes,
// where the values live). Problems with a path (no such element, a path through a value)
// are reported at the option.
void applyOverrides(SourceSet& s, const Node& root, const std::vector<Override>& overrides,
                    OverrideMarks& marks);

// Moves diagnostics located on created nodes to their option, and drops exact duplicates
// (an include the overrides resolved first and the loader again says the same twice).
core::Diagnostics relocateOverrideDiagnostics(const core::Diagnostics& diagnostics,
                                              const OverrideMarks& marks);

}  // namespace irdrill::scenario
