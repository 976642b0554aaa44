// Building the after-action report of a session, the same way for `irdrill aar` and the
// training app's "Write after-action report" button: the session's log is replayed into a
// fresh exercise of its scenario and seed up to the moment the report covers (what the
// room saw), each entry noted as applied or refused; every branch of the session's tree is
// replayed and scored the same way; optionally the what-if replications are run; then the
// HTML is written by afterActionReportHtml (aar_html.hpp). Nothing prints.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "sim/core/time.hpp"
#include "sim/scenario/scenario_def.hpp"
#include "sim/session/session.hpp"
#include "sim/text/catalogue.hpp"

namespace irdrill::debrief {

struct AarOptions {
  // The moment covered: nullopt is the session's clock when saved (SessionDef::lastUs).
  std::optional<core::TimeUs> untilUs;
  std::string scenarioFile;  // shown in the overview (as the session names it)
  text::Language language = text::Language::English;
  int whatIfRuns = 0;        // 0: no what-if section
  unsigned threads = 0;      // for the what-if runs; 0: all cores (results do not depend on it)
};

struct AarResult {
  std::string html;
  int entriesRefused = 0;  // entries of the log that did not apply when replayed (shown in the journal)
  int branches = 0;        // branches replayed (0: the session never forked)
};

// `scenario` is the session's scenario with its overrides applied (loadSessionScenario).
AarResult buildAfterActionReport(std::shared_ptr<const scenario::ScenarioDef> scenario,
                                 const session::SessionDef& session, const AarOptions& options);

}  // namespace irdrill::debrief
