#include "sim/cli/run_summary.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "sim/core/clock_text.hpp"

namespace irdrill::cli {
namespace {

using core::clockText;
using core::spanText;

double percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const double rank = p * static_cast<double>(values.size() - 1);
  const auto lo = static_cast<std::size_t>(rank);
  const std::size_t hi = std::min(lo + 1, values.size() - 1);
  return values[lo] + (values[hi] - values[lo]) * (rank - static_cast<double>(lo));
}

void printDaySummary(const day::OfficeDay& run, const std::array<int, exercise::kMissedAlertReasonCount>& missed) {
  const day::DayMetrics& m = run.metrics();
  std::printf("office day: %d people, %d tags, %llu advertising events, %llu link budgets\n", m.people,
              m.tags, static_cast<unsigned long long>(m.advertisingEvents),
              static_cast<unsigned long long>(m.linkEvaluations));
  std::printf("  items left behind %d: separations %d, detected %d (%.0f%%), recovered %d, lost %d\n",
              m.itemsLeftBehind, m.separations, m.separationsDetected,
              100.0 * m.detectionProbability(), m.itemsRecovered, m.itemsLost);
  if (!m.detectionLatenciesS.empty()) {
    std::printf("  detection latency: median %.0f s, p90 %.0f s\n",
                percentile(m.detectionLatenciesS, 0.5), percentile(m.detectionLatenciesS, 0.9));
  }
  std::printf("  phone alerts %d: true %d, false %d (%.2f false alarms per person-day)\n",
              m.phoneAlerts, m.trueAlerts, m.falseAlerts, m.falseAlarmsPerPersonDay());
  std::printf("  gateway alerts %d, crowd-finding reports %d, tags gone silent %d\n",
              m.gatewayAlerts, m.crowdReports, m.tagsSilent);
  // Why separations went without an alert the owner acted on (docs/day-model.md).
  int notDetected = 0;
  for (std::size_t r = 0; r < missed.size(); ++r) {
    if (static_cast<exercise::MissedAlertReason>(r) != exercise::MissedAlertReason::AlertIgnored) notDetected += missed[r];
  }
  const int ignored = missed[static_cast<std::size_t>(exercise::MissedAlertReason::AlertIgnored)];
  if (notDetected + ignored > 0) {
    std::printf("  separations missed %d:", notDetected + ignored);
    const char* separator = " ";
    for (std::size_t r = 0; r < missed.size(); ++r) {
      if (missed[r] == 0) continue;
      std::printf("%s%s %d", separator, exercise::kMissedAlertReasonNames[r], missed[r]);
      separator = ", ";
    }
    std::printf("\n");
  }
}

void printPlannedIncidents(const std::vector<exercise::PlannedIncidentView>& planned) {
  if (planned.empty()) return;
  std::printf("planned incidents: %zu\n", planned.size());
  for (const auto& p : planned) {
    std::printf("  %s (%s): %s", p.source.c_str(), incident::kIncidentKindNames[static_cast<int>(p.kind)],
                exercise::kPlannedStatusNames[static_cast<int>(p.status)]);
    if (!p.reason.empty()) std::printf(", %s", p.reason.c_str());
    if (!p.detail.empty()) std::printf(": %s", p.detail.c_str());
    std::printf("\n");
  }
}

std::string sinceStart(const scoring::IncidentOutcome& o, const scoring::Milestone& m) {
  if (!m.timeUs) return "-";
  return spanText(core::usToSeconds(*m.timeUs - o.startUs));
}

void printIncidents(const std::vector<scoring::IncidentOutcome>& outcomes) {
  if (outcomes.empty()) {
    std::printf("incidents: none\n");
    return;
  }
  std::printf("incidents: %zu\n", outcomes.size());
  for (const auto& o : outcomes) {
    std::printf("  %s (%s, procedure %s)\n    %s\n", o.id.c_str(),
                incident::kIncidentKindNames[static_cast<int>(o.kind)],
                o.procedure.empty() ? "none" : o.procedure.c_str(), o.summary.c_str());
    if (o.recoveredBeforeDetection()) {
      // Over before anyone noticed: there was no detection and no response to report.
      std::printf("    started %s; recovered before detection after %s (contained after %s)\n",
                  clockText(o.startUs).c_str(), sinceStart(o, o.recovered).c_str(),
                  sinceStart(o, o.contained).c_str());
    } else {
      std::printf("    started %s; detected after %s%s%s; contained after %s; recovered after %s\n",
                  clockText(o.startUs).c_str(), sinceStart(o, o.detected).c_str(),
                  o.detected.timeUs ? " by " : "", o.detected.timeUs ? o.detectedBy.c_str() : "",
                  sinceStart(o, o.contained).c_str(), sinceStart(o, o.recovered).c_str());
    }
    std::printf("    records exfiltrated %.0f, items lost %d, recovered %d, downtime %s\n",
                o.recordsExfiltrated, o.itemsLost, o.itemsRecovered, spanText(o.downtimeS).c_str());
    int met = 0;
    for (const auto& d : o.deadlines) met += d.met ? 1 : 0;
    std::printf("    deadlines met %d of %zu; steps done %d, not done %zu, out of order %zu\n", met,
                o.deadlines.size(), o.stepsDone, o.stepsNotDone.size(), o.stepsOutOfOrder.size());
  }
}

void printScore(const scoring::ScoreCard& card, int ledgerLines) {
  std::printf("score: %.1f\n", card.total);
  std::vector<const scoring::LedgerEntry*> entries;
  for (const auto& e : card.ledger) entries.push_back(&e);
  // The biggest causes first: what a team should look at.
  std::stable_sort(entries.begin(), entries.end(), [](const auto* a, const auto* b) {
    return std::abs(a->points) > std::abs(b->points);
  });
  const std::size_t shown = std::min(entries.size(), static_cast<std::size_t>(std::max(ledgerLines, 0)));
  for (std::size_t i = 0; i < shown; ++i) {
    const scoring::LedgerEntry& e = *entries[i];
    std::printf("  %+9.1f  %-20s %-28s %s%s%s\n", e.points, e.term.c_str(),
                e.incident.empty() ? "" : e.incident.c_str(), e.detail.c_str(),
                e.eventSeq ? " (event " : "", e.eventSeq ? (std::to_string(e.eventSeq) + ")").c_str() : "");
  }
  if (shown < entries.size()) std::printf("  ... %zu more ledger lines in the event log's score records\n", entries.size() - shown);
}

}  // namespace

void printRunSummary(const exercise::Exercise& run, const scoring::ScoreCard& card,
                     const RunSummaryInfo& info) {
  std::printf("scenario %s, seed %llu, replication %llu, run to %s\n", info.scenarioName.c_str(),
              static_cast<unsigned long long>(info.seed), static_cast<unsigned long long>(info.replication),
              clockText(run.now()).c_str());
  if (const day::OfficeDay* officeDay = run.officeDay()) printDaySummary(*officeDay, run.separationsMissed());
  printPlannedIncidents(run.plannedIncidents());
  printIncidents(run.outcomes());
  printScore(card, info.ledgerLines);
  if (!info.eventsPath.empty()) {
    std::printf("event log: %s (%llu events)\n", info.eventsPath.c_str(),
                static_cast<unsigned long long>(run.eventsLogged()));
  }
}

}  // namespace irdrill::cli
