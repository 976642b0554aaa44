// Items left behind, from the office day to an incident: the day reports what happens
// (left, alerts, the owner going back...), thieves take unattended items in public
// places, and an item nobody recovers becomes an incident whose fate (handed in, found
// by a search, its data accessed, wiped) plays out over the following days.
#include <algorithm>
#include <cmath>

#include <boost/random/exponential_distribution.hpp>
#include <boost/random/uniform_01.hpp>

#include "sim/exercise/exercise_impl.hpp"

namespace irdrill::exercise {
namespace {

constexpr double kPlannedTheftMeanS = 5 * 60;  // a planned theft: taken within minutes

bool holdsCredentials(const world::ItemDef& item) {
  return item.kind == world::ItemKind::Laptop && !item.encrypted;
}

}  // namespace

std::pair<int, std::vector<int>> Exercise::Impl::plannedLossTarget(const incident::IncidentSourceDef& source) const {
  if (!day) return {-1, {}};
  const auto person = std::find(personIds.begin(), personIds.end(), source.loss.person);
  if (person == personIds.end()) return {-1, {}};  // the loader checked the names
  const auto personIndex = static_cast<std::size_t>(person - personIds.begin());
  const auto& items = scenario.employees[personIndex].items;
  // The item as written under the person ("laptop") or by its scenario-wide id.
  const std::string scenarioWideId = source.loss.person + "/" + source.loss.item;
  const auto item = std::find_if(items.begin(), items.end(), [&](const world::ItemDef& d) {
    return d.id == source.loss.item || d.id == scenarioWideId;
  });
  if (item == items.end()) return {-1, {}};
  const int itemIndex = day->firstItemOf(static_cast<int>(personIndex)) + static_cast<int>(item - items.begin());
  std::vector<int> places;
  if (source.loss.placeKind == "office") places.push_back(0);
  for (std::size_t i = 0; i < scenario.office.offsitePlaces.size(); ++i) {
    const auto kind = static_cast<std::size_t>(scenario.office.offsitePlaces[i].kind);
    if (source.loss.placeKind == world::kPlaceKindNames[kind]) places.push_back(static_cast<int>(i) + 1);
  }
  return {itemIndex, std::move(places)};
}

void Exercise::Impl::planLoss(const incident::IncidentSourceDef& source) {
  auto [itemIndex, places] = plannedLossTarget(source);
  if (itemIndex < 0) return;
  day->planLeaveBehind(itemIndex, std::move(places));
  if (source.kind == incident::IncidentKind::Theft) plannedTheft[static_cast<std::size_t>(itemIndex)] = true;
}

void Exercise::Impl::onDayEvent(const day::DayEvent& event) {
  // Handled through the kernel, so the log stays in time order with the exercise's own
  // events (the day may have run a slice ahead).
  sampleSeparation(event);
  dayEvents.push_back(event);
  kernel.scheduleAt(std::max(event.timeUs, kernel.now()), [this] {
    const day::DayEvent e = std::move(dayEvents.front());
    dayEvents.pop_front();
    handleDayEvent(e);
  });
}

void Exercise::Impl::handleDayEvent(const day::DayEvent& e) {
  const auto itemIndex = static_cast<std::size_t>(std::max(e.item, 0));
  Incident* x = e.item >= 0 && incidentOfItem[itemIndex] >= 0
                    ? incidents[static_cast<std::size_t>(incidentOfItem[itemIndex])].get()
                    : nullptr;
  const std::uint64_t logged =
      log(e.timeUs, dayEventKind(e.kind), x,
          e.person >= 0 ? personIds[static_cast<std::size_t>(e.person)] : std::string(),
          e.item >= 0 ? itemIds[itemIndex] : std::string(), e.detail, e.value);
  if (e.item < 0) return;
  watchSeparation(e);
  std::optional<LeftItem>& left = leftItems[itemIndex];
  const bool tagsReachTeam = scenario.detection.tagAlertsReachTeam;
  // A detection of a watched item: kept on the watch until it becomes an incident.
  auto noteDetection = [&](const char* by, bool locates, bool viaTeamChannel) {
    if (locates && left) left->locationKnown = true;
    if (locates && left) left->alerted = true;
    if (viaTeamChannel && tagsReachTeam && left && !left->dismissed) left->reportedByTags = true;
    if (x) {
      if (locates) x->locationKnown = true;
      detect(*x, e.timeUs, by, false);
    } else if (left && !left->detected.timeUs) {
      left->detected = {e.timeUs, logged};
      left->detectedBy = by;
    }
  };
  switch (e.kind) {
    case day::DayEventKind::ItemLeftBehind: {
      LeftItem watch;
      watch.leftUs = e.timeUs;
      watch.leftSeq = logged;
      if (const auto where = day->itemAt(e.item, e.timeUs).whereabouts) watch.place = where->place;
      left = watch;
      onPlannedItemLeft(e.item, watch.place);
      const double ratePerMinute = theftRatePerMinute(e.item);
      if (ratePerMinute > 0) {
        boost::random::exponential_distribution<double> delayMin(ratePerMinute);
        const TimeUs atUs = e.timeUs + core::secondsToUs(60.0 * delayMin(thiefRng[itemIndex]));
        const int item = e.item;
        if (atUs < endUs) left->theft = kernel.scheduleAt(atUs, [this, item] { onTheft(item); });
      }
      break;
    }
    case day::DayEventKind::PhoneAlert:
      if (e.value != 0) noteDetection("phone_alert", true, false);
      break;
    case day::DayEventKind::GatewayAlert: noteDetection("gateway_alert", true, true); break;
    case day::DayEventKind::CrowdReport: noteDetection("crowd_report", true, true); break;
    case day::DayEventKind::WentBack: noteDetection("owner", false, false); break;
    case day::DayEventKind::ItemRecovered:
      onPlannedItemRecovered(e.item);
      if (left) kernel.cancel(left->theft);
      left.reset();
      // Only a decision opens an incident for an item its owner can still fetch.
      if (x && !x->taken) itemBack(*x, "recovered by its owner");
      break;
    case day::DayEventKind::ItemFoundMissing:
      if (x) {
        detect(*x, e.timeUs, "owner", false);
        core::RandomEngine& rng = x->rng;
        openLostItemIncident(*x, e.timeUs + core::sampleUs(scenario.detection.lossReportDelay, rng));
      }
      break;
    case day::DayEventKind::ItemLost: {
      Incident& lost = itemIncident(e.item, e.timeUs, incident::IncidentKind::LostItem);
      if (!lost.taken) scheduleItemFate(lost);
      // Tags that told the support desk (a gateway, the finding network) let it act at
      // once; otherwise the owner reports the loss after a while.
      const bool knownToDesk = left && left->reportedByTags;
      const TimeUs reportUs =
          knownToDesk ? e.timeUs : e.timeUs + core::sampleUs(scenario.detection.lossReportDelay, lost.rng);
      openLostItemIncident(lost, reportUs);
      break;
    }
    default:
      break;
  }
}

double Exercise::Impl::theftRatePerMinute(int item) const {
  if (plannedTheft[static_cast<std::size_t>(item)]) return 1.0 / (kPlannedTheftMeanS / 60.0);
  const auto& watch = leftItems[static_cast<std::size_t>(item)];
  if (!watch || watch->place < 0) return 0;
  const incident::ThievesDef& thieves = scenario.thieves;
  if (watch->place == 0) {
    const auto where = day->itemAt(item, watch->leftUs).whereabouts;
    const auto room = where ? day->officeRoomKindAt(where->positionM) : std::nullopt;
    return room == world::RoomKind::Lobby ? thieves.takePerMinuteLobby : 0.0;
  }
  const auto offsite = static_cast<std::size_t>(watch->place - 1);
  if (offsite >= scenario.office.offsitePlaces.size()) return 0;  // home
  return thieves.takePerMinuteByPlace[static_cast<std::size_t>(scenario.office.offsitePlaces[offsite].kind)];
}

Incident& Exercise::Impl::itemIncident(int item, TimeUs nowUs, incident::IncidentKind kind) {
  const auto itemIndex = static_cast<std::size_t>(item);
  if (incidentOfItem[itemIndex] >= 0) return *incidents[static_cast<std::size_t>(incidentOfItem[itemIndex])];
  LeftItem unwatched;
  unwatched.leftUs = nowUs;
  const LeftItem watch = leftItems[itemIndex].value_or(unwatched);
  const std::string place = watch.place >= 0 && day ? day->placeNames()[static_cast<std::size_t>(watch.place)]
                                                    : std::string("somewhere");
  Incident& x = newIncident((kind == incident::IncidentKind::Theft ? "theft:" : "lost:") + itemIds[itemIndex],
                            kind, nullptr, watch.leftUs, itemIds[itemIndex] + " left at " + place,
                            watch.leftSeq);
  x.item = item;
  x.owner = day ? day->itemAt(item, nowUs).owner : -1;
  x.place = watch.place;
  x.locationKnown = watch.locationKnown;
  x.detected = watch.detected;
  x.detectedBy = watch.detectedBy;
  x.knownHumanError = kind == incident::IncidentKind::LostItem;
  incidentOfItem[itemIndex] = static_cast<int>(incidents.size()) - 1;
  onPlannedItemIncident(item, x);
  return x;
}

void Exercise::Impl::onTheft(int item) {
  const auto itemIndex = static_cast<std::size_t>(item);
  std::optional<LeftItem>& watch = leftItems[itemIndex];
  if (!watch) return;  // the owner has it again
  const TimeUs nowUs = kernel.now();
  if (day && !day->finished()) day->takeItem(item);
  Incident& x = itemIncident(item, nowUs, incident::IncidentKind::Theft);
  if (x.itemBack || x.wiped) return;
  x.taken = true;
  x.takenUs = nowUs;
  x.summary += ", taken by a thief";
  log(nowUs, Kind::ItemTaken, &x, "thief", itemIds[itemIndex]);
  // Whoever had it (a finder) no longer does: the thief's own access attempt replaces it.
  kernel.cancel(x.handInEvent);
  kernel.cancel(x.finderAccessEvent);
  scheduleItemFate(x);
}

void Exercise::Impl::openLostItemIncident(Incident& x, TimeUs reportUs) {
  const int index = indexOf(x);
  // An item already back needs no report: its owner has it (docs/incident-model.md,
  // "Incidents that end before the team knows").
  if (x.itemBack) return;
  kernel.scheduleAt(std::max(reportUs, kernel.now()), [this, index] {
    Incident& y = *incidents[static_cast<std::size_t>(index)];
    if (y.opened || y.itemBack) return;
    y.opened = true;
    detect(y, kernel.now(), "loss_report", true);
  });
}

void Exercise::Impl::scheduleItemFate(Incident& x) {
  const incident::ItemFateDef& fate = scenario.itemFate;
  const int index = indexOf(x);
  boost::random::uniform_01<double> unit;
  const TimeUs nowUs = kernel.now();
  // Draws are made whatever their use, so the stream stays aligned across variants.
  const double accessDraw = unit(x.rng);
  const TimeUs accessDelayUs = core::sampleUs(fate.accessDelay, x.rng);
  if (x.taken) {
    if (accessDraw < fate.thiefAccessProbability) {
      x.finderAccessEvent = kernel.scheduleAt(nowUs + accessDelayUs, [this, index] { onDeviceAccess(index); });
    }
    return;
  }
  const double handInDraw = unit(x.rng);
  const TimeUs handInDelayUs = core::sampleUs(fate.handInDelay, x.rng);
  if (handInDraw < fate.handInProbability) {
    x.handInEvent = kernel.scheduleAt(std::max(nowUs, x.startUs + handInDelayUs), [this, index] {
      itemBack(*incidents[static_cast<std::size_t>(index)], "handed in");
    });
  }
  if (accessDraw < fate.finderAccessProbability) {
    x.finderAccessEvent = kernel.scheduleAt(std::max(nowUs, x.startUs + accessDelayUs),
                                            [this, index] { onDeviceAccess(index); });
  }
}

void Exercise::Impl::onDeviceAccess(int index) {
  Incident& x = *incidents[static_cast<std::size_t>(index)];
  if (x.itemBack || x.wiped || x.accessed) return;
  const TimeUs nowUs = kernel.now();
  const world::ItemDef& item = *itemDefs[static_cast<std::size_t>(x.item)];
  x.accessed = true;
  log(nowUs, Kind::DeviceAccessed, &x, x.taken ? "thief" : "finder", itemIds[static_cast<std::size_t>(x.item)],
      item.encrypted ? "encrypted: nothing readable" : "unencrypted");
  if (!item.encrypted && item.records > 0) {
    x.leaked = true;
    x.recordsExfiltrated += item.records;
    x.recordsSeq = log(nowUs, Kind::RecordsLeaked, &x, x.taken ? "thief" : "finder", "", "", item.records);
    scheduleOutsideNotice(x, nowUs);
  }
  boost::random::uniform_01<double> unit;
  if (holdsCredentials(item) && unit(x.rng) < scenario.itemFate.credentialMisuseProbability &&
      !x.credentialsRevoked) {
    // Saved credentials on the device become an intruder's way in.
    incident::IncidentSourceDef source;
    source.id = "creds-from-" + x.id;
    source.kind = incident::IncidentKind::CyberIntrusion;
    source.cyber.vector = incident::AccessVector::StolenCredentials;
    auto owned = std::make_shared<const incident::IncidentSourceDef>(source);
    const incident::IncidentSourceDef* raw = owned.get();
    log(nowUs, Kind::CredentialsMisused, &x, "intruder", itemIds[static_cast<std::size_t>(x.item)]);
    addArrival({raw, std::move(owned), source.id, nowUs});
  }
  updateContainment(x, nowUs, "");
}

void Exercise::Impl::itemBack(Incident& x, const char* how) {
  if (x.itemBack) return;
  const TimeUs nowUs = kernel.now();
  x.itemBack = true;
  kernel.cancel(x.handInEvent);
  kernel.cancel(x.finderAccessEvent);
  if (auto& watch = leftItems[static_cast<std::size_t>(x.item)]) {
    kernel.cancel(watch->theft);
    watch.reset();
  }
  log(nowUs, Kind::ItemBack, &x, "", itemIds[static_cast<std::size_t>(x.item)], how);
  updateContainment(x, nowUs, how);
}

}  // namespace irdrill::exercise
