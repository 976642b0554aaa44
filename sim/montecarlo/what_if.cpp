// What-if replications of a session's decision log (see what_if.hpp).
//
// Sections: columns - the replication model - summaries - running - text.
#include "sim/montecarlo/what_if.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <stdexcept>

#include "sim/core/clock_text.hpp"
#include "sim/montecarlo/paired_model.hpp"
#include "sim/montecarlo/run_statistics.hpp"
#include "sim/session/live_session.hpp"

namespace irdrill::montecarlo {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// --- Columns --------------------------------------------------------------------------
// The fixed columns first, then the ledger terms, then two per incident of the session's
// own run(s), then one per scenario deadline.
enum Column : std::size_t { kScore, kMeanContainH, kContainedFraction, kDeadlinesMissed, kIncidents, kRefused, kFixed };

struct Layout {
  std::vector<std::string> incidents;  // ids, in the order first met
  std::vector<std::string> deadlines;  // scenario deadline ids
  std::size_t termColumn(std::size_t term) const { return kFixed + term; }
  std::size_t incidentColumn(std::size_t i) const { return kFixed + std::size(scoring::kScoreTermNames) + 2 * i; }
  std::size_t deadlineColumn(std::size_t d) const { return incidentColumn(incidents.size()) + d; }
  std::size_t columns() const { return deadlineColumn(deadlines.size()); }
};

// Ids go into CSV headers: no comma, quote or control character.
std::string columnSafe(std::string id) {
  for (char& c : id) {
    if (c == ',' || c == '"' || static_cast<unsigned char>(c) < 0x20) c = '_';
  }
  return id;
}

// The kind chooses the interval of the mean in the summaries (metric_kind.hpp).
MetricDef metric(std::string name, std::string unit, std::string description, MetricKind kind, Better better) {
  MetricDef def;
  def.name = std::move(name);
  def.unit = std::move(unit);
  def.description = std::move(description);
  def.kind = kind;
  def.better = better;
  return def;
}

std::vector<MetricDef> columnDefs(const Layout& layout) {
  std::vector<MetricDef> defs = {
      metric("score", "points", "The run's total score (docs/scoring.md).", MetricKind::Signed, Better::Higher),
      metric("time_to_contain_h", "h", "Incident start to containment, mean over the run's incidents (censored at the end).",
             MetricKind::Duration, Better::Lower),
      metric("contained_fraction", "", "Fraction of the run's incidents contained by the end.", MetricKind::Proportion,
             Better::Higher),
      metric("deadlines_missed", "", "Deadlines missed by the run's incidents (reports, notifications, wipes).",
             MetricKind::Count, Better::Lower),
      metric("incidents", "", "Incidents in the run.", MetricKind::Count, Better::Neither),
      metric("decisions_refused", "count", "Entries of the log that could not apply in this replication.",
             MetricKind::Count, Better::Lower),
  };
  for (const char* term : scoring::kScoreTermNames) {
    defs.push_back(metric(std::string("score_") + term, "points", std::string("Points from the ledger term '") + term + "'.",
                          MetricKind::Amount, Better::Higher));
  }
  for (const auto& id : layout.incidents) {
    defs.push_back(metric("time_to_contain_h[" + columnSafe(id) + "]", "h",
                          "Start to containment of incident '" + id + "' (censored at the end); empty when it did not occur.",
                          MetricKind::Duration, Better::Lower));
    defs.push_back(metric("contained[" + columnSafe(id) + "]", "",
                          "1 when incident '" + id + "' was contained by the end, 0 when not; empty when it did not occur.",
                          MetricKind::Proportion, Better::Higher));
  }
  for (const auto& id : layout.deadlines) {
    defs.push_back(metric("deadline_missed[" + columnSafe(id) + "]", "",
                          "1 when an incident missed the deadline '" + id + "', 0 when every incident it applied to met it; "
                          "empty when it applied to none.",
                          MetricKind::Proportion, Better::Lower));
  }
  return defs;
}

void fillValues(const exercise::Exercise& run, const scenario::ScenarioDef& scenario, const Layout& layout,
                int refused, std::span<double> out) {
  std::fill(out.begin(), out.end(), kNaN);
  const auto outcomes = run.outcomes();
  const auto card = scoring::scoreRun(outcomes, scenario.scoring.weights);
  out[kScore] = card.total;
  double containSum = 0, containedSum = 0;
  int missed = 0;
  for (const auto& o : outcomes) {
    containSum += o.hoursTo(o.contained);
    containedSum += o.contained.timeUs ? 1.0 : 0.0;
    missed += static_cast<int>(std::count_if(o.deadlines.begin(), o.deadlines.end(), [](const auto& d) { return !d.met; }));
  }
  if (!outcomes.empty()) {
    out[kMeanContainH] = containSum / static_cast<double>(outcomes.size());
    out[kContainedFraction] = containedSum / static_cast<double>(outcomes.size());
  }
  out[kDeadlinesMissed] = missed;
  out[kIncidents] = static_cast<double>(outcomes.size());
  out[kRefused] = refused;
  const auto points = scoring::pointsByTerm(card);
  for (std::size_t t = 0; t < points.size() && t < std::size(scoring::kScoreTermNames); ++t) {
    out[layout.termColumn(t)] = points[t];
  }
  for (std::size_t i = 0; i < layout.incidents.size(); ++i) {
    const auto it = std::find_if(outcomes.begin(), outcomes.end(), [&](const auto& o) { return o.id == layout.incidents[i]; });
    if (it == outcomes.end()) continue;
    out[layout.incidentColumn(i)] = it->hoursTo(it->contained);
    out[layout.incidentColumn(i) + 1] = it->contained.timeUs ? 1.0 : 0.0;
  }
  for (std::size_t d = 0; d < layout.deadlines.size(); ++d) {
    bool applied = false, anyMissed = false;
    for (const auto& o : outcomes) {
      for (const auto& deadline : o.deadlines) {
        if (deadline.id != layout.deadlines[d]) continue;
        applied = true;
        anyMissed = anyMissed || !deadline.met;
      }
    }
    if (applied) out[layout.deadlineColumn(d)] = anyMissed ? 1.0 : 0.0;
  }
}

// --- The replication model ------------------------------------------------------------
class WhatIfModel : public ReplicationModel {
 public:
  WhatIfModel(std::shared_ptr<const scenario::ScenarioDef> scenario, const session::SessionDef& header,
              std::vector<session::SessionEntry> log, const WhatIfPlan& plan, core::TimeUs fromUs, Layout layout)
      : scenario_(std::move(scenario)),
        seed_(header.seed),
        replication_(header.replication),
        log_(std::move(log)),
        variant_(plan.variant),
        fromUs_(fromUs),
        layout_(std::move(layout)),
        metrics_(columnDefs(layout_)) {}

