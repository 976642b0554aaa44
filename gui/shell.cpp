// One frame of the training app around the session (see shell.hpp).
#include "shell.hpp"

#include <imgui.h>

#include <algorithm>
#include <iostream>

#include "app_window.hpp"
#include "gui/panels/hot_wash_tab.hpp"
#include "gui/panels/panel_state.hpp"
#include "gui/view_model/player_view.hpp"
#include "gui/view_model/scenario_texts.hpp"
#include "i18n.hpp"
#include "inspector.hpp"
#include "panel_host.hpp"
#include "run_clock.hpp"
#include "sim/core/clock_text.hpp"

namespace irdrill::gui {
namespace {

constexpr ImGuiWindowFlags kTiled = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                    ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;

// The texts the font needs glyphs for besides the catalogue's: the picker's scenarios and
// the open scenario's names and titles, in both languages.
std::vector<std::string> fontTexts(const PickerState& picker, const SessionHost& host) {
  std::vector<std::string> texts = host.scenarioTexts();
  for (const BundledScenario& b : picker.bundled) {
    for (const std::string* text : {&b.name, &b.description, &b.nameJa, &b.descriptionJa}) texts.push_back(*text);
  }
  if (host.isOpen()) {
    for (std::string& text : view_model::japaneseScenarioTexts(host.live().scenario())) texts.push_back(std::move(text));
  }
  return texts;
}

}  // namespace

Shell::Shell(AppWindow& app, std::vector<std::filesystem::path> sourceRoots) : app_(app) {
  picker_.bundled = describeScenarios(findBundledScenarios(sourceRoots));
  app_.loadFonts(fontTexts(picker_, host_));
  topBar_.uiScale = app.uiScale();
  ui_.uiScale = app.uiScale();
}

void Shell::afterOpen(const OpenOutcome& outcome) {
  for (const auto& message : outcome.messages) std::cerr << message << '\n';
  if (!outcome.ok) {
    picker_.messages = outcome.messages;
    map_.reset();
    return;
  }
  picker_.messages.clear();
  const auto& live = host_.live();
  map_ = std::make_unique<FloorMap>(live.scenario());
  mapTimeUs_ = live.now();
  const text::Language language = ui_.language;  // the app's, not the session's
  ui_ = UiState{};
  ui_.language = language;
  // The panels' forms and caches belong to the session that was showing.
  resetPanelState();
  ui_.uiScale = app_.uiScale();
  topBar_.message.clear();
  app_.loadFonts(fontTexts(picker_, host_));
}

OpenOutcome Shell::openScenario(const std::filesystem::path& path, std::optional<std::uint64_t> seed,
                                const std::vector<std::string>& overrides) {
  OpenOutcome outcome = host_.openScenario(path, seed, overrides);
  if (outcome.ok) topBar_.sessionPath = path.stem().string() + "-session.json";
  afterOpen(outcome);
  return outcome;
}

OpenOutcome Shell::openSession(const std::filesystem::path& path) {
  OpenOutcome outcome = host_.openSession(path);
  if (outcome.ok) topBar_.sessionPath = path.string();
  afterOpen(outcome);
  return outcome;
}

void Shell::setSessionPath(const std::filesystem::path& path) { topBar_.sessionPath = path.string(); }

std::optional<std::string> Shell::applyScriptCommand(const ScriptCommand& command) {
  RunControl& run = ui_.run;
  using Kind = ScriptCommand::Kind;
  if (!host_.isOpen() && command.kind != Kind::Quit && command.kind != Kind::Screenshot) {
    return std::string("no session is open");
  }
  switch (command.kind) {
    case Kind::Pause:
      run.paused = true;
      run.runUntil.reset();
      break;
    case Kind::Play: run.paused = false; break;
    case Kind::Step: run.stepOnce = true; break;
    case Kind::Express:
      run.express = true;
      run.paused = false;
      break;
    case Kind::ResetLayout:
      splits_ = LayoutSplits{};
      ui_.resetLayout = true;
      break;
    case Kind::RunToEnd:
      host_.live().runToEnd();
      mapTimeUs_ = host_.live().now();
      break;
    case Kind::Speed:
      run.speedSimSPerWallS = command.speedSimSPerWallS;
      run.express = false;
      break;
    case Kind::RunUntil: {
      auto& live = host_.live();
      const TimeParse parsed = parseRunUntilText(command.text, live.now());
      if (!parsed.timeUs) return "run_until: " + parsed.error;
      runClockTo(live, *parsed.timeUs, budget_.maxSliceUs);
      mapTimeUs_ = live.now();
      break;
    }
    case Kind::Entry: {
      session::SessionEntry entry = command.entry;
      // A script's entry without a seat is made from the seat field, as the panels do.
      if (entry.kind == session::SessionEntry::Kind::Decision && entry.decision.seat.empty()) entry.decision.seat = ui_.seat;
      if (entry.kind == session::SessionEntry::Kind::Inject && entry.inject.seat.empty()) entry.inject.seat = ui_.seat;
      ui_.actions.push_back(std::move(entry));
      break;
    }
    case Kind::View: ui_.view = command.text == "player" ? ViewMode::Player : ViewMode::Facilitator; break;
    case Kind::Seat: ui_.seat = command.text; break;
    case Kind::SelectIncident: ui_.selectedIncident = command.text; break;
    case Kind::Screenshot:
    case Kind::Quit: break;  // the main loop handles them after the frame is drawn
  }
  return std::nullopt;
}

FrameAdvance Shell::frame(double frameDtS) {
  wallTimeS_ += frameDtS;
  dump_.clear();
  ImGui::GetIO().UserData = &dump_;
  FrameAdvance advance;
  const ImVec2 display = ImGui::GetIO().DisplaySize;

  if (!host_.isOpen()) {
    drawPicker();
    ImGui::GetIO().UserData = nullptr;
    return advance;
  }
  handleShortcuts(ui_);
  const std::size_t queued = ui_.actions.size();
  applyQueuedActions(host_.live(), ui_);
  if (ui_.branchRequest) applyBranchRequest();
  host_.followCheckpoints();
  auto& live = host_.live();  // after a rewind or switch: the session swapped in
  if (ui_.debriefEdit) {
    live.setDebrief(std::move(*ui_.debriefEdit));
    ui_.debriefEdit.reset();
  }
  if (echoFeedback_) {
    for (std::size_t i = std::min(queued, ui_.feedback.size()); i-- > 0;) std::cerr << "irdrill-gui: " << ui_.feedback[i].text << '\n';
  }
  advance = advanceClock(live, ui_, frameDtS, budget_);
  if (!ui_.run.express) mapTimeUs_ = live.now();
  knownMissing_ = view_model::knownMissingItems(live.exercise().incidents());

  if (ui_.resetLayout) {
    splits_ = LayoutSplits{};
    ui_.resetLayout = false;
  }
  const ShellLayout layout = computeLayout(display.x, display.y, topBarHeightPx(), splits_);
  const TopBarRequests requests = drawTopBar(layout.topBar, live, host_.title(), ui_, topBar_, splits_);
  drawMapWindow(layout.map);
  drawPanelWindows(layout.panels, layout.timeline, live, ui_);
  if (map_) drawInspector(layout.map, live, *map_, knownMissing_, ui_);
  drawPauseCard(layout.map);

  if (requests.saveSession) {
    const auto error = host_.saveSession(topBar_.sessionPath);
    topBar_.message = error ? *error : trf(ui_, "gui.top.saved", {{"path", topBar_.sessionPath}});
  }
  if (ui_.writeAarRequested) {
    ui_.writeAarRequested = false;
    const std::filesystem::path aarPath = aarPathBeside(topBar_.sessionPath);
    const auto error = writeFileReplacing(aarPath, afterActionReportOf(live, ui_.language));
    ui_.feedback.insert(ui_.feedback.begin(), ActionFeedback{"debrief", !error, error ? *error : trf(ui_, "aar.hotwash.written", {{"path", aarPath.string()}})});
    if (echoFeedback_) std::cerr << "irdrill-gui: " << ui_.feedback.front().text << '\n';
  }
  if (requests.uiScale) pendingUiScale_ = requests.uiScale;
  if (requests.closeSession) pendingClose_ = true;
  ImGui::GetIO().UserData = nullptr;
  return advance;
}

void Shell::applyBranchRequest() {
  const BranchRequest request = std::move(*ui_.branchRequest);
  ui_.branchRequest.reset();
  using Kind = BranchRequest::Kind;
  ActionFeedback feedback;
  feedback.panel = "branches";
  if (request.kind == Kind::Rename) {
    const auto refused = host_.live().renameBranch(request.branch, request.newName);
    feedback.applied = !refused;
    feedback.text = refused ? trf(ui_, "rewind.feedback.rename_refused", {{"reason", *refused}})
                            : trf(ui_, "rewind.feedback.renamed", {{"from", request.branch}, {"to", request.newName}});
    if (!refused && ui_.branches.other == request.branch) ui_.branches.other = request.newName;
    ui_.branches.comparedKey.clear();
  } else {
    const core::TimeUs fromUs = host_.live().now();
    const std::string fromBranch = host_.live().currentBranch();
    OpenOutcome outcome;
    if (request.kind == Kind::Switch) {
      outcome = host_.switchBranch(request.branch);
    } else {
      const std::vector<session::SessionEntry> whole = host_.live().session().entries;
      outcome = host_.rewind(request.kind == Kind::RewindBeforeEntry ? session::rewindPointBefore(whole, request.entryIndex)
                                                                     : session::rewindPointAt(whole, request.atUs));
    }
    feedback.applied = outcome.ok;
    if (outcome.ok) {
      const auto& live = host_.live();
      feedback.text = request.kind == Kind::Switch
                          ? trf(ui_, "rewind.feedback.switched", {{"branch", live.currentBranch()}, {"time", core::clockText(live.now())}})
                          : trf(ui_, "rewind.feedback.rewound",
                                {{"from", core::clockText(fromUs)}, {"time", core::clockText(live.now())}, {"pending", std::to_string(live.pending().size())}});
      // The clock stops where the rewind landed; what showed of the old session goes.
      ui_.run.paused = true;
      ui_.run.runUntil.reset();
      ui_.run.express = false;
      ui_.card.reset();
      ui_.focusEventSeq.reset();
      ui_.selection.reset();
      ui_.branches.comparedKey.clear();
      // After a switch the branch left is the natural one to compare with.
      if (request.kind == Kind::Switch) ui_.branches.other = fromBranch;
      resetPanelCaches();
      mapTimeUs_ = live.now();
    }
    for (const std::string& message : outcome.messages) {
      if (!feedback.text.empty()) feedback.text += "\n";
      feedback.text += message;
    }
  }
  if (echoFeedback_) std::cerr << "irdrill-gui: " << feedback.text << '\n';
  ui_.feedback.insert(ui_.feedback.begin(), std::move(feedback));
  if (ui_.feedback.size() > kFeedbackKept) ui_.feedback.resize(kFeedbackKept);
}

void Shell::drawMapWindow(const Rect& rect) {
  ImGui::SetNextWindowPos(ImVec2(rect.x, rect.y));
  ImGui::SetNextWindowSize(ImVec2(rect.w, rect.h));
  mapVisible_ = false;
  if (ImGui::Begin(trId(ui_, "gui.map.title").c_str(), nullptr, kTiled | ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoScrollbar |
                                       ImGuiWindowFlags_NoScrollWithMouse)) {
    noteWindowForDump("map");
    if (map_) {
      MapLayers& layers = map_->layers;
      ImGui::Checkbox(trId(ui_, "gui.map.layer_people").c_str(), &layers.people);
      ImGui::SameLine();
      ImGui::Checkbox(trId(ui_, "gui.map.layer_items").c_str(), &layers.items);
      ImGui::SameLine();
      ImGui::Checkbox(trId(ui_, "gui.map.layer_alerts").c_str(), &layers.alerts);
      ImGui::SameLine();
      ImGui::Checkbox(trId(ui_, "gui.map.layer_gateways").c_str(), &layers.gateways);
      ImGui::SameLine();
      ImGui::Checkbox(trId(ui_, "gui.map.layer_ranges").c_str(), &layers.ranges);
      ImGui::SameLine();
      ImGui::Checkbox(trId(ui_, "gui.map.layer_rooms").c_str(), &layers.rooms);
      ImGui::SameLine();
      ImGui::Checkbox(trId(ui_, "gui.map.layer_desks").c_str(), &layers.desks);
      ImGui::SameLine();
      ImGui::Checkbox(trId(ui_, "gui.map.layer_offsite").c_str(), &layers.offsite);
      ImGui::SameLine();
      ImGui::Checkbox(trId(ui_, "gui.map.layer_labels").c_str(), &layers.labels);
      ImGui::SameLine();
      if (ImGui::SmallButton(trId(ui_, "gui.map.fit").c_str())) map_->resetView();
      if (ui_.run.express) {
        ImGui::SameLine();
        ImGui::TextColored(ImVec4(1.0f, 0.8f, 0.3f, 1.0f), "%s", tr(ui_, "gui.map.frozen"));
      }
      const ImVec2 origin = ImGui::GetCursorScreenPos();
      const ImVec2 avail = ImGui::GetContentRegionAvail();
      const Rect canvas{origin.x, origin.y, std::max(avail.x, 1.0f), std::max(avail.y, 1.0f)};
      ImGui::InvisibleButton("##map_canvas", ImVec2(canvas.w, canvas.h),
                             ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
      noteItemForDump("map_canvas");
      const ImGuiIO& io = ImGui::GetIO();
      if (ImGui::IsItemHovered() && io.MouseWheel != 0) {
        map_->zoomAt(io.MouseWheel > 0 ? 1.2f : 1.0f / 1.2f, io.MousePos.x, io.MousePos.y);
      }
      if (ImGui::IsItemActivated()) mapDragged_ = false;
      if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 3.0f)) {
        map_->panBy(io.MouseDelta.x, io.MouseDelta.y);
        mapDragged_ = true;
      } else if (ImGui::IsItemDeactivated() && !mapDragged_) {
        // A click, not the end of a drag: pick what is under it (last frame's geometry).
        ui_.selection = map_->pick(io.MousePos.x, io.MousePos.y);
      }
      const auto& live = host_.live();
      MapScene scene;
      scene.nowUs = mapTimeUs_;
      scene.view = ui_.view;
      scene.knownMissingItems = knownMissing_;
      scene.events = &live.events();
      scene.alertWindowS = std::max(120.0, ui_.run.speedSimSPerWallS * 3.0);
      scene.wallTimeS = wallTimeS_;
      scene.selection = ui_.selection;
      ImDrawList* labels = ImGui::GetWindowDrawList();
      labels->PushClipRect(ImVec2(canvas.x, canvas.y), ImVec2(canvas.x + canvas.w, canvas.y + canvas.h), true);
      map_->prepare(canvas, live.exercise().officeDay(), scene, labels);
      labels->PopClipRect();
      mapVisible_ = true;
    }
  }
  ImGui::End();
}

