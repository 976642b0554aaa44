// Office day engine. Sections:
//   1. state of people, items and separation episodes
//   2. set-up: places, plans, itineraries, tags
//   3. movement: building itineraries from plans, going back for items
//   4. human error and truth (left behind, separated)
//   5. radio: advertising events, the owner's phone, gateways, crowd finding
//   6. alerts and reactions
//   7. closing the day
//   8. trace mode (reception traces for rule sweeps)
#include "sim/day/office_day.hpp"

#include <algorithm>
#include <cmath>
#include <deque>
#include <map>
#include <stdexcept>

#include <boost/random/exponential_distribution.hpp>
#include <boost/random/uniform_01.hpp>
#include <boost/random/uniform_int_distribution.hpp>

#include "sim/core/random_streams.hpp"
#include "sim/day/day_plan.hpp"
#include "sim/day/separation_monitor.hpp"
#include "sim/radio/advertiser.hpp"
#include "sim/radio/battery.hpp"
#include "sim/radio/fading.hpp"
#include "sim/radio/propagation.hpp"
#include "sim/radio/scan_modes.hpp"
#include "sim/radio/scan_schedule.hpp"
#include "sim/radio/shadowing.hpp"
#include "sim/world/floor_plan.hpp"
#include "sim/world/nav_graph.hpp"

namespace irdrill::day {

using core::EventId;
using core::TimeUs;
using radio::CarryPosition;
using world::Vec2;

namespace {

// Off-site places are points; people walk to them from a spot this far away, so radio
// contact with an item left there fades as they walk off instead of stopping at once.
constexpr double kOffsiteApproachM = 30.0;
// Travel between home and the office (not in the scenario yet).
constexpr double kCommuteS = 1800.0;
// Distance between a phone and an item carried by the same person, by the item's carry
// position: the two sit on one body, a hand span to an arm's length apart.
constexpr double carriedDistanceM(CarryPosition carry) {
  switch (carry) {
    case CarryPosition::Hand: return 0.5;
    case CarryPosition::Bag: return 0.6;
    case CarryPosition::Surface: return 0.8;
    default: return 0.3;
  }
}
constexpr CarryPosition kPhoneCarry = CarryPosition::FrontPocket;
constexpr TimeUs kPickUpUs = 20 * core::kUsPerSecond;  // finding and picking the item up
constexpr TimeUs kTruthTickUs = core::kUsPerSecond;    // resolution of "separated" times

// A uniformly random offset within one period: where a scanner's windows or a tag's
// advertising events start relative to the day, so receivers and tags are not in step.
TimeUs drawOffsetWithinUs(double periodMs, core::RandomEngine& rng) {
  boost::random::uniform_int_distribution<TimeUs> offsetUs(
      0, std::max<TimeUs>(0, core::millisToUs(periodMs) - 1));
  return offsetUs(rng);
}

}  // namespace

// ---------------------------------------------------------------------------------------
// 1. State
struct OfficeDay::Impl {
  struct Person {
    const world::EmployeeDef* def = nullptr;
    std::vector<Activity> plan;
    Itinerary itinerary{Waypoint{}};
    std::vector<EventId> departures;  // pending human-error checks, one per activity end
    radio::ScanModeDef scanMode;
    std::optional<radio::ScanSchedule> scan;
    std::vector<int> items;
    std::deque<TimeUs> falseAlarmTimesUs;  // for alert fatigue
    std::deque<int> retrievals;            // items to fetch, in order
    bool onRetrievalTrip = false;
    EventId pickUpEvent;
    core::RandomEngine reactionRng;
    core::RandomEngine humanErrorRng;
  };

  struct Episode {
    int item = -1;
    TimeUs leftUs = 0;
    std::optional<TimeUs> separatedUs;
    std::optional<TimeUs> firstAlertUs;
    std::optional<TimeUs> recoveredUs;
    bool gatewayAlerted = false;
    std::optional<TimeUs> ownerAwaySinceUs;  // gateway rule: owner off the floor since
  };

  struct Item {
    const world::ItemDef* def = nullptr;
    int owner = -1;
    bool withOwner = true;
    bool taken = false;             // by a thief: gone for good
    bool ownerKnowsTaken = false;   // the owner came back and found it gone: no more trips
    std::vector<int> plannedLossPlaces;  // planLeaveBehind: left at the first of these
    Whereabouts leftAt;
    int episode = -1;  // index into episodes while left behind
    bool selfNoticeScheduled = false;
    // Tag (when tagged)
    std::optional<radio::Advertiser> advertiser;
    TimeUs batteryDeadUs = core::kTimeNeverUs;
    core::RandomEngine radioRng;
    radio::ShadowingState ownerShadow;
    Vec2 ownerLinkLastM;
    Vec2 itemLinkLastM;
    std::vector<radio::ShadowingState> gatewayShadow;
    std::optional<SeparationMonitor> monitor;
    EventId monitorCheck;
    TimeUs monitorCheckUs = core::kTimeNeverUs;
    EventId coalescedDelivery;
    double coalescedRssiDbm = -1e9;
    TimeUs lastCrowdReportUs = core::kTimeNeverUs;
    // The last packet handed to the separation rule, for inspectors.
    std::optional<TimeUs> lastHeardUs;
    double lastHeardRssiDbm = 0;
  };

  const scenario::ScenarioDef& scenario;
  core::RandomStreams streams;
  DayEventSink* sink;
  core::EventKernel kernel;
  DayMetrics metrics;
  std::vector<std::string> placeNames;
  int homePlace = 0;
  std::unique_ptr<world::FloorPlan> floor;
  std::unique_ptr<world::NavGraph> nav;
  radio::PropagationModel propagation;
  radio::AdvertisingTiming advertisingTiming{};
  std::map<std::string, radio::ScanModeDef> scanModes;
  std::vector<radio::ScanSchedule> gatewayScans;
  std::vector<Person> people;
  std::vector<Item> items;
  std::vector<Episode> episodes;
  TimeUs dayStartUs;
  TimeUs dayEndUs;
  bool closed = false;

