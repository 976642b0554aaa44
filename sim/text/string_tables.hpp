// The catalogue's tables, one per area (see catalogue.hpp). Internal to sim/text/.
#pragma once

#include <span>

#include "sim/text/catalogue.hpp"

namespace irdrill::text::tables {

std::span<const Entry> guiStrings();       // strings_gui.cpp: the training app's panels and bars
std::span<const Entry> reportStrings();    // strings_reports.cpp: mc / compare / sweep HTML reports
std::span<const Entry> rewindStrings();    // strings_rewind.cpp: timeline scrubber, branches
std::span<const Entry> whatIfStrings();    // strings_what_if.cpp: "what usually happens"
std::span<const Entry> debriefStrings();   // strings_debrief.cpp: hot wash and after-action report

}  // namespace irdrill::text::tables