void Shell::drawPauseCard(const Rect& mapRect) {
  if (!ui_.card) return;
  const PauseCard& card = *ui_.card;
  const float width = std::min(mapRect.w * 0.7f, 520.0f * ImGui::GetFontSize() / 16.0f);
  ImGui::SetNextWindowPos(ImVec2(mapRect.x + (mapRect.w - width) / 2, mapRect.y + mapRect.h * 0.25f));
  ImGui::SetNextWindowSize(ImVec2(width, 0));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.16f, 0.14f, 0.08f, 0.97f));
  if (ImGui::Begin(trId(ui_, "gui.card.title").c_str(), nullptr,
                   ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                       ImGuiWindowFlags_NoSavedSettings)) {
    noteWindowForDump("pause_card");
    ImGui::TextColored(ImVec4(1.0f, 0.85f, 0.4f, 1.0f), "%s", card.title.c_str());
    ImGui::TextDisabled("%s", trf(ui_, "gui.card.at", {{"time", core::dayClockText(card.atUs)},
                                                       {"event", std::to_string(card.eventSeq)}})
                                  .c_str());
    if (!card.prompt.empty()) {
      ImGui::Separator();
      ImGui::TextWrapped("%s", card.prompt.c_str());
    }
    ImGui::Separator();
    if (ImGui::Button(trId(ui_, "gui.card.continue").c_str())) ui_.card.reset();
    noteItemForDump("card_continue");
    ImGui::SameLine();
    if (ImGui::Button(trId(ui_, "gui.card.show_event").c_str())) ui_.focusEventSeq = card.eventSeq;
  }
  ImGui::End();
  ImGui::PopStyleColor();
}

void Shell::drawPicker() {
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  picker_.language = ui_.language;
  auto request = drawScenarioPicker(Rect{0, 0, display.x, display.y}, picker_);
  ui_.language = picker_.language;  // its language switch
  if (request) {
    // Opening rebuilds the fonts, which cannot happen inside a frame.
    pendingOpen_ = std::move(request);
  }
}

void Shell::beforeFrame() {
  if (pendingClose_) {
    pendingClose_ = false;
    if (const auto error = host_.finish()) std::cerr << "irdrill-gui: error: " << *error << '\n';
    host_.close();
    map_.reset();
    mapVisible_ = false;
  }
  if (pendingUiScale_) {
    app_.setUiScale(*pendingUiScale_);
    ui_.uiScale = *pendingUiScale_;
    pendingUiScale_.reset();
  }
  if (pendingOpen_) {
    const PickerRequest request = std::move(*pendingOpen_);
    pendingOpen_.reset();
    if (request.kind == PickerRequest::Kind::Session) openSession(request.path);
    else openScenario(request.path, request.seed, {});
  }
}

void Shell::drawSfml(sf::RenderTarget& target) const {
  if (map_ && mapVisible_ && host_.isOpen()) map_->drawSfml(target);
}

}  // namespace irdrill::gui
