// The inspector window (see inspector.hpp).
#include "inspector.hpp"

#include <imgui.h>

#include <cstdio>
#include <string>

#include "sim/core/clock_text.hpp"
#include "i18n.hpp"
#include "ui_dump.hpp"

namespace irdrill::gui {
namespace {

// A number for a placeholder: `format` is a printf format of one double ("%.1f").
std::string number(const char* format, double value) {
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, format, value);
  return buffer;
}

// One line of the inspector: the catalogue text of `key` with its arguments.
void line(const UiState& ui, std::string_view key, std::initializer_list<text::Arg> args = {}) {
  ImGui::TextUnformatted(trf(ui, key, args).c_str());
}

std::string whereText(const UiState& ui, const day::OfficeDay& day, const std::optional<day::Whereabouts>& where) {
  if (!where) return tr(ui, "gui.inspector.in_transit");
  const auto& names = day.placeNames();
  if (where->place == day::kOfficePlace) {
    return trf(ui, "gui.inspector.office_floor",
               {{"x", number("%.1f", where->positionM.xM)}, {"y", number("%.1f", where->positionM.yM)}});
  }
  return where->place < static_cast<int>(names.size()) ? names[static_cast<std::size_t>(where->place)]
                                                        : tr(ui, "gui.inspector.elsewhere");
}

void personDetails(const session::LiveSession& live, const day::OfficeDay& day, const FloorMap& map, int person,
                   const std::set<std::string>& knownMissing, const UiState& ui) {
  const bool player = ui.view == ViewMode::Player;
  const auto& employee = live.scenario().employees[static_cast<std::size_t>(person)];
  line(ui, "gui.inspector.person", {{"id", employee.id}});
  line(ui, "gui.inspector.desk", {{"desk", employee.desk}});
  line(ui, "gui.inspector.where", {{"where", whereText(ui, day, day.personAt(person, live.now()))}});
  line(ui, "gui.inspector.scan_mode", {{"mode", employee.phone.scanMode}});
  ImGui::Separator();
  ImGui::TextUnformatted(tr(ui, "gui.inspector.items"));
  const int first = day.firstItemOf(person);
  for (std::size_t k = 0; k < employee.items.size(); ++k) {
    const int index = first + static_cast<int>(k);
    const day::ItemView view = day.itemAt(index, live.now());
    const std::string& id = map.itemIds()[static_cast<std::size_t>(index)];
    const bool shownLeft = !view.withOwner && (!player || knownMissing.count(id));
    const std::string text =
        trf(ui, view.tagged ? "gui.inspector.item_line_tagged" : "gui.inspector.item_line",
            {{"item", employee.items[k].id},
             {"kind", world::kItemKindNames[static_cast<std::size_t>(employee.items[k].kind)]},
             {"state", tr(ui, shownLeft ? "gui.inspector.not_with_owner" : "gui.inspector.with_owner")}});
    ImGui::BulletText("%s", text.c_str());
  }
}

void itemDetails(const session::LiveSession& live, const day::OfficeDay& day, const FloorMap& map, int item,
                 const std::set<std::string>& knownMissing, const UiState& ui) {
  const bool player = ui.view == ViewMode::Player;
  const std::string& id = map.itemIds()[static_cast<std::size_t>(item)];
  const day::ItemView view = day.itemAt(item, live.now());
  line(ui, "gui.inspector.item", {{"id", id}});
  const auto& employees = live.scenario().employees;
  if (view.owner >= 0 && view.owner < static_cast<int>(employees.size())) {
    const auto& employee = employees[static_cast<std::size_t>(view.owner)];
    line(ui, "gui.inspector.owner", {{"owner", employee.id}});
    const int k = item - day.firstItemOf(view.owner);
    if (k >= 0 && k < static_cast<int>(employee.items.size())) {
      const world::ItemDef& def = employee.items[static_cast<std::size_t>(k)];
      line(ui, "gui.inspector.kind_carry", {{"kind", world::kItemKindNames[static_cast<std::size_t>(def.kind)]},
                                            {"carry", radio::kCarryPositionNames[static_cast<std::size_t>(def.carry)]}});
      if (def.tag) {
        line(ui, "gui.inspector.tag",
             {{"form", radio::kTagFormFactorNames[static_cast<std::size_t>(def.tag->formFactor)]},
              {"dbm", number("%.0f", def.tag->txPowerDbm)},
              {"ms", number("%.0f", def.tag->advertisingIntervalMs)}});
      } else {
        ImGui::TextUnformatted(tr(ui, "gui.inspector.tag_none"));
      }
      if (def.records > 0) {
        line(ui, def.encrypted ? "gui.inspector.records_encrypted" : "gui.inspector.records",
             {{"records", number("%.0f", def.records)}});
      }
    }
  }
  const bool shownLeft = !view.withOwner && (!player || knownMissing.count(id));
  if (!shownLeft) {
    ImGui::TextUnformatted(tr(ui, "gui.inspector.state_with_owner"));
  } else {
    ImGui::TextUnformatted(tr(ui, view.whereabouts ? "gui.inspector.state_left_behind" : "gui.inspector.state_taken"));
    line(ui, "gui.inspector.where", {{"where", whereText(ui, day, view.whereabouts)}});
  }
  // The last event about it in the log.
  const auto& events = live.events();
  for (auto it = events.rbegin(); it != events.rend(); ++it) {
    if (it->subject != id) continue;
    if (player && !knownMissing.count(id)) break;
    const std::string text =
        trf(ui, it->detail.empty() ? "gui.inspector.last_event" : "gui.inspector.last_event_detail",
            {{"type", std::string(it->type())}, {"time", core::clockText(it->timeUs)}, {"detail", it->detail}});
    ImGui::TextWrapped("%s", text.c_str());
    break;
  }
  // The owner's phone and the separation rule: what the players could see on the phone,
  // so shown in both views.
  if (view.tagged) {
    if (view.tagSilent) ImGui::TextUnformatted(tr(ui, "gui.inspector.tag_silent"));
    if (view.lastHeardUs) {
      line(ui, "gui.inspector.last_heard",
           {{"dbm", number("%.0f", view.lastRssiDbm)}, {"time", core::clockText(*view.lastHeardUs)}});
    } else {
      ImGui::TextUnformatted(tr(ui, "gui.inspector.last_heard_never"));
    }
    ImGui::TextUnformatted(tr(ui, !view.ruleArmed ? "gui.inspector.rule_alerted"
                                  : view.ruleWeak  ? "gui.inspector.rule_weak"
                                                   : "gui.inspector.rule_armed"));
  }
}

void gatewayDetails(const session::LiveSession& live, const FloorMap& map, int gateway, const UiState& ui) {
  const auto& gateways = live.scenario().office.floors.front().gateways;
  const world::GatewayDef& def = gateways[static_cast<std::size_t>(gateway)];
  line(ui, "gui.inspector.gateway", {{"id", def.id}});
  line(ui, "gui.inspector.position", {{"x", number("%.1f", def.positionM.xM)}, {"y", number("%.1f", def.positionM.yM)}});
  line(ui, "gui.inspector.sensitivity", {{"dbm", number("%.0f", def.sensitivityDbm)}});
  if (static_cast<std::size_t>(gateway) < map.gatewayRangesM().size()) {
    line(ui, "gui.inspector.range", {{"m", number("%.0f", map.gatewayRangesM()[static_cast<std::size_t>(gateway)])}});
    ImGui::TextDisabled("%s", trf(ui, "gui.inspector.range_note", {{"dbm", number("%.0f", map.strongestTagTxDbm())}}).c_str());
  }
  const auto& rule = live.scenario().gatewayAlert;
  line(ui, "gui.inspector.gateway_rule", {{"dbm", number("%.0f", rule.rssiThresholdDbm)},
                                          {"hold", number("%.0f", rule.holdS)},
                                          {"silent", number("%.0f", rule.noPacketTimeoutS)}});
}

}  // namespace

