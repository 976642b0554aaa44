// The Branches tab: every branch of the session (the current one marked) with a Switch
// button each, a rename field for the current one, and the path not taken side by side:
// the current branch and a chosen other branch replayed to the same moment
// (session::compareBranches), each ledger term and outcome with both values and the
// difference. Switching and renaming are BranchRequests the shell carries out; the
// comparison is a read of the session, cached in UiState::branches.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <exception>
#include <string>
#include <vector>

#include "gui/i18n.hpp"
#include "gui/panels/panels.hpp"
#include "gui/panels/widgets.hpp"
#include "gui/ui_dump.hpp"
#include "gui/view_model/branches.hpp"
#include "sim/core/clock_text.hpp"

namespace irdrill::gui {
namespace {

namespace vm = view_model;

// What a comparison depends on: the two branches and how far the current one has been
// played (its applied and pending entries; the other branch cannot change while it is not
// current). The clock is not in it: "Compare again" brings the moment compared up to now.
std::string comparisonKey(const session::LiveSession& live, const std::string& other) {
  return live.currentBranch() + '\n' + other + '\n' + std::to_string(live.log().size()) + '\n' +
         std::to_string(live.pending().size());
}

void drawBranchList(const session::LiveSession& live, const std::vector<session::BranchInfo>& branches, UiState& ui) {
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingFixedFit;
  if (!ImGui::BeginTable("branches", 5, flags)) return;
  ImGui::TableSetupColumn(tr(ui, "rewind.branches.col_name"), ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn(tr(ui, "rewind.branches.col_fork"));
  ImGui::TableSetupColumn(tr(ui, "rewind.branches.col_entries"));
  ImGui::TableSetupColumn(tr(ui, "rewind.branches.col_clock"));
  ImGui::TableSetupColumn("");
  ImGui::TableHeadersRow();
  for (const vm::BranchRow& row : vm::branchRows(branches)) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    if (row.current) {
      ImGui::TextColored(ImVec4(0.5f, 0.9f, 0.5f, 1), "%s (%s)", row.name.c_str(), tr(ui, "rewind.branches.current"));
    } else {
      ImGui::TextUnformatted(row.name.c_str());
    }
    ImGui::TableNextColumn();
    if (!row.parent.empty()) {
      ImGui::TextUnformatted(
          trf(ui, "rewind.branches.fork", {{"time", row.forkTime}, {"count", std::to_string(row.forkEntryCount)}}).c_str());
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", row.parent.c_str());
    }
    ImGui::TableNextColumn();
    ImGui::Text("%zu", row.entryCount);
    ImGui::TableNextColumn();
    // The current branch's clock is the session's (its record holds the last save's).
    ImGui::TextUnformatted(row.current ? core::clockText(live.now()).c_str() : row.lastTime.c_str());
    ImGui::TableNextColumn();
    if (!row.current) {
      if (ImGui::SmallButton((std::string(tr(ui, "rewind.branches.switch")) + "##switch:" + row.name).c_str())) {
        BranchRequest request;
        request.kind = BranchRequest::Kind::Switch;
        request.branch = row.name;
        ui.branchRequest = request;
      }
      noteItemForDump(("branch_switch:" + row.name).c_str());
    }
  }
  ImGui::EndTable();
}

void drawComparisonTable(const session::BranchComparison& comparison, UiState& ui) {
  ImGui::TextWrapped("%s", trf(ui, "rewind.branches.as_of",
                               {{"time", core::clockText(comparison.a.atUs)}, {"a", comparison.a.branch}, {"b", comparison.b.branch}})
                               .c_str());
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_SizingFixedFit;
  const float heightPx = std::max(ImGui::GetContentRegionAvail().y, ImGui::GetTextLineHeightWithSpacing() * 6);
  if (!ImGui::BeginTable("branch_comparison", 4, flags, ImVec2(0, heightPx))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(tr(ui, "rewind.branches.col_metric"), ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn(comparison.a.branch.c_str());
  ImGui::TableSetupColumn(comparison.b.branch.c_str());
  ImGui::TableSetupColumn(tr(ui, "rewind.branches.col_difference"));
  ImGui::TableHeadersRow();
  for (const vm::ComparisonRow& row : vm::comparisonRows(comparison)) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    const std::string metric = trOr(ui, "rewind.metric." + row.metric, row.metric.c_str());
    widgets::cellText(row.incident.empty() ? metric : row.incident + ": " + metric);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(row.a.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(row.b.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(row.difference.c_str());
  }
  ImGui::EndTable();
  noteItemForDump("branch_comparison");
}

}  // namespace

void refreshBranchComparison(const session::LiveSession& live, UiState& ui) {
  BranchView& view = ui.branches;
  if (view.other.empty() || view.other == live.currentBranch()) {
    view.comparison.reset();
    view.comparisonError.clear();
    view.comparedKey.clear();
    return;
  }
  const std::string key = comparisonKey(live, view.other);
  if (key == view.comparedKey) return;
  view.comparedKey = key;
  view.comparison.reset();
  view.comparisonError.clear();
  try {
    // The session as it stands: the current branch's record synced with the clock, so
    // both branches are replayed to now.
    view.comparison = std::make_shared<const session::BranchComparison>(session::compareBranches(
        live.sharedScenario(), live.session(), live.currentBranch(), view.other, live.now()));
  } catch (const std::exception& e) {
    view.comparisonError = e.what();
  }
}

void drawBranchesTab(const session::LiveSession& live, UiState& ui) {
  widgets::showFeedback(ui, {"branches"});
  const session::SessionDef whole = live.session();
  const std::vector<session::BranchInfo> branches = session::listBranches(whole);
  drawBranchList(live, branches, ui);

  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
  ImGui::InputTextWithHint("##branch_rename", tr(ui, "rewind.branches.rename"), &ui.branches.renameText);
  noteItemForDump("branch_rename");
  ImGui::SameLine();
  if (ImGui::Button(trId(ui, "rewind.branches.rename_button").c_str()) && !ui.branches.renameText.empty()) {
    BranchRequest request;
    request.kind = BranchRequest::Kind::Rename;
    request.branch = live.currentBranch();
    request.newName = ui.branches.renameText;
    ui.branchRequest = request;
    ui.branches.renameText.clear();
  }
  noteItemForDump("branch_rename_button");
  ImGui::Separator();

  if (branches.size() < 2) {
    ImGui::TextWrapped("%s", tr(ui, "rewind.branches.one_branch"));
    return;
  }
  if (ui.view == ViewMode::Player) {
    // The table (and the ghosts) show the truth of both branches: the facilitator's.
    ImGui::TextDisabled("%s", tr(ui, "rewind.branches.facilitator_only"));
    return;
  }
  std::vector<std::string> others;
  for (const session::BranchInfo& b : branches) {
    if (!b.current) others.push_back(b.name);
  }
  // A first look compares with the branch this one forked from (else the first other).
  if (ui.branches.other.empty() || !session::hasBranch(whole, ui.branches.other) || ui.branches.other == live.currentBranch()) {
    std::string parent;
    for (const session::BranchInfo& b : branches) {
      if (b.current) parent = b.parent;
    }
    ui.branches.other = parent.empty() ? others.front() : parent;
  }
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
  widgets::stringCombo(trId(ui, "rewind.branches.compare_with").c_str(), others, ui.branches.other, ui.language);
  noteItemForDump("branch_compare_with");
  ImGui::SameLine();
  if (ImGui::Button(trId(ui, "rewind.branches.refresh").c_str())) ui.branches.comparedKey.clear();
  noteItemForDump("branch_compare_again");
  refreshBranchComparison(live, ui);
  if (!ui.branches.comparisonError.empty()) {
    ImGui::TextColored(ImVec4(1, 0.6f, 0.2f, 1), "%s",
                       trf(ui, "rewind.branches.failed", {{"reason", ui.branches.comparisonError}}).c_str());
  } else if (ui.branches.comparison) {
    drawComparisonTable(*ui.branches.comparison, ui);
  }
}

}  // namespace irdrill::gui