  const std::vector<MetricDef>& metrics() const override { return metrics_; }
  std::vector<std::string> scoreTerms() const override {
    std::vector<std::string> terms;
    for (const char* term : scoring::kScoreTermNames) terms.push_back(std::string("score_") + term);
    return terms;
  }

  // Fresh: (masterSeed, replication) is the run's seed. From here: the session's own run
  // up to T, then salt = replication.
  void run(std::uint64_t masterSeed, std::uint64_t replication, std::span<double> out) const override {
    if (out.size() != metrics_.size()) throw std::invalid_argument("WhatIfModel: wrong output size");
    if (variant_ == WhatIfVariant::Fresh) {
      session::LiveSession live(scenario_, header(masterSeed, replication), nullptr, false);
      const int refused = live.replaySkippingRefused(log_, live.exercise().endUs());
      fillValues(live.exercise(), *scenario_, layout_, refused, out);
      return;
    }
    session::LiveSession live(scenario_, header(seed_, replication_), nullptr, false);
    const auto firstFuture = std::find_if(log_.begin(), log_.end(), [&](const auto& e) { return e.atUs > fromUs_; });
    int refused = live.replaySkippingRefused({log_.begin(), firstFuture}, fromUs_);
    live.reseedFrom(replication);
    refused += live.replaySkippingRefused({firstFuture, log_.end()}, live.exercise().endUs());
    fillValues(live.exercise(), *scenario_, layout_, refused, out);
  }

  // The session's own run: its seed and replication, no re-seed.
  std::vector<double> ownRun(int& refused) const {
    std::vector<double> values(metrics_.size());
    session::LiveSession live(scenario_, header(seed_, replication_), nullptr, false);
    refused = live.replaySkippingRefused(log_, live.exercise().endUs());
    fillValues(live.exercise(), *scenario_, layout_, refused, values);
    return values;
  }

