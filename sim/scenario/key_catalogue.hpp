// The keys each kind of mapping of a scenario file accepts, as the loader meets them:
// section name (the JSON Schema's $defs name; "scenario_file" for the top level) -> keys.
// Tests compare it with scenarios/scenario.schema.json, so the schema editors use cannot
// drift from the loader.
#pragma once

#include <functional>
#include <map>
#include <set>
#include <string>

namespace irdrill::scenario {

using KeyCatalogue = std::map<std::string, std::set<std::string>, std::less<>>;

}  // namespace irdrill::scenario