  // 8. Trace mode (OfficeDayOptions::trace): an open-loop day recording what each tag's
  // rule is fed. The recorder sits between emit() and the caller's sink and reads the
  // episodes off the events, so the rest of the day needs only two hooks (deliverPacket,
  // raiseAlert).
  struct TraceRecorder : DayEventSink {
    Impl* day = nullptr;
    DayEventSink* next = nullptr;  // the caller's sink, if any
    std::vector<int> openEpisode;  // per traced item: its episode under way, -1 if none
    void onDayEvent(const DayEvent& event) override;
  };
  ReceptionTrace* trace = nullptr;
  std::vector<int> traceSlot;  // per item: index into trace->items, -1 when untagged
  TraceRecorder traceRecorder;
  void startTrace(ReceptionTrace& out);
  TimeUs tripBackUs(int person, const Whereabouts& to, TimeUs fromUs);

  Impl(const scenario::ScenarioDef& s, std::uint64_t seed, std::uint64_t replication,
       DayEventSink* eventSink);

  void emit(TimeUs t, DayEventKind kind, int person, int item, double value = 0,
            std::string detail = {}) {
    if (sink) sink->onDayEvent(DayEvent{t, kind, person, item, value, std::move(detail)});
  }

  // 2. set-up
  void setUpPlaces();
  void setUpPeople();
  void setUpTags();
  // 3. movement
  void moveTo(Person& p, int place, Vec2 toM);
  // Walking route on the floor. A plan that passes validateOffice has a route between any
  // two rooms; for one that does not, a straight line keeps the day going.
  std::vector<Vec2> floorRoute(Vec2 fromM, Vec2 toM) const {
    std::vector<Vec2> route = nav->routeM(fromM, toM);
    if (route.empty()) route = {fromM, toM};
    return route;
  }
  void buildItineraryFrom(int person, std::size_t firstActivity, TimeUs fromUs);
  void startRetrieval(int person, int item, TimeUs nowUs);
  void onPickUp(int person);
  // 4. human error and truth
  void onDeparture(int person, std::size_t activity);
  void onSelfNotice(int item);
  void checkSeparated(int episode);
  std::optional<Whereabouts> itemWhereabouts(const Item& item, TimeUs t) const;
  // 5. radio
  void onAdvertisingEvent(int item);
  void ownerLink(int itemIndex, Item& item, TimeUs t, const std::optional<Whereabouts>& ownerAt,
                 const std::optional<Whereabouts>& itemAt);
  void gatewayLinks(int itemIndex, Item& item, TimeUs t, const std::optional<Whereabouts>& ownerAt);
  void crowdLinks(int itemIndex, Item& item, TimeUs t);
  double linkRssiDbm(radio::ShadowingState& shadow, Vec2& lastA, Vec2& lastB, Vec2 a, Vec2 b,
                     bool throughWalls, double txPowerDbm, double distanceM, CarryPosition txCarry,
                     CarryPosition rxCarry, core::RandomEngine& rng, TimeUs t);
  // 6. alerts and reactions
  void deliverPacket(int item, TimeUs t, double rssiDbm);
  void refreshMonitorCheck(int item);
  void onMonitorCheck(int item);
  void raiseAlert(int item, TimeUs t, bool fromGateway, const char* cause);
  void onReaction(int item);
  // 7. closing
  void closeDay();
};

// ---------------------------------------------------------------------------------------
// 2. Set-up
OfficeDay::Impl::Impl(const scenario::ScenarioDef& s, std::uint64_t seed,
                      std::uint64_t replication, DayEventSink* eventSink)
    : scenario(s),
      streams(seed, replication),
      sink(eventSink),
      propagation(s.propagation),
      dayStartUs(core::secondsToUs(s.dayStartS)),
      dayEndUs(core::secondsToUs(s.dayEndS)) {
  if (s.office.floors.empty()) throw std::invalid_argument("OfficeDay: the office has no floor");
  // A 31-byte legacy advertisement: (1 preamble + 4 access address + 2 header + 31 payload
  // + 3 CRC) bytes at 1 Mbit/s = 328 us; channel starts 400 us apart (see radio-timing.md).
  advertisingTiming = radio::defaultAdvertisingTiming();
  scanModes = radio::builtInScanModes();
  for (const auto& [name, mode] : s.scanModes) scanModes[name] = mode;
  floor = std::make_unique<world::FloorPlan>(s.office.floors.front(), s.office);
  nav = std::make_unique<world::NavGraph>(*floor);
  kernel.runUntil(dayStartUs);  // the clock starts at the day's start
  setUpPlaces();
  setUpPeople();
  setUpTags();
}

void OfficeDay::Impl::setUpPlaces() {
  placeNames.push_back(scenario.office.floors.front().id);
  for (const auto& place : scenario.office.offsitePlaces) placeNames.push_back(place.id);
  homePlace = static_cast<int>(placeNames.size());
  placeNames.push_back("home");
}

void OfficeDay::Impl::setUpPeople() {
  PlanContext context;
  const world::FloorDef& floorDef = floor->def();
  for (const world::RoomDef& room : floorDef.rooms) {
    if (room.kind == world::RoomKind::MeetingRoom) context.meetingSpotsM.push_back(world::centroid(room.outline));
    if (room.kind == world::RoomKind::Kitchen) context.breakSpotsM.push_back(world::centroid(room.outline));
  }
  for (std::size_t i = 0; i < scenario.office.offsitePlaces.size(); ++i) {
    const int place = static_cast<int>(i) + 1;
    switch (scenario.office.offsitePlaces[i].kind) {
      case world::PlaceKind::Cafe: context.cafePlaces.push_back(place); break;
      case world::PlaceKind::ClientSite: context.clientPlaces.push_back(place); break;
      default: break;
    }
  }
  context.homePlace = homePlace;
  context.dayStartUs = dayStartUs;
  context.dayEndUs = dayEndUs;

  const world::DayPlanDef defaultPlan;
  for (std::size_t i = 0; i < scenario.employees.size(); ++i) {
    const world::EmployeeDef& employee = scenario.employees[i];
    Person person;
    person.def = &employee;
    context.deskM = floor->deskPosition(employee.desk);
    const auto plan = scenario.dayPlans.find(employee.dayPlan);
    core::RandomEngine planRng = streams.stream("day.plan", i);
    person.plan = drawDayPlan(plan == scenario.dayPlans.end() ? defaultPlan : plan->second,
                              context, planRng);
    person.itinerary = Itinerary(Waypoint{dayStartUs, homePlace, {0, 0}});
    const auto mode = scanModes.find(employee.phone.scanMode);
    if (mode == scanModes.end()) {
      throw std::invalid_argument("OfficeDay: unknown scan mode '" + employee.phone.scanMode + "'");
    }
    person.scanMode = mode->second;
    core::RandomEngine phaseRng = streams.stream("radio.scan_phase", i);
    person.scan.emplace(mode->second, drawOffsetWithinUs(mode->second.intervalMs, phaseRng));
    person.reactionRng = streams.stream("day.reaction", i);
    person.humanErrorRng = streams.stream("day.human_error", i);
    for (const world::ItemDef& itemDef : employee.items) {
      Item item;
      item.def = &itemDef;
      item.owner = static_cast<int>(i);
      person.items.push_back(static_cast<int>(items.size()));
      items.push_back(std::move(item));
    }
    people.push_back(std::move(person));
  }
  metrics.people = static_cast<int>(people.size());
  for (std::size_t i = 0; i < people.size(); ++i) buildItineraryFrom(static_cast<int>(i), 0, dayStartUs);
}

void OfficeDay::Impl::setUpTags() {
  const auto& gateways = floor->def().gateways;
  core::RandomEngine gatewayRng = streams.stream("radio.gateway_phase");
  for (std::size_t g = 0; g < gateways.size(); ++g) {
    const radio::ScanModeDef& mode = scanModes.at("gateway");
    gatewayScans.emplace_back(mode, drawOffsetWithinUs(mode.intervalMs, gatewayRng));
  }
  for (std::size_t i = 0; i < items.size(); ++i) {
    Item& item = items[i];
    if (!item.def->tag) continue;
    const radio::TagDef& tag = *item.def->tag;
    item.radioRng = streams.stream("radio.tag", i);
    const TimeUs firstUs = dayStartUs + drawOffsetWithinUs(tag.advertisingIntervalMs, item.radioRng);
    item.advertiser.emplace(tag, advertisingTiming, firstUs);
    const TimeUs lifeUs = radio::Battery(tag).depletionTimeUs();
    item.batteryDeadUs = lifeUs == core::kTimeNeverUs ? core::kTimeNeverUs : dayStartUs + lifeUs;
    item.gatewayShadow.resize(gateways.size());
    item.monitor.emplace(scenario.phoneAlert, dayStartUs);
    refreshMonitorCheck(static_cast<int>(i));
    const int index = static_cast<int>(i);
    kernel.scheduleAt(firstUs, [this, index] { onAdvertisingEvent(index); });
    ++metrics.tags;
  }
}

// ---------------------------------------------------------------------------------------
// 3. Movement
namespace {
double legTravelS(const scenario::ScenarioDef& s, int homePlace, int place) {
  if (place == kOfficePlace) return 0;
  if (place == homePlace) return kCommuteS;
  return s.office.offsitePlaces[static_cast<std::size_t>(place - 1)].travelTimeS;
}
}  // namespace

void OfficeDay::Impl::moveTo(Person& p, int place, Vec2 toM) {
  const double speedMps = scenario.office.walkingSpeedMps;
  const Vec2 entranceM = floor->def().entranceM;
  const Vec2 approachM{kOffsiteApproachM, 0};
  const Waypoint from = p.itinerary.last();
  if (from.place == place) {
    if (place == kOfficePlace) {
      p.itinerary.walk(floorRoute(from.positionM, toM), speedMps);
    } else {
      p.itinerary.walk({toM}, speedMps);
    }
    return;
  }
  // Leave the current place on foot, travel, arrive on foot.
  if (from.place == kOfficePlace) {
    p.itinerary.walk(floorRoute(from.positionM, entranceM), speedMps);
  } else {
    p.itinerary.walk({approachM}, speedMps);
  }
  // Between two places outside the office the trip is counted as going through it.
  double travelS = legTravelS(scenario, homePlace, from.place) + legTravelS(scenario, homePlace, place);
  travelS = std::max(travelS, 1.0);
  p.itinerary.travel(core::secondsToUs(travelS),
                     Waypoint{0, place, place == kOfficePlace ? entranceM : approachM});
  if (place == kOfficePlace) {
    p.itinerary.walk(floorRoute(entranceM, toM), speedMps);
  } else {
    p.itinerary.walk({toM}, speedMps);
  }
}

void OfficeDay::Impl::buildItineraryFrom(int personIndex, std::size_t firstActivity, TimeUs fromUs) {
  Person& p = people[static_cast<std::size_t>(personIndex)];
  for (const EventId id : p.departures) kernel.cancel(id);
  p.departures.clear();
  p.itinerary.stayUntil(fromUs);
  for (std::size_t k = firstActivity; k < p.plan.size(); ++k) {
    const Activity& activity = p.plan[k];
    const bool lastActivity = k + 1 == p.plan.size();
    // Running late: an activity over before the person could get there is skipped.
    if (!lastActivity && activity.endUs <= p.itinerary.endUs()) continue;
    moveTo(p, activity.place, activity.positionM);
    p.itinerary.stayUntil(activity.endUs);
    if (!lastActivity) {
      const TimeUs departUs = std::max(p.itinerary.endUs(), kernel.now());
      p.departures.push_back(kernel.scheduleAt(
          departUs, [this, personIndex, k] { onDeparture(personIndex, k); }));
    }
  }
}

void OfficeDay::Impl::startRetrieval(int personIndex, int itemIndex, TimeUs nowUs) {
  Person& p = people[static_cast<std::size_t>(personIndex)];
  if (p.onRetrievalTrip) {
    if (std::find(p.retrievals.begin(), p.retrievals.end(), itemIndex) == p.retrievals.end()) {
      p.retrievals.push_back(itemIndex);
    }
    return;
  }
  if (!p.itinerary.at(nowUs)) {
    // In transit (on a train, say): they can only turn back once they arrive somewhere.
    const std::size_t arrival = p.itinerary.firstWaypointAfter(nowUs);
    const auto& waypoints = p.itinerary.waypoints();
    const TimeUs arriveUs = arrival == waypoints.size() ? nowUs : waypoints[arrival].timeUs;
    kernel.scheduleAt(arriveUs, [this, personIndex, itemIndex, arriveUs] {
      startRetrieval(personIndex, itemIndex, arriveUs);
    });
    return;
  }
  Item& item = items[static_cast<std::size_t>(itemIndex)];
  if (item.withOwner || item.ownerKnowsTaken) return;
  p.onRetrievalTrip = true;
  for (const EventId id : p.departures) kernel.cancel(id);
  p.departures.clear();
  p.itinerary.cutAt(nowUs);
  emit(nowUs, DayEventKind::WentBack, personIndex, itemIndex, 0, placeNames[static_cast<std::size_t>(item.leftAt.place)]);
  moveTo(p, item.leftAt.place, item.leftAt.positionM);
  p.itinerary.stayUntil(p.itinerary.endUs() + kPickUpUs);
  p.pickUpEvent = kernel.scheduleAt(p.itinerary.endUs(), [this, personIndex] { onPickUp(personIndex); });
}

void OfficeDay::Impl::onPickUp(int personIndex) {
  Person& p = people[static_cast<std::size_t>(personIndex)];
  const TimeUs nowUs = kernel.now();
  const std::optional<Whereabouts> here = p.itinerary.at(nowUs);
  // Back at the spot, the owner takes everything of theirs lying there.
  for (const int itemIndex : p.items) {
    Item& item = items[static_cast<std::size_t>(itemIndex)];
    if (item.withOwner || !here || item.leftAt.place != here->place ||
        world::distanceM(item.leftAt.positionM, here->positionM) > 3.0) {
      continue;
    }
    if (item.taken) {
      item.ownerKnowsTaken = true;
      emit(nowUs, DayEventKind::ItemFoundMissing, personIndex, itemIndex, 0,
           placeNames[static_cast<std::size_t>(item.leftAt.place)]);
      continue;
    }
    item.withOwner = true;
    episodes[static_cast<std::size_t>(item.episode)].recoveredUs = nowUs;
    item.episode = -1;
    ++metrics.itemsRecovered;
    emit(nowUs, DayEventKind::ItemRecovered, personIndex, itemIndex);
  }
  p.onRetrievalTrip = false;
  while (!p.retrievals.empty()) {
    const int next = p.retrievals.front();
    p.retrievals.pop_front();
    if (!items[static_cast<std::size_t>(next)].withOwner) {
      startRetrieval(personIndex, next, nowUs);
      return;
    }
  }
  // Resume the day with the activity under way now (or the next one).
  std::size_t k = 0;
  while (k + 1 < p.plan.size() && p.plan[k].endUs <= nowUs) ++k;
  buildItineraryFrom(personIndex, k, nowUs);
}

// ---------------------------------------------------------------------------------------
// 4. Human error and truth
std::optional<Whereabouts> OfficeDay::Impl::itemWhereabouts(const Item& item, TimeUs t) const {
  if (item.withOwner) return people[static_cast<std::size_t>(item.owner)].itinerary.at(t);
  return item.leftAt;
}

void OfficeDay::Impl::onDeparture(int personIndex, std::size_t activity) {
  Person& p = people[static_cast<std::size_t>(personIndex)];
  // Things forgotten at home are not a security matter: the model starts at the door.
  if (p.plan[activity].kind == ActivityKind::Home) return;
  const TimeUs nowUs = kernel.now();
  const std::optional<Whereabouts> here = p.itinerary.at(nowUs);
  if (!here) return;
  boost::random::uniform_01<double> unit;
  for (const int itemIndex : p.items) {
    Item& item = items[static_cast<std::size_t>(itemIndex)];
    if (!item.withOwner) continue;
    const double probability =
        scenario.humanError.leaveBehindProbability[static_cast<std::size_t>(item.def->kind)];
    const bool planned = std::find(item.plannedLossPlaces.begin(), item.plannedLossPlaces.end(),
                                   here->place) != item.plannedLossPlaces.end();
    // The draw is made even for a planned loss, so the person's later draws are the same.
    if (!(unit(p.humanErrorRng) < probability) && !planned) continue;
    item.plannedLossPlaces.clear();
    item.withOwner = false;
    item.leftAt = *here;
    item.episode = static_cast<int>(episodes.size());
    Episode episode;
    episode.item = itemIndex;
    episode.leftUs = nowUs;
    episodes.push_back(episode);
    ++metrics.itemsLeftBehind;
    emit(nowUs, DayEventKind::ItemLeftBehind, personIndex, itemIndex, 0,
         placeNames[static_cast<std::size_t>(here->place)]);
    const int episodeIndex = item.episode;
    kernel.scheduleIn(kTruthTickUs, [this, episodeIndex] { checkSeparated(episodeIndex); });
    if (unit(p.humanErrorRng) < scenario.humanError.selfNoticeProbability) {
      boost::random::exponential_distribution<double> delayS(1.0 / scenario.humanError.selfNoticeDelayMeanS);
      kernel.scheduleIn(core::secondsToUs(delayS(p.humanErrorRng)),
                        [this, itemIndex] { onSelfNotice(itemIndex); });
    }
  }
}

void OfficeDay::Impl::onSelfNotice(int itemIndex) {
  const Item& item = items[static_cast<std::size_t>(itemIndex)];
  if (item.withOwner) return;
  startRetrieval(item.owner, itemIndex, kernel.now());
}

void OfficeDay::Impl::checkSeparated(int episodeIndex) {
  Episode& episode = episodes[static_cast<std::size_t>(episodeIndex)];
  const Item& item = items[static_cast<std::size_t>(episode.item)];
  if (episode.recoveredUs) return;
  const TimeUs nowUs = kernel.now();
  const auto ownerAt = people[static_cast<std::size_t>(item.owner)].itinerary.at(nowUs);
  const bool apart = !ownerAt || ownerAt->place != item.leftAt.place ||
                     world::distanceM(ownerAt->positionM, item.leftAt.positionM) >
                         scenario.separationDistanceM;
  if (apart) {
    episode.separatedUs = nowUs;
    ++metrics.separations;
    emit(nowUs, DayEventKind::Separated, item.owner, episode.item);
  } else {
    kernel.scheduleIn(kTruthTickUs, [this, episodeIndex] { checkSeparated(episodeIndex); });
  }
}

// ---------------------------------------------------------------------------------------
// 5. Radio
double OfficeDay::Impl::linkRssiDbm(radio::ShadowingState& shadow, Vec2& lastA, Vec2& lastB,
                                    Vec2 a, Vec2 b, bool throughWalls, double txPowerDbm,
                                    double distanceM, CarryPosition txCarry,
                                    CarryPosition rxCarry, core::RandomEngine& rng, TimeUs t) {
  const double movedM = world::distanceM(a, lastA) + world::distanceM(b, lastB);
  lastA = a;
  lastB = b;
  const double wallsDb = throughWalls ? floor->walls().lossDb(a, b) : 0.0;
  const double meanDbm = propagation.meanRssiDbm(txPowerDbm, distanceM, wallsDb, txCarry, rxCarry);
  const double shadowDb = radio::advanceShadowingDb(shadow, scenario.propagation, t, movedM, rng);
  const double fadeDb = radio::drawFadingDb(scenario.propagation.fading, scenario.propagation.ricianK, rng);
  ++metrics.linkEvaluations;
  return meanDbm + shadowDb + fadeDb;
}

void OfficeDay::Impl::onAdvertisingEvent(int itemIndex) {
  Item& item = items[static_cast<std::size_t>(itemIndex)];
  const TimeUs nowUs = kernel.now();
  if (nowUs >= item.batteryDeadUs) {
    ++metrics.tagsSilent;
    emit(nowUs, DayEventKind::TagSilent, item.owner, itemIndex);
    return;  // a flat battery: no more advertising events
  }
  ++metrics.advertisingEvents;
  if (item.taken) {
    // Carried off by a thief: modelled as out of reach of every receiver of the office.
    const TimeUs nextUs = item.advertiser->advance(item.radioRng);
    if (nextUs < dayEndUs) kernel.scheduleAt(nextUs, [this, itemIndex] { onAdvertisingEvent(itemIndex); });
    return;
  }
  const auto ownerAt = people[static_cast<std::size_t>(item.owner)].itinerary.at(nowUs);
  const auto itemAt = item.withOwner ? ownerAt : std::optional<Whereabouts>(item.leftAt);
  ownerLink(itemIndex, item, nowUs, ownerAt, itemAt);
  if (!item.withOwner) {
    gatewayLinks(itemIndex, item, nowUs, ownerAt);
    if (scenario.crowdFinding) crowdLinks(itemIndex, item, nowUs);
  }
  const TimeUs nextUs = item.advertiser->advance(item.radioRng);
  if (nextUs < dayEndUs) kernel.scheduleAt(nextUs, [this, itemIndex] { onAdvertisingEvent(itemIndex); });
}

void OfficeDay::Impl::ownerLink(int itemIndex, Item& item, TimeUs t,
                                const std::optional<Whereabouts>& ownerAt,
                                const std::optional<Whereabouts>& itemAt) {
  // A carried item travels with its owner's phone (on a train too); a left one is only in
  // reach while the owner is in the same place.
  if (!item.withOwner && (!ownerAt || !itemAt || ownerAt->place != itemAt->place)) return;
  Person& owner = people[static_cast<std::size_t>(item.owner)];
  if (!radio::firstHeardChannel(*item.advertiser, *owner.scan)) return;
  const radio::TagDef& tag = *item.def->tag;
  const double distanceM = item.withOwner ? carriedDistanceM(item.def->carry)
                                          : world::distanceM(ownerAt->positionM, itemAt->positionM);
  const bool throughWalls = !item.withOwner && ownerAt->place == kOfficePlace;
  const CarryPosition itemCarry = item.withOwner ? item.def->carry : CarryPosition::Surface;
  // In transit there is no position; the link then decorrelates with time only.
  const Vec2 ownerM = ownerAt ? ownerAt->positionM : item.ownerLinkLastM;
  const Vec2 itemM = itemAt ? itemAt->positionM : item.itemLinkLastM;
  const double rssiDbm =
      linkRssiDbm(item.ownerShadow, item.ownerLinkLastM, item.itemLinkLastM, ownerM, itemM,
                  throughWalls, tag.txPowerDbm, distanceM, itemCarry, kPhoneCarry, item.radioRng, t);
  if (rssiDbm < owner.def->phone.sensitivityDbm) return;
  ++metrics.packetsHeard;
  const TimeUs deliveryUs = owner.scan->deliveryTimeUs(t);
  if (deliveryUs <= t) {
    deliverPacket(itemIndex, t, rssiDbm);
    return;
  }
  // Coalesced delivery (iOS-like background): one report per period, the strongest.
  item.coalescedRssiDbm = std::max(item.coalescedRssiDbm, rssiDbm);
  if (!kernel.isPending(item.coalescedDelivery)) {
    item.coalescedDelivery = kernel.scheduleAt(deliveryUs, [this, itemIndex] {
      Item& it = items[static_cast<std::size_t>(itemIndex)];
      deliverPacket(itemIndex, kernel.now(), it.coalescedRssiDbm);
      it.coalescedRssiDbm = -1e9;
    });
  }
}

void OfficeDay::Impl::gatewayLinks(int itemIndex, Item& item, TimeUs t,
                                   const std::optional<Whereabouts>& ownerAt) {
  if (item.leftAt.place != kOfficePlace || item.episode < 0) return;
  const auto& gateways = floor->def().gateways;
  const radio::TagDef& tag = *item.def->tag;
  bool heard = false;
  for (std::size_t g = 0; g < gateways.size(); ++g) {
    const Vec2 gatewayM = gateways[g].positionM;
    const double distanceM = world::distanceM(gatewayM, item.leftAt.positionM);
    if (!radio::firstHeardChannel(*item.advertiser, gatewayScans[g])) continue;
    Vec2 lastA = gatewayM, lastB = item.leftAt.positionM;  // neither end moves
    const double rssiDbm = linkRssiDbm(item.gatewayShadow[g], lastA, lastB, gatewayM,
                                       item.leftAt.positionM, true, tag.txPowerDbm, distanceM,
                                       CarryPosition::Surface, CarryPosition::Surface,
                                       item.radioRng, t);
    if (rssiDbm >= gateways[g].sensitivityDbm && rssiDbm >= scenario.gatewayAlert.rssiThresholdDbm) {
      heard = true;
    }
  }
  // "Left in the office": the gateways still hear the tag while its owner has left the
  // floor (known from the badge system at the entrance) for longer than the hold time.
  Episode& episode = episodes[static_cast<std::size_t>(item.episode)];
  const bool ownerAway = !ownerAt || ownerAt->place != kOfficePlace;
  if (!ownerAway) {
    episode.ownerAwaySinceUs.reset();
    return;
  }
  if (!episode.ownerAwaySinceUs) episode.ownerAwaySinceUs = t;
  if (heard && !episode.gatewayAlerted &&
      t - *episode.ownerAwaySinceUs >= core::secondsToUs(scenario.gatewayAlert.holdS)) {
    episode.gatewayAlerted = true;
    ++metrics.gatewayAlerts;
    emit(t, DayEventKind::GatewayAlert, item.owner, itemIndex);
    raiseAlert(itemIndex, t, true, "left_in_office");
  }
}

void OfficeDay::Impl::crowdLinks(int itemIndex, Item& item, TimeUs t) {
  const radio::TagDef& tag = *item.def->tag;
  for (std::size_t q = 0; q < people.size(); ++q) {
    if (static_cast<int>(q) == item.owner) continue;
    Person& finder = people[q];
    const auto finderAt = finder.itinerary.at(t);
    if (!finderAt || finderAt->place != item.leftAt.place) continue;
    if (!radio::firstHeardChannel(*item.advertiser, *finder.scan)) continue;
    const double distanceM = world::distanceM(finderAt->positionM, item.leftAt.positionM);
    // Crowd links are short-lived and many: a fresh shadowing draw each time.
    radio::ShadowingState shadow;
    Vec2 lastA = finderAt->positionM, lastB = item.leftAt.positionM;
    const double rssiDbm = linkRssiDbm(shadow, lastA, lastB, finderAt->positionM,
                                       item.leftAt.positionM, finderAt->place == kOfficePlace,
                                       tag.txPowerDbm, distanceM, CarryPosition::Surface,
                                       kPhoneCarry, item.radioRng, t);
    if (rssiDbm < finder.def->phone.sensitivityDbm) continue;
    // One report a minute per tag is what a finding network forwards.
    if (item.lastCrowdReportUs != core::kTimeNeverUs && t - item.lastCrowdReportUs < core::kUsPerMinute) {
      return;
    }
    item.lastCrowdReportUs = t;
    ++metrics.crowdReports;
    emit(t, DayEventKind::CrowdReport, static_cast<int>(q), itemIndex, rssiDbm);
    return;
  }
}

// ---------------------------------------------------------------------------------------
// 6. Alerts and reactions
void OfficeDay::Impl::deliverPacket(int itemIndex, TimeUs t, double rssiDbm) {
  if (trace) {
    trace->items[static_cast<std::size_t>(traceSlot[static_cast<std::size_t>(itemIndex)])]
        .packets.push_back({t, rssiDbm});
  }
  Item& item = items[static_cast<std::size_t>(itemIndex)];
  item.monitor->onPacket(t, rssiDbm);
  item.lastHeardUs = t;
  item.lastHeardRssiDbm = rssiDbm;
  refreshMonitorCheck(itemIndex);
}

void OfficeDay::Impl::refreshMonitorCheck(int itemIndex) {
  Item& item = items[static_cast<std::size_t>(itemIndex)];
  const std::optional<TimeUs> deadlineUs = item.monitor->nextDeadlineUs();
  if (!deadlineUs) return;
  // Deadlines mostly move later (each packet pushes the timeout); the pending check then
  // finds nothing due and re-arms itself, so only an earlier deadline needs a new event.
  if (kernel.isPending(item.monitorCheck) && item.monitorCheckUs <= *deadlineUs) return;
  kernel.cancel(item.monitorCheck);
  item.monitorCheckUs = std::max(*deadlineUs, kernel.now());
  item.monitorCheck = kernel.scheduleAt(item.monitorCheckUs, [this, itemIndex] { onMonitorCheck(itemIndex); });
}

void OfficeDay::Impl::onMonitorCheck(int itemIndex) {
  Item& item = items[static_cast<std::size_t>(itemIndex)];
  const TimeUs nowUs = kernel.now();
  if (const auto cause = item.monitor->poll(nowUs)) {
    raiseAlert(itemIndex, nowUs, false, *cause == AlertCause::WeakSignal ? "weak_signal" : "no_packet");
  }
  refreshMonitorCheck(itemIndex);
}

void OfficeDay::Impl::raiseAlert(int itemIndex, TimeUs t, bool fromGateway, const char* cause) {
  Item& item = items[static_cast<std::size_t>(itemIndex)];
  const bool alertIsTrue = !item.withOwner;
  if (!fromGateway) {
    ++metrics.phoneAlerts;
    ++(alertIsTrue ? metrics.trueAlerts : metrics.falseAlerts);
    emit(t, DayEventKind::PhoneAlert, item.owner, itemIndex, alertIsTrue ? 1 : 0, cause);
  }
  if (alertIsTrue) {
    Episode& episode = episodes[static_cast<std::size_t>(item.episode)];
    if (!episode.firstAlertUs) episode.firstAlertUs = t;
  }
  // Open loop (trace mode): the owner ignores the phone, and the alert leaves no trace in
  // the owner's state either (fatigue, random draws), so the day does not depend on the rule.
  if (trace && !fromGateway) return;
  // Alert fatigue: every false alarm of the last window makes a response less likely.
  Person& owner = people[static_cast<std::size_t>(item.owner)];
  const radio::ReactionDef& reaction = scenario.reaction;
  const TimeUs windowUs = core::secondsToUs(reaction.fatigueWindowS);
  while (!owner.falseAlarmTimesUs.empty() && t - owner.falseAlarmTimesUs.front() > windowUs) {
    owner.falseAlarmTimesUs.pop_front();
  }
  const double respondProbability =
      reaction.respondProbability *
      std::pow(reaction.fatigueFactor, static_cast<double>(owner.falseAlarmTimesUs.size()));
  // Counted whether or not the owner checks: an alert for an item in one's own bag is
  // noticed as wrong either way.
  if (!alertIsTrue) owner.falseAlarmTimesUs.push_back(t);
  boost::random::uniform_01<double> unit;
  if (!(unit(owner.reactionRng) < respondProbability)) {
    emit(t, DayEventKind::AlertIgnored, item.owner, itemIndex, respondProbability);
    return;
  }
  boost::random::exponential_distribution<double> delayS(1.0 / reaction.responseDelayMeanS);
  const TimeUs reactUs = t + core::secondsToUs(delayS(owner.reactionRng));
  kernel.scheduleAt(reactUs, [this, itemIndex] { onReaction(itemIndex); });
}

void OfficeDay::Impl::onReaction(int itemIndex) {
  const Item& item = items[static_cast<std::size_t>(itemIndex)];
  if (!item.withOwner) {
    startRetrieval(item.owner, itemIndex, kernel.now());
  } else {
    emit(kernel.now(), DayEventKind::FalseAlarmChecked, item.owner, itemIndex);
  }
}

// ---------------------------------------------------------------------------------------
// 7. Closing the day
void OfficeDay::Impl::closeDay() {
  if (closed) return;
  closed = true;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (items[i].withOwner) continue;
    ++metrics.itemsLost;
    emit(dayEndUs, DayEventKind::ItemLost, items[i].owner, static_cast<int>(i), 0,
         items[i].taken ? std::string("taken")
                        : placeNames[static_cast<std::size_t>(items[i].leftAt.place)]);
  }
  for (const Episode& episode : episodes) {
    if (!episode.separatedUs || !episode.firstAlertUs) continue;
    ++metrics.separationsDetected;
    // An alert may come before the owner is beyond the separation distance (the signal
    // faded early): that is detection with no delay.
    metrics.detectionLatenciesS.push_back(
        core::usToSeconds(std::max<TimeUs>(0, *episode.firstAlertUs - *episode.separatedUs)));
  }
}

