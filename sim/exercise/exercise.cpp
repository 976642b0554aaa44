// The exercise's clock and public face. The office day runs its own kernel (millions of
// radio events); the exercise's kernel holds the incident, attacker, detection and team
// events. The two advance in lock-step: the day is run up to the exercise's next event,
// in slices of at most kDaySliceUs, so an exercise event that acts on the day (a thief
// taking an item) finds the day at most one slice ahead of it.
#include "sim/exercise/exercise_impl.hpp"

#include <algorithm>

#include <boost/random/exponential_distribution.hpp>

namespace irdrill::exercise {
namespace {

constexpr TimeUs kDaySliceUs = 10 * core::kUsPerSecond;

}  // namespace

Exercise::Impl::Impl(const scenario::ScenarioDef& s, std::uint64_t seed, std::uint64_t replication,
                     ExerciseEventSink* eventSink)
    : scenario(s),
      streams(seed, replication),
      sink(eventSink),
      endUs(core::secondsToUs(s.horizonS)) {
  for (const auto& employee : s.employees) {
    personIds.push_back(employee.id);
    for (const auto& item : employee.items) {
      // Loaded items already carry their scenario-wide id "<employee>/<item>".
      itemIds.push_back(item.id.find('/') == std::string::npos ? employee.id + "/" + item.id : item.id);
      itemDefs.push_back(&item);
    }
  }
  incidentOfItem.assign(itemIds.size(), -1);
  leftItems.resize(itemIds.size());
  plannedTheft.assign(itemIds.size(), false);
  for (std::size_t i = 0; i < itemIds.size(); ++i) thiefRng.push_back(streams.stream("thief", i));
  logReviewRng = streams.stream("detection.log_review");
  if (!s.employees.empty() && !s.office.floors.empty()) {
    day = std::make_unique<day::OfficeDay>(s, seed, replication, this);
  }
  team = std::make_unique<response::ResponseTeam>(s.team, s.startWeekday, kernel,
                                                  streams.stream("team.on_call"));
  for (const auto& source : s.incidents) {
    if (source.kind == incident::IncidentKind::LostItem || source.kind == incident::IncidentKind::Theft) {
      planLoss(source);
    }
  }
  scheduleArrivals();
  scheduleLogReviews();
  watchPlannedIncidents();
}

std::uint64_t Exercise::Impl::log(TimeUs t, ExerciseEventKind kind, const Incident* incident,
                                  std::string actor, std::string subject, std::string detail,
                                  double value) {
  ++seq;
  if (sink) {
    sink->onExerciseEvent(ExerciseEvent{seq, t, kind, incident ? incident->id : std::string(),
                                        std::move(actor), std::move(subject), std::move(detail), value,
                                        std::string()});
  }
  return seq;
}

std::uint64_t Exercise::Impl::logWhy(TimeUs t, ExerciseEventKind kind, std::string incidentId, std::string actor,
                                     std::string subject, std::string detail, std::string reason) {
  ++seq;
  if (sink) {
    sink->onExerciseEvent(ExerciseEvent{seq, t, kind, std::move(incidentId), std::move(actor), std::move(subject),
                                        std::move(detail), 0, std::move(reason)});
  }
  return seq;
}

Incident& Exercise::Impl::newIncident(std::string id, incident::IncidentKind kind,
                                      const incident::IncidentSourceDef* source, TimeUs startUs,
                                      std::string summary, std::uint64_t startSeq) {
  auto x = std::make_unique<Incident>();
  x->id = std::move(id);
  x->kind = kind;
  x->source = source;
  x->startUs = startUs;
  x->summary = std::move(summary);
  // Streams are named by the incident's id, so adding an incident does not change the
  // draws of the others.
  x->rng = streams.stream("incident." + x->id);
  const std::string& procedureId =
      source && !source->procedure.empty()
          ? source->procedure
          : scenario.procedureForKind[static_cast<std::size_t>(kind)];
  if (const auto it = scenario.procedures.find(procedureId); it != scenario.procedures.end()) {
    x->procedure = &it->second;
  }
  incidents.push_back(std::move(x));
  Incident& made = *incidents.back();
  const std::uint64_t logged = log(kernel.now(), Kind::IncidentStarted, &made, "",
                                   incident::kIncidentKindNames[static_cast<int>(kind)], made.summary);
  made.startSeq = startSeq != 0 ? startSeq : logged;
  return made;
}

void Exercise::Impl::scheduleArrivals() {
  for (std::size_t i = 0; i < scenario.incidents.size(); ++i) {
    const incident::IncidentSourceDef& source = scenario.incidents[i];
    if (source.kind == incident::IncidentKind::LostItem || source.kind == incident::IncidentKind::Theft) {
      continue;  // planned on the office day (planLoss)
    }
    if (source.arrival == incident::ArrivalKind::Scheduled) {
      addArrival({&source, nullptr, source.id, core::secondsToUs(source.atS)});
      continue;
    }
    // A Poisson process over the horizon: exponential gaps from its own stream.
    core::RandomEngine rng = streams.stream("incident.arrivals." + source.id);
    if (!(source.ratePerDay > 0)) continue;
    boost::random::exponential_distribution<double> gapS(source.ratePerDay / 86400.0);
    TimeUs atUs = 0;
    for (int k = 1;; ++k) {
      atUs += core::secondsToUs(gapS(rng));
      if (atUs >= endUs) break;
      addArrival({&source, nullptr, source.id + "#" + std::to_string(k), atUs});
    }
  }
}

void Exercise::Impl::addArrival(Arrival arrival) {
  if (arrival.atUs >= endUs) return;
  const std::size_t k = arrivals.size();
  const TimeUs atUs = arrival.atUs;
  arrivals.push_back(std::move(arrival));
  arrivals[k].event = kernel.scheduleAt(atUs, [this, k] {
    arrivals[k].status = ArrivalView::Status::Fired;
    const std::size_t before = incidents.size();
    startSourced(*arrivals[k].source, arrivals[k].id, arrivals[k].atUs);
    if (incidents.size() > before) {
      incidents.back()->arrival = arrivals[k].id;
      arrivals[k].incident = incidents.back()->id;
      onPlannedArrival(arrivals[k]);
    }
  });
}

void Exercise::Impl::startSourced(const incident::IncidentSourceDef& source, std::string id, TimeUs atUs) {
  switch (source.kind) {
    case incident::IncidentKind::CyberIntrusion: {
      Incident& x = newIncident(std::move(id), source.kind, &source, atUs, sourceSummary(source));
      startIntrusion(x, static_cast<int>(incident::Stage::InitialAccess));
      break;
    }
    case incident::IncidentKind::Insider: {
      Incident& x = newIncident(std::move(id), source.kind, &source, atUs, sourceSummary(source));
      startInsider(x);
      break;
    }
    default:
      break;
  }
}

TimeUs Exercise::Impl::advanceDay(TimeUs untilUs) {
  TimeUs stepToUs = std::min(untilUs, kernel.nextEventTimeUs());
  if (day && !day->finished()) {
    stepToUs = std::min(stepToUs, std::max(day->now(), kernel.now()) + kDaySliceUs);
    if (stepToUs > day->now()) day->runUntil(stepToUs);
  }
  return stepToUs;
}

void Exercise::Impl::runUntil(TimeUs untilUs) {
  untilUs = std::min(untilUs, endUs);
  while (kernel.now() < untilUs) kernel.runUntil(advanceDay(untilUs));
}

std::uint64_t Exercise::Impl::runEvents(std::uint64_t count, TimeUs limitUs) {
  limitUs = std::min(limitUs, endUs);
  const std::uint64_t before = seq;
  while (seq - before < count && kernel.now() < limitUs) {
    const TimeUs stepToUs = advanceDay(limitUs);
    // One time stamp at a time, so the clock stops at the event that completes the count
    // (with every other event of that time stamp).
    for (TimeUs next = kernel.nextEventTimeUs(); seq - before < count && next <= stepToUs;
         next = kernel.nextEventTimeUs()) {
      kernel.runUntil(next);
    }
    if (seq - before < count) kernel.runUntil(stepToUs);
  }
  return seq - before;
}

int Exercise::Impl::indexOf(const Incident& x) const {
  for (std::size_t i = 0; i < incidents.size(); ++i) {
    if (incidents[i].get() == &x) return static_cast<int>(i);
  }
  return -1;
}

// ---------------------------------------------------------------------------------------
Exercise::Exercise(const scenario::ScenarioDef& scenario, std::uint64_t masterSeed,
                   std::uint64_t replication, ExerciseEventSink* sink)
    : impl_(std::make_unique<Impl>(scenario, masterSeed, replication, sink)) {}
Exercise::~Exercise() = default;

TimeUs Exercise::now() const { return impl_->kernel.now(); }
TimeUs Exercise::endUs() const { return impl_->endUs; }
void Exercise::runUntil(TimeUs untilUs) { impl_->runUntil(untilUs); }
void Exercise::runToEnd() { impl_->runUntil(impl_->endUs); }
std::uint64_t Exercise::runEvents(std::uint64_t count) { return impl_->runEvents(count, impl_->endUs); }
std::uint64_t Exercise::runEvents(std::uint64_t count, TimeUs limitUs) { return impl_->runEvents(count, limitUs); }
bool Exercise::finished() const { return impl_->kernel.now() >= impl_->endUs; }
const day::OfficeDay* Exercise::officeDay() const { return impl_->day.get(); }
std::uint64_t Exercise::eventsLogged() const { return impl_->seq; }

void Exercise::reseedFrom(std::uint64_t salt) {
  Impl& m = *impl_;
  m.streams = m.streams.salted(salt);
  if (m.day) m.day->reseedFrom(salt);
  for (std::size_t i = 0; i < m.thiefRng.size(); ++i) m.thiefRng[i] = m.streams.stream("thief", i);
  m.logReviewRng = m.streams.stream("detection.log_review");
  m.team->reseed(m.streams.stream("team.on_call"));
  for (const auto& x : m.incidents) {
    x->rng = m.streams.stream("incident." + x->id);
    // Runs in the order they were made: the first draws from "procedure.<id>", the one
    // made at the k-th switch (k from 0) from "procedure.<id>.switch.<k>" (response_link.cpp).
    for (std::size_t j = 0; j < x->pastRuns.size(); ++j) {
      x->pastRuns[j]->reseed(m.streams.stream(j == 0 ? "procedure." + x->id
                                                     : "procedure." + x->id + ".switch." + std::to_string(j - 1)));
    }
    if (x->run) {
      const std::size_t j = x->pastRuns.size();
      x->run->reseed(m.streams.stream(j == 0 ? "procedure." + x->id
                                             : "procedure." + x->id + ".switch." + std::to_string(j - 1)));
    }
  }
}

std::string Exercise::inject(const incident::IncidentSourceDef& source, TimeUs atUs) {
  Impl& m = *impl_;
  atUs = std::max(atUs, m.kernel.now());
  const std::string id = (source.id.empty() ? std::string("inject") : source.id) + "@" +
                         std::to_string(++m.injected);
  if (source.kind == incident::IncidentKind::LostItem || source.kind == incident::IncidentKind::Theft) {
    m.planLoss(source);
    return id;
  }
  // The source is copied: the caller's object need not outlive the exercise.
  auto stored = std::make_shared<const incident::IncidentSourceDef>(source);
  const incident::IncidentSourceDef* raw = stored.get();
  m.addArrival({raw, std::move(stored), id, atUs});
  return id;
}

std::vector<scoring::IncidentOutcome> Exercise::outcomes() const {
  std::vector<scoring::IncidentOutcome> out;
  for (const auto& x : impl_->incidents) out.push_back(impl_->outcomeOf(*x, impl_->kernel.now()));
  return out;
}

scoring::ScoreCard Exercise::score() const {
  return scoring::scoreRun(outcomes(), impl_->scenario.scoring.weights);
}

}  // namespace irdrill::exercise
