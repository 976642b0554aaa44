// The `people:` section: employees and employee groups, expanded into one EmployeeDef
// per person with their items, phone and day plan, desks assigned.
//
// A group (`group: engineering, count: 16`) stands for count employees with ids
// <id_prefix><number> (engineering-01...), all carrying copies of the group's items.
// Desks are an explicit list, or "auto" (optionally limited to rooms): the free desks in
// the order the office lists them, after every explicitly named desk of the whole file
// is taken, so where an explicit entry appears does not change who sits where.
//
// Item ids are local to their carrier (default: the kind name); the scenario-wide id is
// "<employee id>/<item id>" (engineering-01/laptop), which `tags:` entries name.
//
// Sections: items and tags / entries / references and desks / expansion.
#include <algorithm>
#include <map>
#include <set>

#include "sim/scenario/scenario_sections.hpp"

namespace irdrill::scenario {
namespace {

// An id with its node, for messages about references.
struct NamedRef {
  std::string name;
  Node at;
};

// One entry of `people:`: an employee, or a group before expansion.
struct PeopleEntry {
  bool isGroup = false;
  Node at;
  std::string label;             // "employee 'alice'" or "group 'sales'", for messages
  std::vector<std::string> ids;  // one per person
  std::vector<NamedRef> desks;   // explicit desks, one per person, or empty for auto
  bool autoDesks = false;
  std::vector<NamedRef> autoRooms;  // auto desks limited to these rooms; empty: any
  Node desksAt;
  NamedRef dayPlan{"default", {}};
  std::vector<NamedRef> scanModes;  // cycled over the people; empty: ReceiverDef's default
  double sensitivityDbm = radio::ReceiverDef{}.sensitivityDbm;
  std::vector<world::ItemDef> items;  // ids local to the carrier
  bool valid = true;                  // false: skip expansion, errors already reported
};

// Largest group: far above any office this models, low enough that a typo (count: 4000000)
// is caught before it allocates millions of people.
constexpr int kMaxGroupSize = 10000;

// -------------------------------------------------------------------------------------
// Items and tags

void readItem(SourceSet& s, const Node& node, world::ItemDef& item) {
  MapReader r(s, node, "item");
  item.where = r.where();
  const bool hasId = r.id("id", item.id, Need::Optional);
  if (r.choice("kind", item.kind, world::kItemKindNames, "item kind", Need::Required) && !hasId) {
    item.id = world::kItemKindNames[static_cast<std::size_t>(item.kind)];
  }
  r.choice("carry", item.carry, radio::kCarryPositionNames, "carry position");
  r.boolean("encrypted", item.encrypted);
  r.number("records", item.records, Bounds::nonNegative());
  if (const auto tagNode = r.get("tag")) {
    MapReader t(s, *tagNode, "tag");
    radio::TagDef tag;
    readTagFields(t, tag);
    item.tag = tag;
  }
}

void readItems(MapReader& r, PeopleEntry& entry) {
  const auto items = r.get("items");
  if (!items) return;
  SourceSet& s = r.sources();
  std::map<std::string, core::SourceLocation> seen;
  for (const Node& element : readList(s, *items, "items")) {
    world::ItemDef item;
    readItem(s, element, item);
    if (item.id.empty()) continue;
    const auto [first, inserted] = seen.emplace(item.id, item.where);
    if (!inserted) {
      s.error(item.where, entry.label + " carries two items called '" + item.id +
                              "' (first at " + formatLocation(first->second) +
                              "); give them different ids");
      continue;
    }
    entry.items.push_back(std::move(item));
  }
}

// `phone: {scan_mode, sensitivity_dbm}`. A group may give a list of scan modes, handed
// out in turn to its members (a realistic mix of phones in one team).
void readPhone(MapReader& r, PeopleEntry& entry) {
  const auto phone = r.get("phone");
  if (!phone) return;
  SourceSet& s = r.sources();
  MapReader p(s, *phone, "phone");
  if (const auto mode = p.get("scan_mode")) {
    if (mode->yaml.IsSequence() && entry.isGroup) {
      for (const Node& element : readList(s, *mode, "scan_mode")) {
        if (const auto name = readId(s, element, "scan_mode")) entry.scanModes.push_back({*name, element});
      }
      if (entry.scanModes.empty()) {
        s.error(*mode, "expected at least one scan mode name in 'scan_mode'");
      }
    } else if (const auto name = readId(s, *mode, "scan_mode")) {
      entry.scanModes.push_back({*name, *mode});
    }
  }
  p.number("sensitivity_dbm", entry.sensitivityDbm, Bounds::between(-130, 0));
}

void readDayPlanRef(MapReader& r, PeopleEntry& entry) {
  if (const auto plan = r.get("day_plan")) {
    if (const auto name = readId(r.sources(), *plan, "day_plan")) entry.dayPlan = {*name, *plan};
  }
}

// -------------------------------------------------------------------------------------
// Entries

PeopleEntry readEmployee(SourceSet& s, const Node& node) {
  PeopleEntry entry;
  entry.at = node;
  MapReader r(s, node, "employee");
  std::string id;
  entry.valid = r.id("id", id);
  entry.ids.push_back(id);
  entry.label = "employee '" + id + "'";
  entry.desksAt = node;
  if (const auto desk = r.get("desk", Need::Required)) {
    entry.desksAt = *desk;
    if (const auto name = readId(s, *desk, "desk")) {
      entry.desks.push_back({*name, *desk});
    } else {
      entry.valid = false;
    }
  } else {
    entry.valid = false;
  }
  readDayPlanRef(r, entry);
  readPhone(r, entry);
  readItems(r, entry);
  return entry;
}

// `desks:` of a group: "auto", a list of desk ids, or {rooms: [...]}.
void readGroupDesks(MapReader& r, PeopleEntry& entry, int count) {
  SourceSet& s = r.sources();
  const auto desks = r.get("desks");
  if (!desks) {
    entry.autoDesks = true;
    return;
  }
  entry.desksAt = *desks;
  if (desks->yaml.IsScalar() && desks->yaml.Scalar() == "auto") {
    entry.autoDesks = true;
  } else if (desks->yaml.IsSequence()) {
    for (const Node& element : readList(s, *desks, "desks")) {
      if (const auto name = readId(s, element, "desks")) {
        entry.desks.push_back({*name, element});
      } else {
        entry.valid = false;
      }
    }
    if (entry.valid && count > 0 && static_cast<int>(entry.desks.size()) != count) {
      s.error(*desks, entry.label + " has " + std::to_string(count) + " members but " +
                          std::to_string(entry.desks.size()) + " listed desks");
      entry.valid = false;
    }
  } else if (desks->yaml.IsMap()) {
    entry.autoDesks = true;
    MapReader d(s, *desks, "desk_selection");
    if (const auto rooms = d.get("rooms", Need::Required)) {
      for (const Node& element : readList(s, *rooms, "rooms")) {
        if (const auto name = readId(s, element, "rooms")) entry.autoRooms.push_back({*name, element});
      }
    }
  } else {
    s.error(*desks, "expected 'auto', a list of desk ids or {rooms: [...]} for 'desks', got " +
                        describeValue(*desks));
    entry.valid = false;
  }
}

PeopleEntry readGroup(SourceSet& s, const Node& node) {
  PeopleEntry entry;
  entry.isGroup = true;
  entry.at = node;
  entry.desksAt = node;
  MapReader r(s, node, "employee_group");
  std::string name;
  entry.valid = r.id("group", name);
  entry.label = "group '" + name + "'";
  int count = 0;
  if (!r.integer("count", count, 1, kMaxGroupSize, Need::Required)) entry.valid = false;
  std::string prefix = name + "-";
  const bool hasPrefix = r.text("id_prefix", prefix);
  int firstNumber = 1;
  r.integer("first_number", firstNumber, 0, 1'000'000);
  if (!isValidId(prefix + "0")) {
    s.error(hasPrefix ? *r.get("id_prefix") : node,
            "id_prefix '" + prefix + "' would make invalid employee ids (use letters, digits, "
            "'-' and '_')");
    entry.valid = false;
  }
  readGroupDesks(r, entry, count);
  readDayPlanRef(r, entry);
  readPhone(r, entry);
  readItems(r, entry);
  if (entry.valid) {
    // Zero-padded to the widest number, at least 2 digits, so ids sort in order.
    const std::size_t width =
        std::max<std::size_t>(2, std::to_string(firstNumber + count - 1).size());
    for (int i = 0; i < count; ++i) {
      std::string number = std::to_string(firstNumber + i);
      number.insert(0, width - number.size(), '0');
      entry.ids.push_back(prefix + number);
    }
  }
  return entry;
}

// -------------------------------------------------------------------------------------
// References and desks

struct DeskInfo {
  std::string id;
  std::string room;
  std::string takenBy;  // employee id; empty when free
  core::SourceLocation takenAt;
};

void checkReferences(SourceSet& s, const ScenarioDef& scenario, PeopleEntry& entry) {
  if (!scenario.dayPlans.contains(entry.dayPlan.name)) {
    std::vector<std::string> names;
    for (const auto& [name, plan] : scenario.dayPlans) names.push_back(name);
    s.error(entry.dayPlan.at.frame != nullptr ? entry.dayPlan.at : entry.at,
            "unknown day plan '" + entry.dayPlan.name + "' (" +
                                  expectedOneOf(names, entry.dayPlan.name) + ")");
    entry.valid = false;
  }
  for (const NamedRef& mode : entry.scanModes) {
    if (scenario.scanModes.contains(mode.name)) continue;
    std::vector<std::string> names;
    for (const auto& [name, def] : scenario.scanModes) names.push_back(name);
    s.error(mode.at, "unknown scan mode '" + mode.name + "' (" + expectedOneOf(names, mode.name) +
                         ")");
    entry.valid = false;
  }
}

void claimExplicitDesks(SourceSet& s, std::vector<DeskInfo>& desks,
                        const std::vector<std::string>& deskNames, PeopleEntry& entry) {
  for (std::size_t i = 0; i < entry.desks.size() && i < entry.ids.size(); ++i) {
    const NamedRef& ref = entry.desks[i];
    const auto desk = std::find_if(desks.begin(), desks.end(),
                                   [&](const DeskInfo& d) { return d.id == ref.name; });
    if (desk == desks.end()) {
      s.error(ref.at, "unknown desk '" + ref.name + "' for " + entry.label + " (" +
                          expectedOneOf(deskNames, ref.name) + ")");
      entry.valid = false;
    } else if (!desk->takenBy.empty()) {
      s.error(ref.at, "desk '" + ref.name + "' is already taken by employee '" + desk->takenBy +
                          "' (at " + formatLocation(desk->takenAt) + ")");
      entry.valid = false;
    } else {
      desk->takenBy = entry.ids[i];
      desk->takenAt = s.locate(ref.at);
    }
  }
}

void assignAutoDesks(SourceSet& s, std::vector<DeskInfo>& desks,
                     const std::vector<std::string>& roomNames, PeopleEntry& entry) {
  std::set<std::string> rooms;
  for (const NamedRef& room : entry.autoRooms) {
    if (std::find(roomNames.begin(), roomNames.end(), room.name) == roomNames.end()) {
      s.error(room.at, "unknown room '" + room.name + "' in 'desks' of " + entry.label + " (" +
                           expectedOneOf(roomNames, room.name) + ")");
      entry.valid = false;
    }
    rooms.insert(room.name);
  }
  if (!entry.valid) return;
  std::vector<DeskInfo*> free;
  for (DeskInfo& desk : desks) {
    if (desk.takenBy.empty() && (rooms.empty() || rooms.contains(desk.room))) free.push_back(&desk);
  }
  if (free.size() < entry.ids.size()) {
    s.error(entry.desksAt, entry.label + " needs " + std::to_string(entry.ids.size()) +
                               " desks but only " + std::to_string(free.size()) +
                               " free desks remain" + (rooms.empty() ? "" : " in its rooms") +
                               " (" + std::to_string(desks.size()) + " desks in the office)");
    entry.valid = false;
    return;
  }
  const core::SourceLocation at = s.locate(entry.desksAt);
  for (std::size_t i = 0; i < entry.ids.size(); ++i) {
    free[i]->takenBy = entry.ids[i];
    free[i]->takenAt = at;
    entry.desks.push_back({free[i]->id, entry.desksAt});
  }
}

}  // namespace

// -------------------------------------------------------------------------------------
// Tag fields (shared with tags_section.cpp)

void readTagFields(MapReader& r, radio::TagDef& tag) {
  tag.where = r.where();
  r.choice("form", tag.formFactor, radio::kTagFormFactorNames, "tag form");
  // Legacy BLE advertising allows 20 ms to 10.24 s (Core Specification, Vol 6, Part B,
  // 4.4.2.2); lost-item tags use the legacy PDUs.
  r.number("interval_ms", tag.advertisingIntervalMs, Bounds::between(20, 10240));
  // BLE 5 allows up to +20 dBm; common SoCs go down to -40 dBm.
  r.number("tx_power_dbm", tag.txPowerDbm, Bounds::between(-40, 20));
  r.number("battery_capacity_mah", tag.batteryCapacityMah, Bounds::positive());
  r.number("charge_per_adv_event_uc", tag.chargePerAdvEventUc, Bounds::nonNegative());
  r.number("sleep_current_ua", tag.sleepCurrentUa, Bounds::nonNegative());
  r.number("initial_charge_fraction", tag.initialChargeFraction, Bounds::unitInterval());
}

// -------------------------------------------------------------------------------------
// Expansion

void readPeople(SourceSet& s, const std::vector<Node>& occurrences, ScenarioDef& scenario,
                std::set<std::string>& itemsOfInvalidPeople) {
  std::vector<PeopleEntry> entries;
  for (const Node& occurrence : occurrences) {
    for (const Node& element : readList(s, occurrence, "people")) {
      const bool isGroup = element.yaml.IsMap() && element.yaml["group"].IsDefined();
      entries.push_back(isGroup ? readGroup(s, element) : readEmployee(s, element));
    }
  }

  std::vector<DeskInfo> desks;
  std::vector<std::string> deskNames;
  std::vector<std::string> roomNames;
  for (const auto& floor : scenario.office.floors) {
    for (const auto& desk : floor.desks) {
      desks.push_back({desk.id, desk.room, {}, {}});
      deskNames.push_back(desk.id);
    }
    for (const auto& room : floor.rooms) roomNames.push_back(room.id);
  }

  for (PeopleEntry& entry : entries) {
    if (!entry.valid) continue;
    checkReferences(s, scenario, entry);
    if (!entry.autoDesks) claimExplicitDesks(s, desks, deskNames, entry);
  }
  for (PeopleEntry& entry : entries) {
    if (entry.valid && entry.autoDesks) assignAutoDesks(s, desks, roomNames, entry);
  }

  std::map<std::string, core::SourceLocation> employeeIds;
  for (const PeopleEntry& entry : entries) {
    if (!entry.valid) {
      for (const std::string& id : entry.ids) {
        for (const auto& item : entry.items) itemsOfInvalidPeople.insert(id + "/" + item.id);
      }
      continue;
    }
    const core::SourceLocation at = s.locate(entry.at);
    for (std::size_t i = 0; i < entry.ids.size(); ++i) {
      const auto [first, inserted] = employeeIds.emplace(entry.ids[i], at);
      if (!inserted) {
        s.error(at, "duplicate employee id '" + entry.ids[i] + "'" +
                        (entry.isGroup ? " made by " + entry.label : std::string()) +
                        " (first at " + formatLocation(first->second) + ")");
        continue;
      }
      world::EmployeeDef employee;
      employee.id = entry.ids[i];
      employee.desk = entry.desks[i].name;
      employee.dayPlan = entry.dayPlan.name;
      if (!entry.scanModes.empty()) {
        employee.phone.scanMode = entry.scanModes[i % entry.scanModes.size()].name;
      }
      employee.phone.sensitivityDbm = entry.sensitivityDbm;
      employee.where = at;
      for (world::ItemDef item : entry.items) {
        item.id = employee.id + "/" + item.id;
        employee.items.push_back(std::move(item));
      }
      scenario.employees.push_back(std::move(employee));
    }
  }
}

}  // namespace irdrill::scenario