// ---------------------------------------------------------------------------------------
// 8. Trace mode
namespace {
// When the trip back is sampled after a separation: every minute for the first hour
// (alerts mostly come within it and the owner is still on the move), then every ten.
constexpr TimeUs kTripSampleFineUs = core::kUsPerMinute;
constexpr TimeUs kTripSampleFineSpanUs = core::kUsPerHour;
constexpr TimeUs kTripSampleCoarseUs = 10 * core::kUsPerMinute;
}  // namespace

void OfficeDay::Impl::startTrace(ReceptionTrace& out) {
  trace = &out;
  out.dayStartUs = dayStartUs;
  out.dayEndUs = dayEndUs;
  out.people = static_cast<int>(people.size());
  out.items.clear();
  traceSlot.assign(items.size(), -1);
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (!items[i].def->tag) continue;
    traceSlot[i] = static_cast<int>(out.items.size());
    ItemTrace item;
    item.item = static_cast<int>(i);
    item.owner = items[i].owner;
    item.monitorStartUs = dayStartUs;  // as setUpTags starts every monitor
    out.items.push_back(std::move(item));
  }
  traceRecorder.day = this;
  traceRecorder.next = sink;
  traceRecorder.openEpisode.assign(out.items.size(), -1);
  sink = &traceRecorder;
}

