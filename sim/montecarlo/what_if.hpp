// "What usually happens with these decisions": N replications of a tabletop session's
// decision log, summarised for the facilitator (the training app's What-if tab, `irdrill
// replay --what-if`, the after-action report). docs/montecarlo.md, "What if".
//
// Two variants:
//   fresh      replication r is the whole exercise on seed (seedBase, replication r), the
//              log replayed at its times (an entry that does not apply on that seed is
//              passed over and counted), exactly as `irdrill mc --decisions` runs it;
//   from here  every replication is the session's own run (its seed and replication) up
//              to time T with the log's entries up to T, then re-seeded with salt = r
//              (Exercise::reseedFrom): the same past, the future drawn anew. Entries after
//              T still apply at their times when they can.
// A paired run plays two logs (two branches) on the same seeds, or the same salts, so
// their differences are measured on common random numbers.
//
// Results do not depend on the number of threads (the runner delivers in replication
// order). Every replication's values are kept (a few dozen doubles each).
//
// Sections: plan - results - running - text for people.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sim/core/time.hpp"
#include "sim/montecarlo/replication_model.hpp"
#include "sim/montecarlo/report_data.hpp"
#include "sim/montecarlo/runner.hpp"
#include "sim/scenario/scenario_def.hpp"
#include "sim/session/session.hpp"

namespace irdrill::montecarlo {

// --- Plan ---------------------------------------------------------------------------
enum class WhatIfVariant { Fresh, FromHere };
inline constexpr const char* kWhatIfVariantNames[] = {"fresh", "from_here"};

inline constexpr std::uint64_t kWhatIfDefaultReplications = 200;  // assumption: the
// P(deadline missed) interval is then at most +-7 points wide (Wilson, p = 0.5)

struct WhatIfPlan {
  WhatIfVariant variant = WhatIfVariant::Fresh;
  std::uint64_t replications = kWhatIfDefaultReplications;
  // Fresh: the master seed of the replications (nullopt: the session's seed).
  std::optional<std::uint64_t> seedBase;
  // From here: T (nullopt: the session's clock when saved, SessionDef::lastUs).
  std::optional<core::TimeUs> fromUs;
  int threads = 1;  // worker threads, >= 1
};

// --- Results ------------------------------------------------------------------------
// A figure over the replications and where the session's own run falls among them.
struct WhatIfDistribution {
  std::string name;  // the metric: "score", "time_to_contain_h[phishing]"
  std::string unit;
  std::vector<double> values;   // one per replication where it applies, in replication order
  std::vector<bool> censored;   // beside values: true when not contained by the end (the
                                // value is then the time up to the end, a lower bound)
  std::uint64_t censoredCount = 0;
  std::optional<double> own;    // the session's own run (nullopt: does not apply there)
  bool ownCensored = false;
  // Mid-rank percentile of `own` among `values` (0-100): the share of replications below
  // it plus half the ties; censored values rank above every uncensored one and tie with
  // each other. nullopt when `own` or `values` is missing.
  std::optional<double> ownPercentile;
  // The q-quantile (x[floor(q (n - 1))] of the sorted values); nullopt when empty or when
  // it falls among censored values (then it is only known to lie beyond the end).
  std::optional<double> quantile(double q) const;
};

// P(a scenario deadline is missed in a run): missed when any incident of the run missed
// it; runs where it never applied count as not missed.
struct WhatIfDeadline {
  std::string id;
  std::uint64_t runs = 0;     // replications
  std::uint64_t applied = 0;  // replications where some incident's clock for it started
  std::uint64_t missed = 0;
  double probability = 0;               // missed / runs
  double wilsonLow = 0, wilsonHigh = 0; // 95% Wilson score interval
  std::optional<bool> ownMissed;        // nullopt: it did not apply in the session's run
};

// One incident of the session's own run (by id), followed through the replications.
struct WhatIfIncident {
  std::string id;
  WhatIfDistribution timeToContainH;  // start to containment, censored at the end
  std::uint64_t runsWithIncident = 0; // replications where an incident with this id occurred
};

struct WhatIfResult {
  WhatIfVariant variant = WhatIfVariant::Fresh;
  std::uint64_t sessionSeed = 0, sessionReplication = 0;
  std::uint64_t seedBase = 0;   // fresh: the master seed used
  core::TimeUs fromUs = 0;      // from here: T
  std::uint64_t requested = 0;  // replications asked for
  std::uint64_t completed = 0;  // the first `completed` replications were run
  bool stopped = false;         // cancelled before all were done

  std::vector<MetricDef> metrics;             // the columns of rows (runs.csv)
  std::vector<std::vector<double>> rows;      // per replication, NaN = does not apply
  std::vector<double> own;                    // the session's own run, same columns
  std::vector<std::string> scoreTerms;        // metrics that are ledger terms
  std::vector<MetricSummary> summaries;       // per metric, as `irdrill mc` summarises

  WhatIfDistribution score;
  WhatIfDistribution timeToContainH;  // mean over each run's incidents, censored at the end
  std::vector<WhatIfIncident> incidents;
  std::vector<WhatIfDeadline> deadlines;
  int ownDecisionsRefused = 0;  // entries of the log that did not apply in the session's own run
};

// Two branches on common random numbers: B - A per metric, paired by replication.
struct WhatIfComparison {
  WhatIfResult a, b;
  std::vector<MetricDifference> differences;  // metrics in a.metrics order
};

// --- Running ------------------------------------------------------------------------
// `header` gives the seed, replication and clock (lastUs) of the session; its entries are
// ignored: `log` is what is replayed (a branch's log, say). Marks are not replayed. The
// progress callback and the return happen on the calling thread; `stop` cancels (each
// worker finishes its replication; the result then covers the first `completed`).
// Throws std::invalid_argument for a plan with no replication, fewer than one thread, or
// T outside the exercise.
WhatIfResult runWhatIf(std::shared_ptr<const scenario::ScenarioDef> scenario,
                       const session::SessionDef& header, const std::vector<session::SessionEntry>& log,
                       const WhatIfPlan& plan, const std::atomic<bool>& stop,
                       const ProgressCallback& progress = {});

// Both logs on the same seeds (fresh) or the same salts after the same T (from here);
// the columns are the same for both (incidents of either own run).
WhatIfComparison runWhatIfPaired(std::shared_ptr<const scenario::ScenarioDef> scenario,
                                 const session::SessionDef& header,
                                 const std::vector<session::SessionEntry>& logA,
                                 const std::vector<session::SessionEntry>& logB, const WhatIfPlan& plan,
                                 const std::atomic<bool>& stop, const ProgressCallback& progress = {});

// --- Statistics and text ------------------------------------------------------------
// The 95% Wilson score interval of a proportion (Wilson 1927, JASA 22:209-212), which
// stays inside [0, 1] and is honest at 0 and n successes; (0, 1) for n = 0.
std::pair<double, double> wilsonInterval95(std::uint64_t successes, std::uint64_t n);

// One line for people naming the variant: "fresh seeds: replication r on seed 11,
// replication r" or "from here: the session's run up to d0 11:00:00, then the future
// re-drawn with salt = replication index".
std::string describeWhatIf(const WhatIfResult& result);

}  // namespace irdrill::montecarlo