 private:
  static session::SessionDef header(std::uint64_t seed, std::uint64_t replication) {
    session::SessionDef h;
    h.seed = seed;
    h.replication = replication;
    return h;
  }

  std::shared_ptr<const scenario::ScenarioDef> scenario_;
  std::uint64_t seed_, replication_;
  std::vector<session::SessionEntry> log_;
  WhatIfVariant variant_;
  core::TimeUs fromUs_;
  Layout layout_;
  std::vector<MetricDef> metrics_;
};

std::vector<session::SessionEntry> withoutMarks(std::vector<session::SessionEntry> log) {
  // Evaluator marks judge one session's play; they change nothing in a replication.
  std::erase_if(log, [](const session::SessionEntry& e) { return e.kind == session::SessionEntry::Kind::Mark; });
  return log;
}

// The incidents of a log's own run, in the order they started.
void addOwnIncidents(const std::shared_ptr<const scenario::ScenarioDef>& scenario, const session::SessionDef& header,
                     const std::vector<session::SessionEntry>& log, Layout& layout) {
  session::SessionDef h;
  h.seed = header.seed;
  h.replication = header.replication;
  session::LiveSession live(scenario, h, nullptr, false);
  live.replaySkippingRefused(log, live.exercise().endUs());
  for (const auto& o : live.exercise().outcomes()) {
    if (std::find(layout.incidents.begin(), layout.incidents.end(), o.id) == layout.incidents.end()) {
      layout.incidents.push_back(o.id);
    }
  }
}

// --- Summaries ------------------------------------------------------------------------
// Censored values rank above every uncensored one.
double rankKey(double value, bool censored) { return censored ? std::numeric_limits<double>::infinity() : value; }

WhatIfDistribution distribution(const WhatIfResult& r, std::size_t column, std::optional<std::size_t> containedColumn,
                                bool meanCensoring) {
  WhatIfDistribution d;
  d.name = r.metrics[column].name;
  d.unit = r.metrics[column].unit;
  auto isCensored = [&](const std::vector<double>& row) {
    if (!containedColumn) return false;
    const double c = row[*containedColumn];
    return meanCensoring ? (!std::isnan(c) && c < 1.0) : c == 0.0;
  };
  for (const auto& row : r.rows) {
    if (std::isnan(row[column])) continue;
    d.values.push_back(row[column]);
    d.censored.push_back(isCensored(row));
    d.censoredCount += d.censored.back() ? 1 : 0;
  }
  if (!r.own.empty() && !std::isnan(r.own[column])) {
    d.own = r.own[column];
    d.ownCensored = isCensored(r.own);
  }
  if (d.own && !d.values.empty()) {
    const double ownKey = rankKey(*d.own, d.ownCensored);
    double below = 0, ties = 0;
    for (std::size_t i = 0; i < d.values.size(); ++i) {
      const double key = rankKey(d.values[i], d.censored[i]);
      below += key < ownKey ? 1 : 0;
      ties += key == ownKey ? 1 : 0;
    }
    d.ownPercentile = 100.0 * (below + 0.5 * ties) / static_cast<double>(d.values.size());
  }
  return d;
}

void summarise(WhatIfResult& r, const Layout& layout) {
  RunStatistics stats(r.metrics);
  for (const auto& row : r.rows) stats.add(row);
  r.summaries = stats.summaries();
  r.score = distribution(r, kScore, std::nullopt, false);
  r.timeToContainH = distribution(r, kMeanContainH, kContainedFraction, true);
  for (std::size_t i = 0; i < layout.incidents.size(); ++i) {
    WhatIfIncident incident;
    incident.id = layout.incidents[i];
    incident.timeToContainH = distribution(r, layout.incidentColumn(i), layout.incidentColumn(i) + 1, false);
    incident.runsWithIncident = incident.timeToContainH.values.size();
    r.incidents.push_back(std::move(incident));
  }
  for (std::size_t d = 0; d < layout.deadlines.size(); ++d) {
    WhatIfDeadline deadline;
    deadline.id = layout.deadlines[d];
    const std::size_t column = layout.deadlineColumn(d);
    for (const auto& row : r.rows) {
      ++deadline.runs;
      deadline.applied += std::isnan(row[column]) ? 0 : 1;
      deadline.missed += row[column] == 1.0 ? 1 : 0;
    }
    if (!r.own.empty() && !std::isnan(r.own[column])) deadline.ownMissed = r.own[column] == 1.0;
    deadline.probability = deadline.runs ? static_cast<double>(deadline.missed) / static_cast<double>(deadline.runs) : 0;
    std::tie(deadline.wilsonLow, deadline.wilsonHigh) = wilsonInterval95(deadline.missed, deadline.runs);
    r.deadlines.push_back(std::move(deadline));
  }
}

// --- Running --------------------------------------------------------------------------
class RowCollector : public ReplicationSink {
 public:
  explicit RowCollector(std::vector<std::vector<double>>& rows) : rows_(rows) {}
  void onReplication(std::uint64_t, std::span<const double> values) override { rows_.emplace_back(values.begin(), values.end()); }