TimeUs OfficeDay::Impl::tripBackUs(int personIndex, const Whereabouts& to, TimeUs fromUs) {
  const Itinerary& itinerary = people[static_cast<std::size_t>(personIndex)].itinerary;
  TimeUs startUs = fromUs;
  std::optional<Whereabouts> here = itinerary.at(fromUs);
  if (!here) {
    // In transit: they turn back once they arrive, as startRetrieval does.
    const Waypoint& arrival = itinerary.waypoints()[itinerary.firstWaypointAfter(fromUs)];
    startUs = arrival.timeUs;
    here = Whereabouts{arrival.place, arrival.positionM};
  }
  // A throwaway person: moveTo only extends the itinerary it is given.
  Person scratch;
  scratch.itinerary = Itinerary(Waypoint{startUs, here->place, here->positionM});
  moveTo(scratch, to.place, to.positionM);
  return scratch.itinerary.endUs() + kPickUpUs - fromUs;
}

void OfficeDay::Impl::TraceRecorder::onDayEvent(const DayEvent& event) {
  if (next) next->onDayEvent(event);
  if (event.item < 0) return;
  const int slot = day->traceSlot[static_cast<std::size_t>(event.item)];
  if (slot < 0) return;  // untagged: no rule watches it
  ItemTrace& item = day->trace->items[static_cast<std::size_t>(slot)];
  int& open = openEpisode[static_cast<std::size_t>(slot)];
  switch (event.kind) {
    case DayEventKind::ItemLeftBehind: {
      LeftBehindEpisode episode;
      episode.place = day->items[static_cast<std::size_t>(event.item)].leftAt.place;
      episode.leftUs = event.timeUs;
      open = static_cast<int>(item.episodes.size());
      item.episodes.push_back(std::move(episode));
      break;
    }
    case DayEventKind::Separated: {
      if (open < 0) break;
      LeftBehindEpisode& episode = item.episodes[static_cast<std::size_t>(open)];
      episode.separatedUs = event.timeUs;
      const Whereabouts where = day->items[static_cast<std::size_t>(event.item)].leftAt;
      for (TimeUs t = event.timeUs; t <= day->dayEndUs;
           t += t - event.timeUs < kTripSampleFineSpanUs ? kTripSampleFineUs : kTripSampleCoarseUs) {
        episode.tripSamples.push_back({t, day->tripBackUs(item.owner, where, t)});
      }
      break;
    }
    case DayEventKind::WentBack:
      if (open >= 0) item.episodes[static_cast<std::size_t>(open)].wentBackUs = event.timeUs;
      break;
    case DayEventKind::ItemRecovered:
      if (open >= 0) item.episodes[static_cast<std::size_t>(open)].recoveredUs = event.timeUs;
      open = -1;
      break;
    default:
      break;
  }
}

