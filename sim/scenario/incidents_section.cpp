// The harm side of a scenario: `incidents:` (where incidents come from and when), and the
// models around them, `thieves:`, `item_fate:` and `detection:`.
//
// An incident entry has common keys (id, kind, arrival, at / rate_per_day, procedure) and
// the keys of its kind's block: a cyber intrusion's kill chain, an insider's copying, a
// planned loss's person and item. A key of another kind's block is reported as such, not
// as an unknown key: `vector:` on an insider is a misplaced key, not a typo.
//
// Sections: incident entries / references / thieves, item fate and detection.
#include <algorithm>
#include <map>
#include <set>

#include "sim/scenario/duration_text.hpp"
#include "sim/scenario/scenario_sections.hpp"

namespace irdrill::scenario {
namespace {

using incident::IncidentKind;

// -------------------------------------------------------------------------------------
// Incident entries

// The keys of each kind's block.
constexpr std::array<const char*, 6> kCyberKeys{"vector",
                                                "objective",
                                                "stages",
                                                "records_available",
                                                "exfiltration_records_per_hour",
                                                "reentry_probability"};
constexpr std::array<const char*, 4> kInsiderKeys{"person", "records_to_copy", "copy_duration",
                                                  "walk_out_after"};
constexpr std::array<const char*, 3> kLossKeys{"person", "item", "place_kind"};

std::vector<std::string> blockKeys(IncidentKind kind) {
  switch (kind) {
    case IncidentKind::CyberIntrusion: return {kCyberKeys.begin(), kCyberKeys.end()};
    case IncidentKind::Insider: return {kInsiderKeys.begin(), kInsiderKeys.end()};
    case IncidentKind::LostItem:
    case IncidentKind::Theft: break;
  }
  return {kLossKeys.begin(), kLossKeys.end()};
}

bool isBlockKey(IncidentKind kind, const std::string& key) {
  const auto keys = blockKeys(kind);
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

// A planned loss happens at a place of one of these kinds: the off-site kinds or the office.
constexpr std::array<const char*, 6> kLossPlaceNames{"cafe", "client_site", "train",
                                                     "home", "other",       "office"};
static_assert(world::kPlaceKindNames.size() == 5 && kLossPlaceNames.size() == 6);

const char* kindName(IncidentKind kind) {
  return incident::kIncidentKindNames[static_cast<std::size_t>(kind)];
}

std::string joinedNames(const std::vector<std::string>& names, const char* last) {
  std::string text;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) text += i + 1 == names.size() ? last : ", ";
    text += names[i];
  }
  return text;
}

// The key node of `key` in the reader's mapping (messages about a key point at it).
Node keyNodeOf(MapReader& r, std::string_view key) {
  for (auto it = r.node().yaml.begin(); it != r.node().yaml.end(); ++it) {
    if (it->first.IsScalar() && it->first.Scalar() == key) return r.sources().child(r.node(), it->first);
  }
  return r.node();
}

// An entry with what its references point at, checked once all entries are read.
struct IncidentEntry {
  incident::IncidentSourceDef def;
  std::optional<Node> personAt;
  std::optional<Node> itemAt;
  std::optional<Node> procedureAt;
  std::optional<Node> atAt;
};

// Keys of the other kinds' blocks are accepted by the reader (no "unknown key") and
// reported as misplaced.
void rejectOtherBlocks(MapReader& r, std::optional<IncidentKind> kind, const std::string& id) {
  std::vector<std::string> foreign;
  for (std::size_t k = 0; k < incident::kIncidentKindNames.size(); ++k) {
    for (const std::string& key : blockKeys(static_cast<IncidentKind>(k))) {
      const bool own = kind && isBlockKey(*kind, key);
      if (!own && std::find(foreign.begin(), foreign.end(), key) == foreign.end()) {
        foreign.push_back(key);
      }
    }
  }
  for (const std::string& key : foreign) {
    if (!r.get(key) || !kind) continue;  // without a valid kind, its error says enough
    std::vector<std::string> kinds;
    for (std::size_t k = 0; k < incident::kIncidentKindNames.size(); ++k) {
      if (isBlockKey(static_cast<IncidentKind>(k), key)) {
        kinds.push_back(incident::kIncidentKindNames[k]);
      }
    }
    r.sources().error(keyNodeOf(r, key),
                      "key '" + key + "' is for " + joinedNames(kinds, " and ") +
                          " incidents, not " + kindName(*kind) + " (incident '" + id +
                          "' takes: " + joinedNames(blockKeys(*kind), ", ") + ")");
  }
}

void readCyberBlock(MapReader& r, incident::CyberIntrusionDef& out) {
  SourceSet& s = r.sources();
  r.choice("vector", out.vector, incident::kAccessVectorNames, "access vector");
  r.choice("objective", out.objective, incident::kObjectiveNames, "objective");
  if (const auto stages = r.get("stages")) {
    MapReader st(s, *stages, "incident_stages");
    for (std::size_t i = 0; i < incident::kStageNames.size(); ++i) {
      durationDistKey(st, incident::kStageNames[i], out.stageDuration[i]);
    }
  }
  r.number("records_available", out.recordsAvailable, Bounds::nonNegative());
  r.number("exfiltration_records_per_hour", out.exfiltrationRecordsPerHour,
           Bounds::nonNegative());
  r.number("reentry_probability", out.reentryProbability, Bounds::unitInterval());
}

void readInsiderBlock(MapReader& r, IncidentEntry& entry) {
  incident::InsiderDef& out = entry.def.insider;
  if (r.id("person", out.person, Need::Optional)) entry.personAt = r.get("person");
  r.number("records_to_copy", out.recordsToCopy, Bounds::nonNegative());
  durationDistKey(r, "copy_duration", out.copyDuration);
  durationDistKey(r, "walk_out_after", out.walkOutAfter);
}

void readLossBlock(MapReader& r, IncidentEntry& entry) {
  incident::PlannedLossDef& out = entry.def.loss;
  if (r.id("person", out.person)) entry.personAt = r.get("person");
  if (r.id("item", out.item)) entry.itemAt = r.get("item");
  if (const auto place = r.get("place_kind")) {
    if (const auto index = readChoice(r.sources(), *place, "place kind", kLossPlaceNames)) {
      out.placeKind = kLossPlaceNames[*index];
    }
  }
}

// "day 2 14:00", or "09:30" on day 0: how a start is written back in messages.
std::string formatStart(double atS) {
  const long day = static_cast<long>(atS / 86400);
  const std::string clock = formatClockTime(atS - day * 86400.0);
  return day == 0 ? clock : "day " + std::to_string(day) + " " + clock;
}

IncidentEntry readIncident(SourceSet& s, const Node& node, double horizonS) {
  IncidentEntry entry;
  incident::IncidentSourceDef& def = entry.def;
  MapReader r(s, node, "incident");
  def.where = r.where();
  r.id("id", def.id);
  std::optional<IncidentKind> kind;
  if (r.choice("kind", def.kind, incident::kIncidentKindNames, "incident kind", Need::Required)) {
    kind = def.kind;
  }
  r.choice("arrival", def.arrival, incident::kArrivalKindNames, "arrival");
  const bool poisson = def.arrival == incident::ArrivalKind::Poisson;
  const std::string label = "incident '" + def.id + "'";

  if (const auto at = r.get("at")) {
    if (poisson) {
      s.error(keyNodeOf(r, "at"), "'at' is for scheduled incidents; " + label +
                                      " arrives by poisson (give rate_per_day)");
    } else if (!at->yaml.IsScalar()) {
      s.error(*at, "expected a start time \"HH:MM\" (day 0) or \"day N HH:MM\" for 'at', got " +
                       describeValue(*at));
    } else if (const auto start = parseStartTime(at->yaml.Scalar()); !start.value) {
      s.error(*at, start.error + " for 'at', got " + describeValue(*at));
    } else if (*start.value >= horizonS) {
      s.error(*at, label + " starts at " + formatStart(*start.value) + ", after the horizon (" +
                       formatDuration(horizonS) + ")");
    } else {
      def.atS = *start.value;
    }
  }
  if (const auto rate = r.get("rate_per_day", poisson ? Need::Required : Need::Optional)) {
    if (!poisson) {
      s.error(keyNodeOf(r, "rate_per_day"), "'rate_per_day' is for 'arrival: poisson'; " + label +
                                                " is scheduled (give at)");
    } else if (const auto value = readNumber(s, *rate, "rate_per_day", Bounds::positive())) {
      def.ratePerDay = *value;
    }
  }
  if (r.id("procedure", def.procedure, Need::Optional)) entry.procedureAt = r.get("procedure");

  rejectOtherBlocks(r, kind, def.id);
  if (!kind) return entry;
  switch (*kind) {
    case IncidentKind::CyberIntrusion: readCyberBlock(r, def.cyber); break;
    case IncidentKind::Insider: readInsiderBlock(r, entry); break;
    case IncidentKind::LostItem:
    case IncidentKind::Theft: readLossBlock(r, entry); break;
  }
  return entry;
}

// -------------------------------------------------------------------------------------
// References

void checkReferences(SourceSet& s, const ScenarioDef& scenario, bool peopleComplete,
                     const IncidentEntry& entry) {
  const std::string label = "incident '" + entry.def.id + "'";
  if (entry.procedureAt && !scenario.procedures.contains(entry.def.procedure)) {
    std::vector<std::string> names;
    for (const auto& [id, procedure] : scenario.procedures) names.push_back(id);
    s.error(*entry.procedureAt, "unknown procedure '" + entry.def.procedure + "' for " + label +
                                    " (" + expectedOneOf(names, entry.def.procedure) + ")");
  }
  // After an error in `people:`, a missing employee is most likely that error again.
  if (!peopleComplete || !entry.personAt) return;
  const std::string& person = entry.def.kind == IncidentKind::Insider ? entry.def.insider.person
                                                                       : entry.def.loss.person;
  const auto employee = std::find_if(scenario.employees.begin(), scenario.employees.end(),
                                     [&](const world::EmployeeDef& e) { return e.id == person; });
  if (employee == scenario.employees.end()) {
    std::vector<std::string> names;
    for (const auto& e : scenario.employees) names.push_back(e.id);
    s.error(*entry.personAt, "unknown employee '" + person + "' for " + label + " (" +
                                 expectedOneOf(names, person) + ")");
    return;
  }
  if (!entry.itemAt) return;
  // Items are stored with scenario-wide ids "<employee>/<item>"; the file names the local id.
  const std::string prefix = employee->id + "/";
  std::vector<std::string> local;
  for (const auto& item : employee->items) local.push_back(item.id.substr(prefix.size()));
  if (std::find(local.begin(), local.end(), entry.def.loss.item) == local.end()) {
    s.error(*entry.itemAt, "employee '" + person + "' carries no item '" + entry.def.loss.item +
                               "' (" + expectedOneOf(local, entry.def.loss.item) + ")");
  }
}

// Rates per unattended minute of each place where thieves take items.
void readTakeRates(SourceSet& s, const Node& node, incident::ThievesDef& out) {
  MapReader r(s, node, "take_per_minute");
  for (std::size_t i = 0; i < world::kPlaceKindNames.size(); ++i) {
    r.number(world::kPlaceKindNames[i], out.takePerMinuteByPlace[i], Bounds::nonNegative());
  }
  r.number("lobby", out.takePerMinuteLobby, Bounds::nonNegative());
}

}  // namespace