 private:
  std::vector<std::vector<double>>& rows_;
};

struct Prepared {
  core::TimeUs fromUs = 0;
  std::uint64_t seedBase = 0;
};

Prepared prepare(const scenario::ScenarioDef& scenario, const session::SessionDef& header, const WhatIfPlan& plan) {
  if (plan.replications == 0) throw std::invalid_argument("what-if: no replication to run");
  if (plan.threads < 1) throw std::invalid_argument("what-if: fewer than one thread");
  Prepared p;
  p.seedBase = plan.seedBase.value_or(header.seed);
  p.fromUs = plan.fromUs.value_or(header.lastUs);
  const core::TimeUs endUs = core::secondsToUs(scenario.horizonS);
  if (plan.variant == WhatIfVariant::FromHere && (p.fromUs < 0 || p.fromUs > endUs)) {
    throw std::invalid_argument("what-if: from-here time " + core::clockText(p.fromUs) +
                                " is outside the exercise (up to " + core::clockText(endUs) + ")");
  }
  return p;
}

WhatIfResult resultHeader(const session::SessionDef& header, const WhatIfPlan& plan, const Prepared& p) {
  WhatIfResult r;
  r.variant = plan.variant;
  r.sessionSeed = header.seed;
  r.sessionReplication = header.replication;
  r.seedBase = p.seedBase;
  r.fromUs = p.fromUs;
  r.requested = plan.replications;
  return r;
}

Layout scenarioLayout(const scenario::ScenarioDef& scenario) {
  Layout layout;
  for (const auto& d : scenario.scoring.deadlines) layout.deadlines.push_back(d.id);
  return layout;
}

std::uint64_t runnerSeed(const WhatIfPlan& plan, const session::SessionDef& header, const Prepared& p) {
  return plan.variant == WhatIfVariant::Fresh ? p.seedBase : header.seed;
}

}  // namespace

std::optional<double> WhatIfDistribution::quantile(double q) const {
  if (values.empty()) return std::nullopt;
  std::vector<double> keys;
  for (std::size_t i = 0; i < values.size(); ++i) keys.push_back(rankKey(values[i], censored[i]));
  std::sort(keys.begin(), keys.end());
  const auto index = static_cast<std::size_t>(std::floor(std::clamp(q, 0.0, 1.0) * static_cast<double>(keys.size() - 1)));
  if (std::isinf(keys[index])) return std::nullopt;
  return keys[index];
}

std::pair<double, double> wilsonInterval95(std::uint64_t successes, std::uint64_t n) {
  if (n == 0) return {0.0, 1.0};
  constexpr double z = 1.959963984540054;  // the 0.975 quantile of the standard normal
  const double nn = static_cast<double>(n);
  const double p = static_cast<double>(successes) / nn;
  const double denominator = 1 + z * z / nn;
  const double centre = (p + z * z / (2 * nn)) / denominator;
  const double half = z * std::sqrt(p * (1 - p) / nn + z * z / (4 * nn * nn)) / denominator;
  // At 0 and n successes the bound is exactly 0 (or 1); rounding would leave 1e-17.
  const double low = successes == 0 ? 0.0 : std::max(0.0, centre - half);
  const double high = successes == n ? 1.0 : std::min(1.0, centre + half);
  return {low, high};
}