// ---------------------------------------------------------------------------------------
// Public interface
OfficeDay::OfficeDay(const scenario::ScenarioDef& scenario, std::uint64_t masterSeed,
                     std::uint64_t replication, DayEventSink* sink)
    : impl_(std::make_unique<Impl>(scenario, masterSeed, replication, sink)) {}
OfficeDay::OfficeDay(const scenario::ScenarioDef& scenario, std::uint64_t masterSeed,
                     std::uint64_t replication, const OfficeDayOptions& options,
                     DayEventSink* sink)
    : impl_(std::make_unique<Impl>(scenario, masterSeed, replication, sink)) {
  if (options.trace) impl_->startTrace(*options.trace);
}
OfficeDay::~OfficeDay() = default;

TimeUs OfficeDay::now() const { return impl_->kernel.now(); }
TimeUs OfficeDay::dayStartUs() const { return impl_->dayStartUs; }
TimeUs OfficeDay::dayEndUs() const { return impl_->dayEndUs; }
bool OfficeDay::finished() const { return impl_->closed; }

std::uint64_t OfficeDay::runUntil(TimeUs untilUs) {
  const std::uint64_t fired = impl_->kernel.runUntil(std::min(untilUs, impl_->dayEndUs));
  if (impl_->kernel.now() >= impl_->dayEndUs) impl_->closeDay();
  return fired;
}

