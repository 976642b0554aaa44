// The inspector window (see inspector.hpp).
#include "inspector.hpp"

#include <imgui.h>

#include <string>

#include "sim/core/clock_text.hpp"
#include "ui_dump.hpp"

namespace irdrill::gui {
namespace {

std::string whereText(const day::OfficeDay& day, const std::optional<day::Whereabouts>& where) {
  if (!where) return "in transit";
  const auto& names = day.placeNames();
  char buffer[96];
  if (where->place == day::kOfficePlace) {
    std::snprintf(buffer, sizeof buffer, "office floor (%.1f m, %.1f m)", where->positionM.xM, where->positionM.yM);
    return buffer;
  }
  return where->place < static_cast<int>(names.size()) ? names[static_cast<std::size_t>(where->place)] : "elsewhere";
}

void personDetails(const session::LiveSession& live, const day::OfficeDay& day, const FloorMap& map, int person,
                   const std::set<std::string>& knownMissing, bool player) {
  const auto& employee = live.scenario().employees[static_cast<std::size_t>(person)];
  ImGui::Text("Person %s", employee.id.c_str());
  ImGui::Text("Desk: %s", employee.desk.c_str());
  ImGui::Text("Where: %s", whereText(day, day.personAt(person, live.now())).c_str());
  ImGui::Text("Phone scan mode: %s", employee.phone.scanMode.c_str());
  ImGui::Separator();
  ImGui::TextUnformatted("Items");
  const int first = day.firstItemOf(person);
  for (std::size_t k = 0; k < employee.items.size(); ++k) {
    const int index = first + static_cast<int>(k);
    const day::ItemView view = day.itemAt(index, live.now());
    const std::string& id = map.itemIds()[static_cast<std::size_t>(index)];
    const bool shownLeft = !view.withOwner && (!player || knownMissing.count(id));
    ImGui::BulletText("%s (%s)%s: %s", employee.items[k].id.c_str(),
                      world::kItemKindNames[static_cast<std::size_t>(employee.items[k].kind)],
                      view.tagged ? ", tagged" : "", shownLeft ? "NOT with owner" : "with owner");
  }
}

void itemDetails(const session::LiveSession& live, const day::OfficeDay& day, const FloorMap& map, int item,
                 const std::set<std::string>& knownMissing, bool player) {
  const std::string& id = map.itemIds()[static_cast<std::size_t>(item)];
  const day::ItemView view = day.itemAt(item, live.now());
  ImGui::Text("Item %s", id.c_str());
  const auto& employees = live.scenario().employees;
  if (view.owner >= 0 && view.owner < static_cast<int>(employees.size())) {
    const auto& employee = employees[static_cast<std::size_t>(view.owner)];
    ImGui::Text("Owner: %s", employee.id.c_str());
    const int k = item - day.firstItemOf(view.owner);
    if (k >= 0 && k < static_cast<int>(employee.items.size())) {
      const world::ItemDef& def = employee.items[static_cast<std::size_t>(k)];
      ImGui::Text("Kind: %s, carried in %s", world::kItemKindNames[static_cast<std::size_t>(def.kind)],
                  radio::kCarryPositionNames[static_cast<std::size_t>(def.carry)]);
      if (def.tag) {
        ImGui::Text("Tag: %s, %.0f dBm every %.0f ms", radio::kTagFormFactorNames[static_cast<std::size_t>(def.tag->formFactor)],
                    def.tag->txPowerDbm, def.tag->advertisingIntervalMs);
      } else {
        ImGui::TextUnformatted("Tag: none");
      }
      if (def.records > 0) ImGui::Text("Personal-data records: %.0f%s", def.records, def.encrypted ? " (encrypted)" : "");
    }
  }
  const bool shownLeft = !view.withOwner && (!player || knownMissing.count(id));
  if (!shownLeft) {
    ImGui::TextUnformatted("State: with its owner");
  } else {
    ImGui::Text("State: %s", view.whereabouts ? "left behind" : "taken away");
    ImGui::Text("Where: %s", whereText(day, view.whereabouts).c_str());
  }
  // The last event about it in the log.
  const auto& events = live.events();
  for (auto it = events.rbegin(); it != events.rend(); ++it) {
    if (it->subject != id) continue;
    if (player && !knownMissing.count(id)) break;
    ImGui::TextWrapped("Last event: %s at %s%s%s", std::string(it->type()).c_str(), core::clockText(it->timeUs).c_str(),
                       it->detail.empty() ? "" : ": ", it->detail.c_str());
    break;
  }
  // The owner's phone and the separation rule: what the players could see on the phone,
  // so shown in both views.
  if (view.tagged) {
    if (view.tagSilent) ImGui::TextUnformatted("Tag: silent (battery ran out)");
    if (view.lastHeardUs) {
      ImGui::Text("Last heard by the owner's phone: %.0f dBm at %s", view.lastRssiDbm,
                  core::clockText(*view.lastHeardUs).c_str());
    } else {
      ImGui::TextUnformatted("Last heard by the owner's phone: never");
    }
    ImGui::Text("Alert rule: %s", !view.ruleArmed ? "alerted (quiet until the signal is strong again)"
                                  : view.ruleWeak  ? "signal weak: an alert falls due if it stays weak"
                                                   : "armed, signal strong");
  }
}

void gatewayDetails(const session::LiveSession& live, const FloorMap& map, int gateway) {
  const auto& gateways = live.scenario().office.floors.front().gateways;
  const world::GatewayDef& def = gateways[static_cast<std::size_t>(gateway)];
  ImGui::Text("Gateway %s", def.id.c_str());
  ImGui::Text("Position: %.1f m, %.1f m", def.positionM.xM, def.positionM.yM);
  ImGui::Text("Sensitivity: %.0f dBm", def.sensitivityDbm);
  if (static_cast<std::size_t>(gateway) < map.gatewayRangesM().size()) {
    ImGui::Text("Indicative range: %.0f m", map.gatewayRangesM()[static_cast<std::size_t>(gateway)]);
    ImGui::TextDisabled("for a %.0f dBm tag in the best carry position, no walls, no fading luck",
                        map.strongestTagTxDbm());
  }
  const auto& rule = live.scenario().gatewayAlert;
  ImGui::Text("Alert rule: below %.0f dBm for %.0f s, or silent %.0f s", rule.rssiThresholdDbm, rule.holdS,
              rule.noPacketTimeoutS);
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
  if (ImGui::Begin("Inspector", &open, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                           ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse)) {
    noteWindowForDump("inspector");
    const bool player = ui.view == ViewMode::Player;
    const Selection& s = *ui.selection;
    if (s.kind == Selection::Kind::Gateway) {
      gatewayDetails(live, map, s.index);
    } else if (!day) {
      ImGui::TextUnformatted("This scenario has no office day.");
    } else if (s.kind == Selection::Kind::Person) {
      personDetails(live, *day, map, s.index, knownMissingItems, player);
    } else {
      itemDetails(live, *day, map, s.index, knownMissingItems, player);
    }
  }
  ImGui::End();
  if (!open) ui.selection.reset();
}

}  // namespace irdrill::gui
