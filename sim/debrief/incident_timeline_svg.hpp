// One incident's timeline for the after-action report, as an inline SVG element: a bar
// from the start to containment (open when not contained by the report's moment), then on
// to recovery, with markers and labels at detection, engagement, containment and recovery,
// and each deadline as a dashed line saying met, missed or running. Times are hours from
// the incident's start. Nothing prints; text is escaped.
#pragma once

#include <string>

#include "sim/core/time.hpp"
#include "sim/exercise/exercise.hpp"
#include "sim/text/catalogue.hpp"

namespace irdrill::debrief {

std::string incidentTimelineSvg(const exercise::IncidentView& incident, core::TimeUs asOfUs,
                                text::Language language);

}  // namespace irdrill::debrief