void readIncidents(SourceSet& s, const Node& node, ScenarioDef& scenario, bool peopleComplete) {
  std::vector<IncidentEntry> entries;
  std::map<std::string, core::SourceLocation> ids;
  for (const Node& element : readList(s, node, "incidents")) {
    IncidentEntry entry = readIncident(s, element, scenario.horizonS);
    if (entry.def.id.empty()) continue;
    const auto [first, inserted] = ids.emplace(entry.def.id, entry.def.where);
    if (!inserted) {
      s.error(entry.def.where, "duplicate incident id '" + entry.def.id + "' (first at " +
                                   formatLocation(first->second) + ")");
      continue;
    }
    entries.push_back(std::move(entry));
  }
  for (const IncidentEntry& entry : entries) {
    checkReferences(s, scenario, peopleComplete, entry);
    scenario.incidents.push_back(entry.def);
  }
}

// -------------------------------------------------------------------------------------
// Thieves, item fate and detection

void readThieves(SourceSet& s, const Node& node, incident::ThievesDef& out) {
  MapReader r(s, node, "thieves");
  out.where = r.where();
  if (const auto rates = r.get("take_per_minute")) readTakeRates(s, *rates, out);
}

void readItemFate(SourceSet& s, const Node& node, incident::ItemFateDef& out) {
  MapReader r(s, node, "item_fate");
  out.where = r.where();
  r.number("finder_access_probability", out.finderAccessProbability, Bounds::unitInterval());
  r.number("thief_access_probability", out.thiefAccessProbability, Bounds::unitInterval());
  durationDistKey(r, "access_delay", out.accessDelay);
  r.number("credential_misuse_probability", out.credentialMisuseProbability,
           Bounds::unitInterval());
  r.number("hand_in_probability", out.handInProbability, Bounds::unitInterval());
  durationDistKey(r, "hand_in_delay", out.handInDelay);
  r.number("wipe_success_probability", out.wipeSuccessProbability, Bounds::unitInterval());
  durationDistKey(r, "wipe_delay", out.wipeDelay);
  r.number("search_find_probability_known", out.searchFindProbabilityKnown,
           Bounds::unitInterval());
  r.number("search_find_probability_unknown", out.searchFindProbabilityUnknown,
           Bounds::unitInterval());
  r.number("police_recovery_probability", out.policeRecoveryProbability, Bounds::unitInterval());
  durationDistKey(r, "police_recovery_delay", out.policeRecoveryDelay);
}