void drawInspector(const Rect& mapRect, const session::LiveSession& live, const FloorMap& map,
                   const std::set<std::string>& knownMissingItems, UiState& ui) {
  if (!ui.selection) return;
  const day::OfficeDay* day = live.exercise().officeDay();
  const float width = std::min(340.0f * ImGui::GetIO().FontGlobalScale * (ImGui::GetFontSize() / 16.0f), mapRect.w * 0.6f);
  ImGui::SetNextWindowPos(ImVec2(mapRect.x + mapRect.w - width - 8, mapRect.y + 40), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(width, 0), ImGuiCond_Always);
  ImGui::SetNextWindowBgAlpha(0.92f);
  bool open = true;
  if (ImGui::Begin(trId(ui, "gui.inspector.title").c_str(), &open, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                           ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse)) {
    noteWindowForDump("inspector");
    const Selection& s = *ui.selection;
    if (s.kind == Selection::Kind::Gateway) {
      gatewayDetails(live, map, s.index, ui);
    } else if (!day) {
      ImGui::TextUnformatted(tr(ui, "gui.inspector.no_office_day"));
    } else if (s.kind == Selection::Kind::Person) {
      personDetails(live, *day, map, s.index, knownMissingItems, ui);
    } else {
      itemDetails(live, *day, map, s.index, knownMissingItems, ui);
    }
  }
  ImGui::End();
  if (!open) ui.selection.reset();
}

}  // namespace irdrill::gui
