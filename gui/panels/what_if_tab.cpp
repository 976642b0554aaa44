// The What-if tab: "what usually happens with these decisions". N replications of the
// current branch's decision log, on fresh seeds or from here (the session's run kept up to
// now, the future re-drawn), optionally against another branch on common random numbers;
// the distributions of the score and of the time to contain with this run marked, and
// P(each deadline missed). The replications run on the job UiState::whatIf holds (a
// worker thread, gui/view_model/what_if_job.hpp): the frame only reads its progress and,
// once finished, its result.
//
// Sections: run controls - histograms - deadlines and comparison - the tab.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <thread>

#include "gui/i18n.hpp"
#include "gui/panels/panels.hpp"
#include "gui/ui_dump.hpp"
#include "gui/view_model/what_if_histogram.hpp"
#include "gui/view_model/what_if_job.hpp"
#include "sim/core/clock_text.hpp"
#include "sim/session/branches.hpp"

namespace irdrill::gui {
namespace {

using view_model::WhatIfJob;
using view_model::WhatIfOutcome;

std::string number(double value, int decimals) {
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

// --- Run controls ---------------------------------------------------------------------
void drawControls(const session::LiveSession& live, UiState& ui, WhatIfJob& job) {
  WhatIfForm& form = ui.whatIfForm;
  ImGui::TextWrapped("%s", tr(ui, "whatif.intro"));
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
  ImGui::InputScalar(trId(ui, "whatif.replications").c_str(), ImGuiDataType_U64, &form.replications);
  noteItemForDump("what_if_replications");
  form.replications = std::clamp<std::uint64_t>(form.replications, 1, 100000);
  if (ImGui::RadioButton(trId(ui, "whatif.variant_fresh").c_str(), !form.fromHere)) form.fromHere = false;
  noteItemForDump("what_if_fresh");
  ImGui::SameLine();
  const std::string fromHereLabel =
      trf(ui, "whatif.variant_from_here", {{"time", core::clockText(live.now())}}) + "###whatif.from_here";
  if (ImGui::RadioButton(fromHereLabel.c_str(), form.fromHere)) form.fromHere = true;
  noteItemForDump("what_if_from_here");

  // Branches: compare with another one on common random numbers.
  const session::SessionDef current = live.session();
  const auto branches = session::listBranches(current);
  if (branches.size() > 1) {
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    const char* shown = form.compareBranch.empty() ? tr(ui, "whatif.compare_none") : form.compareBranch.c_str();
    if (ImGui::BeginCombo(trId(ui, "whatif.compare_with").c_str(), shown)) {
      if (ImGui::Selectable(tr(ui, "whatif.compare_none"), form.compareBranch.empty())) form.compareBranch.clear();
      for (const auto& b : branches) {
        if (b.current) continue;
        if (ImGui::Selectable(b.name.c_str(), form.compareBranch == b.name)) form.compareBranch = b.name;
      }
      ImGui::EndCombo();
    }
    noteItemForDump("what_if_compare");
  }

  const bool running = job.running();
  ImGui::BeginDisabled(running);
  if (ImGui::Button(trId(ui, "whatif.run").c_str())) {
    view_model::WhatIfRequest request;
    request.scenario = live.sharedScenario();
    request.header = current;
    request.header.lastUs = live.now();
    request.log = live.log();
    request.branch = session::currentBranchName(current);
    if (!form.compareBranch.empty() && session::hasBranch(current, form.compareBranch)) {
      request.otherLog = session::branchLog(current, form.compareBranch);
      request.otherBranch = form.compareBranch;
    }
    request.plan.variant = form.fromHere ? montecarlo::WhatIfVariant::FromHere : montecarlo::WhatIfVariant::Fresh;
    request.plan.replications = form.replications;
    request.plan.fromUs = live.now();
    // Leave a core to the frame: the window stays responsive while the replications run.
    const unsigned cores = std::thread::hardware_concurrency();
    request.plan.threads = cores > 1 ? static_cast<int>(cores - 1) : 1;
    job.start(std::move(request));
  }
  noteItemForDump("what_if_run");
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(!running);
  if (ImGui::Button(trId(ui, "whatif.cancel").c_str())) job.cancel();
  noteItemForDump("what_if_cancel");
  ImGui::EndDisabled();
  if (running || job.total() > 0) {
    ImGui::SameLine();
    const float fraction = job.total() ? static_cast<float>(job.done()) / static_cast<float>(job.total()) : 0.0f;
    const std::string text = trf(ui, "whatif.progress", {{"done", std::to_string(job.done())},
                                                         {"total", std::to_string(job.total())}});
    ImGui::ProgressBar(fraction, ImVec2(-1, 0), text.c_str());
    noteItemForDump("what_if_progress");
  }
}

// --- Histograms -------------------------------------------------------------------------
void drawHistogram(const UiState& ui, const char* id, const montecarlo::WhatIfDistribution& d, int decimals) {
  const view_model::WhatIfHistogram h =
      view_model::binWhatIf(d.values, d.censored, d.own, d.ownCensored, view_model::whatIfBinCount(d.values.size()));
  const float w = ImGui::GetContentRegionAvail().x;
  const float height = ImGui::GetFontSize() * 5;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::Dummy(ImVec2(w, height));
  noteItemForDump(id);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRect(origin, ImVec2(origin.x + w, origin.y + height), IM_COL32(120, 120, 120, 255));
  for (const auto& bar : view_model::whatIfBars(h, origin.x, origin.y, w, height)) {
    const ImU32 colour = bar.censored ? IM_COL32(200, 90, 60, 255) : IM_COL32(70, 130, 200, 255);
    if (bar.y1 > bar.y0) draw->AddRectFilled(ImVec2(bar.x0, bar.y0), ImVec2(bar.x1, bar.y1), colour);
  }
  if (const auto x = view_model::whatIfOwnMarkerX(h, origin.x, w)) {
    draw->AddLine(ImVec2(*x, origin.y), ImVec2(*x, origin.y + height), IM_COL32(250, 200, 40, 255), 3.0f);
  }
  if (!h.bins.empty()) {
    ImGui::TextDisabled("%s .. %s", number(h.bins.front().lowX, decimals).c_str(),
                        number(h.bins.back().highX, decimals).c_str());
    if (h.censored > 0) {
      ImGui::SameLine();
      ImGui::TextDisabled("| %s", trf(ui, "whatif.not_contained", {{"count", std::to_string(h.censored)}}).c_str());
    }
  }
  if (d.own && d.ownCensored) {
    ImGui::TextUnformatted(tr(ui, "whatif.this_run_censored"));
  } else if (d.own) {
    ImGui::TextUnformatted(trf(ui, "whatif.this_run",
                               {{"value", number(*d.own, decimals)},
                                {"percentile", d.ownPercentile ? number(*d.ownPercentile, 0) : std::string("-")}})
                               .c_str());
  }
}

// --- Deadlines and comparison -----------------------------------------------------------
void drawDeadlines(const UiState& ui, const montecarlo::WhatIfResult& r) {
  ImGui::TextUnformatted(tr(ui, "whatif.deadlines"));
  if (!ImGui::BeginTable("##what_if_deadlines", 4, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg)) return;
  ImGui::TableSetupColumn(tr(ui, "whatif.deadline"));
  ImGui::TableSetupColumn(tr(ui, "whatif.probability"));
  ImGui::TableSetupColumn(tr(ui, "whatif.interval"));
  ImGui::TableSetupColumn(tr(ui, "whatif.this_run_column"));
  ImGui::TableHeadersRow();
  for (const auto& d : r.deadlines) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(d.id.c_str());
    ImGui::TableNextColumn();
    ImGui::Text("%.3f (%llu/%llu)", d.probability, static_cast<unsigned long long>(d.missed),
                static_cast<unsigned long long>(d.runs));
    ImGui::TableNextColumn();
    ImGui::Text("[%.3f, %.3f]", d.wilsonLow, d.wilsonHigh);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(d.ownMissed ? tr(ui, *d.ownMissed ? "whatif.missed" : "whatif.met")
                                       : tr(ui, "whatif.not_applied"));
  }
  ImGui::EndTable();
  noteItemForDump("what_if_deadlines");
}

void drawComparison(const UiState& ui, const WhatIfOutcome& o) {
  ImGui::TextWrapped("%s", trf(ui, "whatif.compared", {{"a", o.branch}, {"b", o.otherBranch}}).c_str());
  if (!ImGui::BeginTable("##what_if_compare", 3, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg)) return;
  ImGui::TableSetupColumn(tr(ui, "whatif.metric"));
  ImGui::TableSetupColumn(tr(ui, "whatif.difference"));
  ImGui::TableSetupColumn(tr(ui, "whatif.interval"));
  ImGui::TableHeadersRow();
  for (const auto& d : o.differences) {
    if (d.name != "score" && d.name != "time_to_contain_h" && d.name != "deadlines_missed") continue;
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(d.name.c_str());
    ImGui::TableNextColumn();
    ImGui::Text("%+.2f", d.meanDifference);
    ImGui::TableNextColumn();
    if (std::isnan(d.ciLow)) {
      ImGui::TextUnformatted("-");
    } else {
      ImGui::Text("[%+.2f, %+.2f]", d.ciLow, d.ciHigh);
    }
  }
  ImGui::EndTable();
  noteItemForDump("what_if_comparison");
}

void drawResult(UiState& ui, const WhatIfOutcome& o) {
  if (!o.error.empty()) {
    ImGui::TextWrapped("%s", trf(ui, "whatif.failed", {{"reason", o.error}}).c_str());
    return;
  }
  const montecarlo::WhatIfResult& r = o.result;
  // Which variant is shown, always in view.
  const std::string shown = r.variant == montecarlo::WhatIfVariant::Fresh
                                ? trf(ui, "whatif.shown_fresh", {{"seed", std::to_string(r.seedBase)}})
                                : trf(ui, "whatif.shown_from_here", {{"time", core::clockText(r.fromUs)}});
  ImGui::TextWrapped("%s", shown.c_str());
  noteItemForDump(r.variant == montecarlo::WhatIfVariant::Fresh ? "what_if_shown_fresh" : "what_if_shown_from_here");
  if (r.stopped) {
    ImGui::TextWrapped("%s", trf(ui, "whatif.partial", {{"done", std::to_string(r.completed)},
                                                         {"total", std::to_string(r.requested)}})
                                 .c_str());
  }
  ImGui::Separator();
  ImGui::TextUnformatted(tr(ui, "whatif.score"));
  drawHistogram(ui, "what_if_score_histogram", r.score, 0);

  ImGui::Separator();
  ImGui::TextUnformatted(tr(ui, "whatif.time_to_contain"));
  int& choice = ui.whatIfForm.incident;  // -1: the mean over each run's incidents
  choice = std::clamp(choice, -1, static_cast<int>(r.incidents.size()) - 1);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
  const char* current =
      choice < 0 ? tr(ui, "whatif.mean_over_incidents") : r.incidents[static_cast<std::size_t>(choice)].id.c_str();
  if (ImGui::BeginCombo(trId(ui, "whatif.incident").c_str(), current)) {
    if (ImGui::Selectable(tr(ui, "whatif.mean_over_incidents"), choice < 0)) choice = -1;
    for (std::size_t i = 0; i < r.incidents.size(); ++i) {
      if (ImGui::Selectable(r.incidents[i].id.c_str(), choice == static_cast<int>(i))) choice = static_cast<int>(i);
    }
    ImGui::EndCombo();
  }
  drawHistogram(ui, "what_if_contain_histogram",
                choice < 0 ? r.timeToContainH : r.incidents[static_cast<std::size_t>(choice)].timeToContainH, 1);
  ImGui::Separator();
  drawDeadlines(ui, r);
  if (o.other) {
    ImGui::Separator();
    drawComparison(ui, o);
  }
}

}  // namespace

// --- The tab ------------------------------------------------------------------------------
void drawWhatIfTab(const session::LiveSession& live, UiState& ui) {
  if (!ui.whatIf) ui.whatIf = std::make_shared<WhatIfJob>();
  WhatIfJob& job = *ui.whatIf;
  drawControls(live, ui, job);
  ImGui::Separator();
  const auto outcome = job.outcome();
  if (!outcome) {
    ImGui::TextWrapped("%s", tr(ui, "whatif.no_result"));
    return;
  }
  ImGui::BeginChild("##what_if_results");
  noteWindowForDump("what_if_results");
  drawResult(ui, *outcome);
  ImGui::EndChild();
}

}  // namespace irdrill::gui