void readDetection(SourceSet& s, const Node& node, incident::DetectionDef& out) {
  MapReader r(s, node, "detection");
  out.where = r.where();
  if (const auto monitoring = r.get("monitoring_per_hour")) {
    MapReader m(s, *monitoring, "monitoring_per_hour");
    for (std::size_t i = 0; i < incident::kStageNames.size(); ++i) {
      m.number(incident::kStageNames[i], out.monitoringPerHour[i], Bounds::nonNegative());
    }
    m.number("insider_copy", out.insiderCopyPerHour, Bounds::nonNegative());
  }
  if (const auto review = r.get("log_review")) {
    MapReader l(s, *review, "log_review");
    fixedDurationKey(l, "every", out.logReviewIntervalS, Bounds::positive());
    l.number("find_probability", out.logReviewFindProbability, Bounds::unitInterval());
  }
  if (const auto phishing = r.get("phishing_report")) {
    MapReader p(s, *phishing, "phishing_report");
    p.number("probability", out.phishingReportProbability, Bounds::unitInterval());
    durationDistKey(p, "delay", out.phishingReportDelay);
  }
  durationDistKey(r, "loss_report_delay", out.lossReportDelay);
  durationDistKey(r, "site_monitoring_delay", out.siteMonitoringDelay);
  if (const auto notice = r.get("outside_notice")) {
    MapReader o(s, *notice, "outside_notice");
    o.number("probability", out.outsideNoticeProbability, Bounds::unitInterval());
    durationDistKey(o, "delay", out.outsideNoticeDelay);
  }
  r.boolean("tag_alerts_reach_team", out.tagAlertsReachTeam);
}

}  // namespace irdrill::scenario