WhatIfResult runWhatIf(std::shared_ptr<const scenario::ScenarioDef> scenario, const session::SessionDef& header,
                       const std::vector<session::SessionEntry>& log, const WhatIfPlan& plan,
                       const std::atomic<bool>& stop, const ProgressCallback& progress) {
  if (!scenario) throw std::invalid_argument("what-if: no scenario");
  const Prepared p = prepare(*scenario, header, plan);
  const auto replayed = withoutMarks(log);
  Layout layout = scenarioLayout(*scenario);
  addOwnIncidents(scenario, header, replayed, layout);
  const WhatIfModel model(scenario, header, replayed, plan, p.fromUs, layout);

  WhatIfResult r = resultHeader(header, plan, p);
  r.metrics = model.metrics();
  r.scoreTerms = model.scoreTerms();
  r.own = model.ownRun(r.ownDecisionsRefused);
  RowCollector sink(r.rows);
  const RunResult run = runReplications(model, {runnerSeed(plan, header, p), 0, plan.replications, plan.threads},
                                        sink, stop, progress);
  r.completed = run.completed;
  r.stopped = run.stopped;
  summarise(r, layout);
  return r;
}

WhatIfComparison runWhatIfPaired(std::shared_ptr<const scenario::ScenarioDef> scenario,
                                 const session::SessionDef& header, const std::vector<session::SessionEntry>& logA,
                                 const std::vector<session::SessionEntry>& logB, const WhatIfPlan& plan,
                                 const std::atomic<bool>& stop, const ProgressCallback& progress) {
  if (!scenario) throw std::invalid_argument("what-if: no scenario");
  const Prepared p = prepare(*scenario, header, plan);
  const auto replayedA = withoutMarks(logA);
  const auto replayedB = withoutMarks(logB);
  Layout layout = scenarioLayout(*scenario);
  addOwnIncidents(scenario, header, replayedA, layout);
  addOwnIncidents(scenario, header, replayedB, layout);
  const WhatIfModel modelA(scenario, header, replayedA, plan, p.fromUs, layout);
  const WhatIfModel modelB(scenario, header, replayedB, plan, p.fromUs, layout);
  const PairedModel paired(modelA, modelB);

  WhatIfComparison c;
  c.a = resultHeader(header, plan, p);
  c.b = c.a;
  for (WhatIfResult* r : {&c.a, &c.b}) {
    r->metrics = modelA.metrics();
    r->scoreTerms = modelA.scoreTerms();
  }
  c.a.own = modelA.ownRun(c.a.ownDecisionsRefused);
  c.b.own = modelB.ownRun(c.b.ownDecisionsRefused);
  std::vector<std::vector<double>> rows;
  RowCollector sink(rows);
  const RunResult run = runReplications(paired, {runnerSeed(plan, header, p), 0, plan.replications, plan.threads},
                                        sink, stop, progress);
  CompareStatistics compare(modelA.metrics());
  const std::size_t half = paired.half();
  for (const auto& row : rows) {
    c.a.rows.emplace_back(row.begin(), row.begin() + static_cast<std::ptrdiff_t>(half));
    c.b.rows.emplace_back(row.begin() + static_cast<std::ptrdiff_t>(half), row.end());
    compare.add(c.a.rows.back(), c.b.rows.back());
  }
  for (WhatIfResult* r : {&c.a, &c.b}) {
    r->completed = run.completed;
    r->stopped = run.stopped;
    summarise(*r, layout);
  }
  c.differences = compare.differences();
  return c;
}

std::string describeWhatIf(const WhatIfResult& r) {
  const std::string n = std::to_string(r.completed) + (r.stopped ? " of " + std::to_string(r.requested) : "");
  if (r.variant == WhatIfVariant::Fresh) {
    return "fresh seeds: " + n + " replications, replication r on seed " + std::to_string(r.seedBase) +
           ", replication r (the decisions replayed at their times; one that cannot apply is passed over)";
  }
  return "from here: " + n + " replications of the session's run (seed " + std::to_string(r.sessionSeed) +
         ", replication " + std::to_string(r.sessionReplication) + ") kept up to " + core::clockText(r.fromUs) +
         ", then every random stream re-drawn with salt = replication index r";
}

}  // namespace irdrill::montecarlo