void OfficeDay::runToEnd() { runUntil(impl_->dayEndUs); }

const DayMetrics& OfficeDay::metrics() const { return impl_->metrics; }
int OfficeDay::personCount() const { return static_cast<int>(impl_->people.size()); }
int OfficeDay::itemCount() const { return static_cast<int>(impl_->items.size()); }
const std::vector<std::string>& OfficeDay::placeNames() const { return impl_->placeNames; }

std::optional<world::RoomKind> OfficeDay::officeRoomKindAt(world::Vec2 positionM) const {
  const int room = impl_->floor->roomAt(positionM);
  if (room < 0) return std::nullopt;
  return impl_->floor->def().rooms[static_cast<std::size_t>(room)].kind;
}

void OfficeDay::planLeaveBehind(int item, std::vector<int> places) {
  impl_->items.at(static_cast<std::size_t>(item)).plannedLossPlaces = std::move(places);
}

bool OfficeDay::takeItem(int itemIndex) {
  Impl::Item& item = impl_->items.at(static_cast<std::size_t>(itemIndex));
  if (item.withOwner || item.taken) return false;
  item.taken = true;
  return true;
}

void OfficeDay::reseedFrom(std::uint64_t salt) {
  Impl& m = *impl_;
  m.streams = m.streams.salted(salt);
  // Every engine the day holds past its construction, each replaced by its own key's
  // salted stream (the construction-time ones - day plans, scan phases - are spent).
  for (std::size_t i = 0; i < m.people.size(); ++i) {
    m.people[i].reactionRng = m.streams.stream("day.reaction", i);
    m.people[i].humanErrorRng = m.streams.stream("day.human_error", i);
  }
  for (std::size_t i = 0; i < m.items.size(); ++i) {
    if (m.items[i].def->tag) m.items[i].radioRng = m.streams.stream("radio.tag", i);
  }
}

int OfficeDay::firstItemOf(int person) const {
  const auto& items = impl_->people.at(static_cast<std::size_t>(person)).items;
  return items.empty() ? -1 : items.front();
}

std::optional<Whereabouts> OfficeDay::personAt(int person, TimeUs timeUs) const {
  return impl_->people.at(static_cast<std::size_t>(person)).itinerary.at(timeUs);
}

ItemView OfficeDay::itemAt(int itemIndex, TimeUs timeUs) const {
  const Impl::Item& item = impl_->items.at(static_cast<std::size_t>(itemIndex));
  ItemView view;
  view.owner = item.owner;
  view.tagged = item.def->tag.has_value();
  view.withOwner = item.withOwner;
  view.whereabouts = impl_->itemWhereabouts(item, timeUs);
  view.lastHeardUs = item.lastHeardUs;
  view.lastRssiDbm = item.lastHeardRssiDbm;
  if (item.monitor) {
    view.ruleArmed = item.monitor->armed();
    view.ruleWeak = item.monitor->weak();
  }
  view.tagSilent = item.def->tag.has_value() && item.batteryDeadUs <= impl_->kernel.now();
  return view;
}

}  // namespace irdrill::day
