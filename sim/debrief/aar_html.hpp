// The after-action report of a tabletop session as one self-contained HTML file
// (docs/debrief.md), in the structure of the HSEEP After-Action Report / Improvement Plan:
//
//   1 exercise overview   scenario, seed, date, facilitator, participants, the moment covered
//   2 objectives          each with the evaluator's rating
//   3 incident timelines  inline SVG per incident: detected, engaged, contained, recovered, deadlines
//   4 analysis            per incident's procedure: steps with status and evaluator marks;
//                         strengths (marked met) and areas for improvement (partly, not met)
//   5 decision journal    time, seat, decision or inject, rationale, applied or refused
//   6 discussion          the prompts and the answers typed during the session
//   7 score              total, breakdown by term, the largest ledger lines
//   8 branches / what-if  when the session forked / when replications were run
//   9 improvement plan    issue, corrective action, capability, owner, due date
//
// Inline CSS with print rules (A4, a page break before each section, rows never cut),
// inline SVG, no script and no external reference, so it opens offline and prints to PDF
// as it looks. All text from the session and scenario is escaped. Texts come from the
// catalogue (sim/text/) in the input's language; the font stack names a Japanese font.
#pragma once

#include <string>

#include "sim/debrief/aar_input.hpp"

namespace irdrill::debrief {

// The whole HTML document (UTF-8). Needs input.session and input.exercise.
std::string afterActionReportHtml(const AarInput& input);

}  // namespace irdrill::debrief
