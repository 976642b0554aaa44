// The content hash that identifies a run's input: a Monte Carlo summary, a sweep and a
// tabletop session all carry it, so results and sessions are only combined or replayed
// against the scenario they came from.
#pragma once

#include <string>
#include <vector>

#include "sim/scenario/overrides.hpp"

namespace irdrill::scenario {

// FNV-1a 64 of the scenario file's bytes, of every file reached through its `include`s
// (in the order met, each once) and of the overrides, as "fnv1a64:<16 hex>". Only content
// counts, not paths, so shards run from different checkouts still match. A file that
// cannot be read hashes as "missing file" (the loader reports it).
//
// Lines that only give a Japanese text (`title_ja: ...`, `name_ja: ...`,
// `description_ja: ...` on a line of their own, docs/scenario-format.md) are left out:
// a translation changes nothing in the simulation, so translating a scenario keeps the
// sessions and results pinned to it valid.
std::string scenarioHash(const std::string& path, const std::vector<Override>& overrides);

}  // namespace irdrill::scenario
