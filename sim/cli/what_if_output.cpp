// `irdrill replay --what-if`: the replications and their files (see what_if_output.hpp).
//
// Sections: text of the variant - summary.json member - report section - the command.
#include "sim/cli/what_if_output.hpp"

#include <cmath>
#include <cstdio>
#include <sstream>
#include <stdexcept>

#include "sim/cli/atomic_file.hpp"
#include "sim/cli/exit_codes.hpp"
#include "sim/cli/interrupt.hpp"
#include "sim/cli/mc_command.hpp"
#include "sim/cli/mc_output.hpp"
#include "sim/cli/output_directory.hpp"
#include "sim/cli/progress.hpp"
#include "sim/core/clock_text.hpp"
#include "sim/core/json_text.hpp"
#include "sim/montecarlo/report_html.hpp"
#include "sim/montecarlo/runs_csv.hpp"
#include "sim/montecarlo/what_if.hpp"

namespace irdrill::cli {
namespace {

using core::jsonNumber;
using core::jsonString;

// The salt rule, as random_streams.hpp documents it.
constexpr const char* kSaltRule =
    "salt = replication index r; every stream's seed becomes mix(seed ^ mix(salt ^ fnv1a64(\"irdrill.reseed\"))) "
    "(sim/core/random_streams.hpp)";

std::string optionalNumber(const std::optional<double>& value) { return value ? jsonNumber(*value) : "null"; }

// --- summary.json: the "what_if" member --------------------------------------------
std::string whatIfJson(const montecarlo::WhatIfResult& r, const std::string& sessionPath) {
  const bool fresh = r.variant == montecarlo::WhatIfVariant::Fresh;
  std::string j = "  \"what_if\": {\n";
  j += "    \"variant\": " + jsonString(montecarlo::kWhatIfVariantNames[static_cast<int>(r.variant)]) + ",\n";
  j += "    \"description\": " + jsonString(montecarlo::describeWhatIf(r)) + ",\n";
  j += "    \"session\": " + jsonString(sessionPath) + ",\n";
  j += "    \"session_seed\": " + std::to_string(r.sessionSeed) + ",\n";
  j += "    \"session_replication\": " + std::to_string(r.sessionReplication) + ",\n";
  j += "    \"seed_base\": " + (fresh ? std::to_string(r.seedBase) : std::string("null")) + ",\n";
  j += "    \"from_t_s\": " + (fresh ? std::string("null") : core::jsonSecondsFromUs(r.fromUs)) + ",\n";
  j += "    \"from_time\": " + (fresh ? std::string("null") : jsonString(core::clockText(r.fromUs))) + ",\n";
  j += "    \"salt_rule\": " + (fresh ? std::string("null") : jsonString(kSaltRule)) + ",\n";
  j += "    \"own_run\": {\"score\": " + optionalNumber(r.score.own) +
       ", \"score_percentile\": " + optionalNumber(r.score.ownPercentile) +
       ", \"decisions_refused\": " + std::to_string(r.ownDecisionsRefused) + "},\n";
  j += "    \"incidents\": [";
  for (std::size_t i = 0; i < r.incidents.size(); ++i) {
    const auto& x = r.incidents[i];
    const auto& d = x.timeToContainH;
    j += std::string(i ? ",\n" : "\n") + "      {\"id\": " + jsonString(x.id) +
         ", \"runs_with_incident\": " + std::to_string(x.runsWithIncident) +
         ", \"not_contained\": " + std::to_string(d.censoredCount) +
         ", \"time_to_contain_median_h\": " + optionalNumber(d.quantile(0.5)) +
         ", \"time_to_contain_p90_h\": " + optionalNumber(d.quantile(0.9)) +
         ", \"own_h\": " + optionalNumber(d.own) + ", \"own_contained\": " +
         (d.own ? (d.ownCensored ? "false" : "true") : "null") +
         ", \"own_percentile\": " + optionalNumber(d.ownPercentile) + "}";
  }
  j += r.incidents.empty() ? "],\n" : "\n    ],\n";
  j += "    \"deadlines\": [";
  for (std::size_t i = 0; i < r.deadlines.size(); ++i) {
    const auto& d = r.deadlines[i];
    j += std::string(i ? ",\n" : "\n") + "      {\"id\": " + jsonString(d.id) + ", \"runs\": " + std::to_string(d.runs) +
         ", \"applied\": " + std::to_string(d.applied) + ", \"missed\": " + std::to_string(d.missed) +
         ", \"probability\": " + jsonNumber(d.probability) + ", \"wilson95_low\": " + jsonNumber(d.wilsonLow) +
         ", \"wilson95_high\": " + jsonNumber(d.wilsonHigh) + ", \"own_missed\": " +
         (d.ownMissed ? (*d.ownMissed ? "true" : "false") : "null") + "}";
  }
  j += r.deadlines.empty() ? "]\n" : "\n    ]\n";
  j += "  }";
  return j;
}

// The mc summary with the what_if member added last.
std::string summaryText(const SummaryInfo& info, const montecarlo::WhatIfResult& r, const std::string& sessionPath) {
  std::ostringstream out;
  writeSummaryJson(out, info, r.summaries);
  std::string text = out.str();
  const std::size_t close = text.rfind('}');
  if (close == std::string::npos) throw std::logic_error("summary.json without a closing brace");
  std::size_t end = close;
  while (end > 0 && (text[end - 1] == '\n' || text[end - 1] == ' ')) --end;
  return text.substr(0, end) + ",\n" + whatIfJson(r, sessionPath) + "\n}\n";
}

// --- report.html: the "What if" section --------------------------------------------
std::string escapeHtml(const std::string& text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string fixed(double value, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

std::string reportSection(const montecarlo::WhatIfResult& r) {
  const bool fresh = r.variant == montecarlo::WhatIfVariant::Fresh;
  std::string h = "<section class=\"what-if\" id=\"what-if\">\n<h2>What if: ";
  h += fresh ? "fresh seeds" : "from here, " + escapeHtml(core::clockText(r.fromUs));
  h += "</h2>\n<p class=\"what-if-variant\">" + escapeHtml(montecarlo::describeWhatIf(r)) + ".</p>\n";
  if (!fresh) h += "<p>Salt rule: " + escapeHtml(kSaltRule) + ".</p>\n";
  if (r.score.own) {
    h += "<p>This session's own run scored " + fixed(*r.score.own, 0);
    if (r.score.ownPercentile) h += ": percentile " + fixed(*r.score.ownPercentile, 0) + " among the replications";
    h += ".</p>\n";
  }
  h += "<table class=\"summary\"><thead><tr><th>Incident</th><th class=\"num\">runs</th><th class=\"num\">not "
       "contained</th><th class=\"num\">median h</th><th class=\"num\">p90 h</th><th class=\"num\">this run h</th>"
       "<th class=\"num\">percentile</th></tr></thead><tbody>\n";
  auto cell = [](const std::optional<double>& v, const char* missing) { return v ? fixed(*v, 2) : std::string(missing); };
  for (const auto& x : r.incidents) {
    const auto& d = x.timeToContainH;
    h += "<tr><td>" + escapeHtml(x.id) + "</td><td class=\"num\">" + std::to_string(x.runsWithIncident) +
         "</td><td class=\"num\">" + std::to_string(d.censoredCount) + "</td><td class=\"num\">" +
         cell(d.quantile(0.5), "beyond the end") + "</td><td class=\"num\">" + cell(d.quantile(0.9), "beyond the end") +
         "</td><td class=\"num\">" + (d.own ? fixed(*d.own, 2) + (d.ownCensored ? " (not contained)" : "") : "-") +
         "</td><td class=\"num\">" + cell(d.ownPercentile, "-") + "</td></tr>\n";
  }
  h += "</tbody></table>\n";
  h += "<table class=\"summary\"><thead><tr><th>Deadline</th><th class=\"num\">P(missed)</th><th class=\"num\">95% "
       "interval (Wilson)</th><th class=\"num\">missed / runs</th><th class=\"num\">applied in</th><th>this run</th></tr>"
       "</thead><tbody>\n";
  for (const auto& d : r.deadlines) {
    h += "<tr><td>" + escapeHtml(d.id) + "</td><td class=\"num\">" + fixed(d.probability, 3) + "</td><td class=\"num\">[" +
         fixed(d.wilsonLow, 3) + ", " + fixed(d.wilsonHigh, 3) + "]</td><td class=\"num\">" + std::to_string(d.missed) +
         " / " + std::to_string(d.runs) + "</td><td class=\"num\">" + std::to_string(d.applied) + "</td><td>" +
         (d.ownMissed ? (*d.ownMissed ? "missed" : "met") : "did not apply") + "</td></tr>\n";
  }
  h += "</tbody></table>\n<p>A deadline counts as missed in a run when any incident missed it; runs where it "
       "never applied count as not missed. Times to contain of incidents never contained are censored at the end "
       "of the run: their quantiles are given only where they are known.</p>\n</section>\n";
  return h;
}

std::string reportText(const montecarlo::ReportData& data, const montecarlo::WhatIfResult& r) {
  std::ostringstream out;
  montecarlo::writeReportHtml(data, out);
  std::string html = out.str();
  const std::string anchor = "</header>\n";
  const std::size_t at = html.find(anchor);
  if (at == std::string::npos) throw std::logic_error("report without a header");
  return html.insert(at + anchor.size(), reportSection(r));
}

std::string commandLine(const WhatIfCommand& c, const montecarlo::WhatIfResult& r) {
  std::string text = "irdrill replay " + shellWord(c.sessionPath) + " --what-if " + std::to_string(c.replications);
  if (c.fromHere) text += " --from-here";
  if (r.variant == montecarlo::WhatIfVariant::Fresh) text += " --seed-base " + std::to_string(r.seedBase);
  return text + " --out " + shellWord(c.outDir);
}

void printWhatIf(const montecarlo::WhatIfResult& r) {
  std::printf("what if: %s\n", montecarlo::describeWhatIf(r).c_str());
  if (r.score.own) {
    std::printf("  this session's score %s, percentile %s\n", tableNumber(*r.score.own).c_str(),
                r.score.ownPercentile ? tableNumber(*r.score.ownPercentile).c_str() : "-");
  }
  for (const auto& x : r.incidents) {
    const auto median = x.timeToContainH.quantile(0.5);
    std::printf("  incident %s: median time to contain %s h, not contained in %llu of %llu runs\n", x.id.c_str(),
                median ? tableNumber(*median).c_str() : "beyond the end",
                static_cast<unsigned long long>(x.timeToContainH.censoredCount),
                static_cast<unsigned long long>(x.runsWithIncident));
  }
  for (const auto& d : r.deadlines) {
    std::printf("  P(%s missed) = %.3f  [%.3f, %.3f] (Wilson 95%%), applied in %llu of %llu runs\n", d.id.c_str(),
                d.probability, d.wilsonLow, d.wilsonHigh, static_cast<unsigned long long>(d.applied),
                static_cast<unsigned long long>(d.runs));
  }
}

}  // namespace

int runWhatIfCommand(const WhatIfCommand& c, std::shared_ptr<const scenario::ScenarioDef> scenario,
                     const session::SessionDef& session) {
  const std::string command = "replay";
  if (c.fromHere && c.seedBase) {
    std::fprintf(stderr, "irdrill replay: error: --seed-base applies to fresh seeds, not with --from-here (the "
                         "replications keep the session's seed and re-draw from a salt)\n");
    return kExitUsage;
  }
  if (c.outDir.empty()) {
    std::fprintf(stderr, "irdrill replay: error: --what-if needs --out DIR\n");
    return kExitUsage;
  }
  montecarlo::WhatIfPlan plan;
  plan.variant = c.fromHere ? montecarlo::WhatIfVariant::FromHere : montecarlo::WhatIfVariant::Fresh;
  plan.replications = c.replications;
  plan.seedBase = c.seedBase;
  plan.threads = resolveThreads(c.threads);

  std::optional<OutputDirectory> outDir;
  try {
    outDir.emplace(c.outDir, kRunOutputFiles);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "irdrill replay: error: %s\n", e.what());
    return kExitIo;
  }

  std::fprintf(stderr, "irdrill replay: what-if, %llu replications (%s), %d thread%s\n",
               static_cast<unsigned long long>(c.replications), c.fromHere ? "from here" : "fresh seeds",
               plan.threads, plan.threads == 1 ? "" : "s");
  ProgressReporter progress(stderr, ProgressReporter::stderrIsTerminal(), "what-if");
  montecarlo::RunProgress last{0, c.replications, 0};
  const std::string scenarioName = scenario ? scenario->name : std::string();
  montecarlo::WhatIfResult r;
  {
    InterruptGuard interrupt;
    r = montecarlo::runWhatIf(std::move(scenario), session, session.entries, plan, interrupt.flag(),
                              [&](const montecarlo::RunProgress& p) {
                                last = p;
                                progress.update(p);
                              });
  }
  progress.finish(last, r.stopped ? "interrupted: writing the finished replications" : "");

  SummaryInfo info;
  info.scenarioName = scenarioName;
  info.scenarioHash = c.scenarioHash;
  info.overrides = session.overrides;
  info.seed = r.variant == montecarlo::WhatIfVariant::Fresh ? r.seedBase : r.sessionSeed;
  info.requested = r.requested;
  info.firstReplication = 0;
  info.replications = r.completed;
  info.partial = r.stopped;
  info.scoreTerms = r.scoreTerms;

  const auto write = [&](const std::string& name, const std::function<void(std::ostream&)>& body) {
    return writeFileAtomically(outDir->stagedPath(name), body, command, outDir->finalPath(name));
  };
  try {
    if (!write("runs.csv", [&](std::ostream& out) {
          montecarlo::RunsCsvWriter csv(out, r.metrics, info.seed);
          for (std::size_t i = 0; i < r.rows.size(); ++i) csv.onReplication(i, r.rows[i]);
        })) {
      return kExitIo;
    }
    const std::string summary = summaryText(info, r, c.sessionPath);
    if (!write("summary.json", [&](std::ostream& out) { out << summary; })) return kExitIo;
    auto data = makeRunReport(info, r.summaries, commandLine(c, r));
    data.title = (info.scenarioName.empty() ? std::string("session") : info.scenarioName) + ": what if, " +
                 std::to_string(r.completed) + " replications, " + (c.fromHere ? "from here" : "fresh seeds");
    const std::string report = reportText(data, r);
    if (!write("report.html", [&](std::ostream& out) { out << report; })) return kExitIo;
  } catch (const std::logic_error& e) {
    std::fprintf(stderr, "irdrill replay: internal error: %s\n", e.what());
    return kExitInternalError;
  }
  if (!outDir->commitOrReport("replay")) return kExitIo;

  printWhatIf(r);
  printMetricTable(stdout, r.summaries);
  std::printf("wrote %s, %s, %s\n", outDir->finalPath("runs.csv").c_str(), outDir->finalPath("summary.json").c_str(),
              outDir->finalPath("report.html").c_str());
  return r.stopped ? kExitInterrupted : kExitOk;
}

}  // namespace irdrill::cli
