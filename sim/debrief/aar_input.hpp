// What the after-action report is made of (aar_html.hpp): the session (header, log,
// debrief notes), the exercise replayed to the moment the report covers, what became of
// each logged entry, and optionally the branches explored and a what-if distribution.
// Filled by buildAfterActionReport (aar_build.hpp) for the command line and the GUI alike.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/core/time.hpp"
#include "sim/exercise/exercise.hpp"
#include "sim/session/session.hpp"
#include "sim/text/catalogue.hpp"

namespace irdrill::debrief {

// What became of one entry of the session log when it was replayed.
struct EntryOutcome {
  bool applied = true;
  std::string reason;  // why not (when refused)
};

// One branch of the session's tree, replayed to its own clock and scored.
struct BranchOutcome {
  std::string name;
  std::string parent;           // "" for the root
  core::TimeUs forkUs = 0;
  core::TimeUs lastUs = 0;      // the branch's clock: its figures are as of then
  std::size_t entryCount = 0;   // of its full log
  bool current = false;
  std::string refused;          // the first entry that did not replay, "" when all did
  double score = 0;
  std::vector<double> pointsByTerm;  // scoring::kScoreTermNames order
  // Per incident id: time from start to containment (nullopt: not contained by lastUs).
  std::vector<std::pair<std::string, std::optional<double>>> hoursToContain;
};

// One distribution over the what-if replications, reduced to what the report draws.
struct WhatIfFigure {
  std::vector<double> values;       // the uncensored values, sorted (the histogram)
  std::uint64_t censored = 0;       // runs not contained by the end: beyond the histogram
  std::optional<double> p10, p50, p90;  // nullopt: the quantile falls among censored runs
  std::optional<double> own;        // this session's run (nullopt: does not apply)
  bool ownCensored = false;
};

struct WhatIfDeadlineShare {
  std::string id;
  double missedShare = 0;         // of the runs
  double wilsonLow = 0, wilsonHigh = 0;  // 95% interval
};

// N replications of the session's decisions (sim/montecarlo/what_if.hpp), as drawn in
// the report: time to contain and score, and the share of runs that missed each deadline.
struct WhatIfFigures {
  std::uint64_t runs = 0;
  std::string variant;  // describeWhatIf: which variant, for people
  WhatIfFigure hoursToContain;
  WhatIfFigure score;
  std::vector<WhatIfDeadlineShare> deadlines;
};

struct AarInput {
  const session::SessionDef* session = nullptr;    // header, log and debrief notes
  const exercise::Exercise* exercise = nullptr;    // replayed to `asOfUs`
  std::vector<EntryOutcome> entryOutcomes;         // one per session entry (empty: all applied)
  core::TimeUs asOfUs = 0;                         // the moment the report covers
  std::string scenarioFile;                        // as shown in the overview
  std::vector<BranchOutcome> branches;             // empty: the session never forked
  std::optional<WhatIfFigures> whatIf;
  text::Language language = text::Language::English;
  std::size_t ledgerLines = 12;                    // largest ledger lines shown
};

}  // namespace irdrill::debrief
