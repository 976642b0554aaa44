// Decisions of the players and injects of the facilitator during play: each is checked
// against the exercise as it is now (a refusal says why, for people), then applied and
// logged with who decided and why. The effect of each kind: docs/decisions.md.
#include <algorithm>

#include "sim/exercise/exercise_impl.hpp"

namespace irdrill::exercise {
namespace {

DecisionResult refuse(std::string reason) {
  DecisionResult r;
  r.reason = std::move(reason);
  return r;
}

DecisionResult accept() {
  DecisionResult r;
  r.applied = true;
  return r;
}

// "a, b, c" of the names a container's elements give.
template <typename Range, typename NameOf>
std::string listOf(const Range& range, NameOf nameOf) {
  std::string out;
  for (const auto& element : range) {
    if (!out.empty()) out += ", ";
    out += nameOf(element);
  }
  return out.empty() ? "none" : out;
}

const char* stepStateText(response::StepState state) {
  switch (state) {
    case response::StepState::Waiting: return "waiting";
    case response::StepState::Queued: return "already queued";
    case response::StepState::Started: return "already in progress";
    case response::StepState::Finished: return "already done";
    case response::StepState::Skipped: return "already skipped";
    case response::StepState::Cancelled: return "cancelled (the incident is closed)";
  }
  return "?";
}

// The built-in inject templates (besides the scenario's own incident sources).
std::vector<incident::IncidentSourceDef> builtInTemplates() {
  std::vector<incident::IncidentSourceDef> out;
  auto cyber = [&](const char* id, incident::AccessVector vector, incident::Objective objective) {
    incident::IncidentSourceDef s;
    s.id = id;
    s.kind = incident::IncidentKind::CyberIntrusion;
    s.cyber.vector = vector;
    s.cyber.objective = objective;
    out.push_back(s);
  };
  cyber("tpl-phishing-exfiltration", incident::AccessVector::Phishing, incident::Objective::Exfiltration);
  cyber("tpl-phishing-ransomware", incident::AccessVector::Phishing, incident::Objective::Ransomware);
  cyber("tpl-stolen-credentials", incident::AccessVector::StolenCredentials, incident::Objective::Exfiltration);
  cyber("tpl-website-defacement", incident::AccessVector::VulnerableService, incident::Objective::Defacement);
  cyber("tpl-denial-of-service", incident::AccessVector::VulnerableService, incident::Objective::DenialOfService);
  incident::IncidentSourceDef insider;
  insider.id = "tpl-insider-usb";
  insider.kind = incident::IncidentKind::Insider;
  out.push_back(insider);
  for (const char* place : {"client_site", "train", "cafe"}) {
    incident::IncidentSourceDef lost;
    lost.id = std::string("tpl-lost-laptop-") + place;
    lost.kind = incident::IncidentKind::LostItem;
    lost.loss.item = "laptop";
    lost.loss.placeKind = place;
    out.push_back(lost);
  }
  incident::IncidentSourceDef theft;
  theft.id = "tpl-stolen-laptop-cafe";
  theft.kind = incident::IncidentKind::Theft;
  theft.loss.item = "laptop";
  theft.loss.placeKind = "cafe";
  out.push_back(theft);
  return out;
}

}  // namespace

std::string sourceSummary(const incident::IncidentSourceDef& s) {
  switch (s.kind) {
    case incident::IncidentKind::CyberIntrusion:
      return std::string("intrusion by ") + incident::kAccessVectorNames[static_cast<int>(s.cyber.vector)] +
             ", objective " + incident::kObjectiveNames[static_cast<int>(s.cyber.objective)];
    case incident::IncidentKind::Insider:
      return (s.insider.person.empty() ? std::string("an insider") : s.insider.person) +
             " copies data to a USB drive";
    case incident::IncidentKind::LostItem:
      return (s.loss.person.empty() ? std::string("someone") : s.loss.person) + " leaves a " + s.loss.item +
             " at a " + s.loss.placeKind;
    case incident::IncidentKind::Theft:
      return (s.loss.person.empty() ? std::string("someone") : s.loss.person) + "'s " + s.loss.item +
             " is stolen at a " + s.loss.placeKind;
  }
  return {};
}

Incident* Exercise::Impl::findIncident(const std::string& id) const {
  for (const auto& x : incidents) {
    if (x->id == id) return x.get();
  }
  return nullptr;
}

int Exercise::Impl::findItem(const std::string& id) const {
  const auto it = std::find(itemIds.begin(), itemIds.end(), id);
  return it == itemIds.end() ? -1 : static_cast<int>(it - itemIds.begin());
}

DecisionResult Exercise::Impl::checkDecision(const Decision& d) const {
  const TimeUs nowUs = kernel.now();
  if (nowUs >= endUs) return refuse("the exercise has ended");
  const auto incidentIds = [&] { return listOf(incidents, [](const auto& x) { return x->id; }); };
  Incident* x = nullptr;
  switch (d.kind) {
    case DecisionKind::OrderStep:
    case DecisionKind::SkipStep:
    case DecisionKind::SwitchProcedure:
    case DecisionKind::MarkReportSent:
      x = findIncident(d.incident);
      if (!x) return refuse("no incident '" + d.incident + "' (incidents now: " + incidentIds() + ")");
      break;
    default:
      break;
  }
  switch (d.kind) {
    case DecisionKind::OrderStep:
    case DecisionKind::SkipStep: {
      if (!x->procedure) return refuse("incident '" + x->id + "' has no procedure");
      if (!x->run) return refuse("the team has not engaged on '" + x->id + "' yet");
      const int step = x->run->stepIndex(d.step);
      if (step < 0) {
        return refuse("procedure '" + x->procedure->id + "' has no step '" + d.step + "' (steps: " +
                      listOf(x->procedure->steps, [](const auto& s) { return s.id; }) + ")");
      }
      if (x->run->abandoned()) return refuse("incident '" + x->id + "' is closed: its procedure was abandoned");
      const response::StepState state = x->run->step(step).state;
      if (d.kind == DecisionKind::OrderStep && state != response::StepState::Waiting) {
        return refuse("step '" + d.step + "' is " + stepStateText(state));
      }
      if (d.kind == DecisionKind::SkipStep && state != response::StepState::Waiting &&
          state != response::StepState::Queued) {
        return refuse("step '" + d.step + "' is " + stepStateText(state) + ": only a waiting or queued step can be skipped");
      }
      return accept();
    }
    case DecisionKind::SwitchProcedure: {
      const auto it = scenario.procedures.find(d.procedure);
      if (it == scenario.procedures.end()) {
        return refuse("no procedure '" + d.procedure + "' (procedures: " +
                      listOf(scenario.procedures, [](const auto& p) { return p.first; }) + ")");
      }
      if (!x->run) return refuse("the team has not engaged on '" + x->id + "' yet");
      if (x->procedure == &it->second) return refuse("'" + x->id + "' already follows '" + d.procedure + "'");
      if (x->procedureFinished) return refuse("the procedure of '" + x->id + "' is finished");
      for (const auto& step : it->second.steps) {
        if (team->roleIndex(step.role) < 0) {
          return refuse("procedure '" + d.procedure + "' needs role '" + step.role + "', which the team does not have");
        }
      }
      return accept();
    }
    case DecisionKind::CallOnCall: {
      const int role = team->roleIndex(d.role);
      if (role < 0) {
        std::vector<std::string> ids;
        for (int i = 0; i < team->roleCount(); ++i) ids.push_back(team->role(i).id);
        return refuse("no role '" + d.role + "' (roles: " + listOf(ids, [](const auto& s) { return s; }) + ")");
      }
      if (team->inWorkingHours(role, nowUs)) return refuse("role '" + d.role + "' is at work now");
      if (team->queueLength(role) == 0) return refuse("no task waits for role '" + d.role + "'");
      if (team->onTheWayCount(role) >= static_cast<int>(team->queueLength(role))) {
        return refuse("responders of '" + d.role + "' are already on the way");
      }
      if (team->role(role).onCall) {
        return refuse("role '" + d.role + "' is on call: its responders are called in already");
      }
      return accept();
    }
    case DecisionKind::ReactToAlert:
    case DecisionKind::DismissAlert: {
      const int item = findItem(d.item);
      if (item < 0) return refuse("no item '" + d.item + "' (items are named <employee>/<item>)");
      const auto& watch = leftItems[static_cast<std::size_t>(item)];
      if (incidentOfItem[static_cast<std::size_t>(item)] >= 0) {
        return refuse("'" + d.item + "' is already incident '" +
                      incidents[static_cast<std::size_t>(incidentOfItem[static_cast<std::size_t>(item)])]->id + "'");
      }
      if (!watch || !watch->alerted) return refuse("no open tag alert about '" + d.item + "'");
      if (d.kind == DecisionKind::DismissAlert && watch->dismissed) {
        return refuse("the alert about '" + d.item + "' is already dismissed");
      }
      return accept();
    }
    case DecisionKind::MarkReportSent: {
      const auto& deadlines = scenario.scoring.deadlines;
      const auto it = std::find_if(deadlines.begin(), deadlines.end(),
                                   [&](const scoring::DeadlineDef& def) { return def.id == d.deadline; });
      if (it == deadlines.end()) {
        return refuse("no deadline '" + d.deadline + "' (deadlines: " +
                      listOf(deadlines, [](const auto& def) { return def.id; }) + ")");
      }
      for (const auto& done : x->effectsDone) {
        if (done.first == it->effect) return refuse("the report for '" + d.deadline + "' was already sent");
      }
      return accept();
    }
  }
  return refuse("unknown decision kind");
}

DecisionResult Exercise::Impl::applyDecision(const Decision& d) {
  DecisionResult result = checkDecision(d);
  if (!result) return result;
  const TimeUs nowUs = kernel.now();
  Incident* x = findIncident(d.incident);
  std::string target;
  switch (d.kind) {
    case DecisionKind::OrderStep:
    case DecisionKind::SkipStep: target = d.step; break;
    case DecisionKind::SwitchProcedure: target = d.procedure; break;
    case DecisionKind::CallOnCall: target = d.role; break;
    case DecisionKind::ReactToAlert:
    case DecisionKind::DismissAlert: target = d.item; break;
    case DecisionKind::MarkReportSent: target = d.deadline; break;
  }
  const bool itemDecision = d.kind == DecisionKind::ReactToAlert || d.kind == DecisionKind::DismissAlert;
  // Logged first: the events the decision causes follow it in the log.
  result.eventSeq = log(nowUs, Kind::Decision, itemDecision ? nullptr : x, d.seat,
                        std::string(kDecisionKindNames[static_cast<int>(d.kind)]) + ":" + target, d.rationale);
  switch (d.kind) {
    case DecisionKind::OrderStep: x->run->order(x->run->stepIndex(d.step), nowUs); break;
    case DecisionKind::SkipStep: x->run->skip(x->run->stepIndex(d.step), nowUs); break;
    case DecisionKind::SwitchProcedure: {
      x->procedure = &scenario.procedures.at(d.procedure);
      std::unique_ptr<response::ProcedureRun> old = std::move(x->run);
      old->abandon();
      startProcedureRun(*x, nowUs, old.get());
      x->pastRuns.push_back(std::move(old));
      break;
    }
    case DecisionKind::CallOnCall: team->callIn(team->roleIndex(d.role)); break;
    case DecisionKind::ReactToAlert: {
      const int item = findItem(d.item);
      Incident& lost = itemIncident(item, nowUs, incident::IncidentKind::LostItem);
      lost.opened = true;
      detect(lost, nowUs, "alert_acted_on", true);
      break;
    }
    case DecisionKind::DismissAlert: {
      auto& watch = leftItems[static_cast<std::size_t>(findItem(d.item))];
      watch->dismissed = true;
      watch->reportedByTags = false;
      break;
    }
    case DecisionKind::MarkReportSent: {
      const auto& deadlines = scenario.scoring.deadlines;
      const auto it = std::find_if(deadlines.begin(), deadlines.end(),
                                   [&](const scoring::DeadlineDef& def) { return def.id == d.deadline; });
      x->effectsDone.push_back({it->effect, {nowUs, result.eventSeq}});
      break;
    }
  }
  return result;
}

DecisionResult Exercise::Impl::checkInject(const InjectOrder& order, incident::IncidentSourceDef* resolved) const {
  const TimeUs nowUs = kernel.now();
  if (nowUs >= endUs) return refuse("the exercise has ended");
  if (order.action == InjectAction::Skip) {
    const auto it = std::find_if(arrivals.begin(), arrivals.end(), [&](const Arrival& a) { return a.id == order.arrival; });
    if (it == arrivals.end()) {
      return refuse("no arrival '" + order.arrival + "' (arrivals: " +
                    listOf(arrivals, [](const Arrival& a) { return a.id; }) + ")");
    }
    if (it->status != ArrivalView::Status::Pending) return refuse("arrival '" + order.arrival + "' has already happened or been skipped");
    return accept();
  }
  if (order.action == InjectAction::Schedule && order.atUs < nowUs) {
    return refuse("cannot schedule an inject in the past (now is earlier than the time given)");
  }
  if (order.action == InjectAction::Schedule && order.atUs >= endUs) {
    return refuse("the time given is after the end of the exercise");
  }
  incident::IncidentSourceDef source;
  const auto own = std::find_if(scenario.incidents.begin(), scenario.incidents.end(),
                                [&](const incident::IncidentSourceDef& s) { return s.id == order.source; });
  if (own != scenario.incidents.end()) {
    source = *own;
  } else {
    const std::vector<incident::IncidentSourceDef> templates = builtInTemplates();
    const auto it = std::find_if(templates.begin(), templates.end(),
                                 [&](const incident::IncidentSourceDef& s) { return s.id == order.source; });
    if (it == templates.end()) {
      std::string valid = listOf(scenario.incidents, [](const auto& s) { return s.id; });
      valid += ", " + listOf(templates, [](const auto& s) { return s.id; });
      return refuse("no incident source or template '" + order.source + "' (" + valid + ")");
    }
    source = *it;
  }
  if (source.kind == incident::IncidentKind::LostItem || source.kind == incident::IncidentKind::Theft) {
    if (!day || day->finished()) return refuse("a lost or stolen item needs the office day running");
    if (!order.target.empty()) source.loss.person = order.target;
    if (std::find(personIds.begin(), personIds.end(), source.loss.person) == personIds.end()) {
      return refuse("the inject needs a target person (people: " + listOf(personIds, [](const auto& s) { return s; }) + ")");
    }
    const auto& items = scenario.employees[static_cast<std::size_t>(
        std::find(personIds.begin(), personIds.end(), source.loss.person) - personIds.begin())].items;
    const bool hasItem = std::any_of(items.begin(), items.end(), [&](const world::ItemDef& item) {
      return item.id == source.loss.item || item.id == source.loss.person + "/" + source.loss.item;
    });
    if (!hasItem) return refuse("'" + source.loss.person + "' carries no " + source.loss.item);
  } else if (source.kind == incident::IncidentKind::Insider && !order.target.empty()) {
    source.insider.person = order.target;
  }
  if (resolved) *resolved = source;
  return accept();
}

DecisionResult Exercise::Impl::applyInject(const InjectOrder& order) {
  incident::IncidentSourceDef source;
  DecisionResult result = checkInject(order, &source);
  if (!result) return result;
  const TimeUs nowUs = kernel.now();
  if (order.action == InjectAction::Skip) {
    Arrival& a = *std::find_if(arrivals.begin(), arrivals.end(), [&](const Arrival& x) { return x.id == order.arrival; });
    kernel.cancel(a.event);
    a.status = ArrivalView::Status::Skipped;
    result.eventSeq = log(nowUs, Kind::InjectSkipped, nullptr, order.seat, a.id, order.rationale);
    return result;
  }
  const TimeUs atUs = order.action == InjectAction::Schedule ? order.atUs : nowUs;
  const std::string id = (source.id.empty() ? std::string("inject") : source.id) + "@" + std::to_string(++injected);
  result.eventSeq = log(nowUs, Kind::Inject, nullptr, order.seat, id, order.rationale);
  result.createdId = id;
  if (source.kind == incident::IncidentKind::LostItem || source.kind == incident::IncidentKind::Theft) {
    planLoss(source);
    Arrival a;
    a.id = id;
    a.atUs = atUs;
    a.injected = true;
    a.status = ArrivalView::Status::Fired;
    a.owned = std::make_shared<const incident::IncidentSourceDef>(source);
    a.source = a.owned.get();
    arrivals.push_back(std::move(a));
    return result;
  }
  auto stored = std::make_shared<const incident::IncidentSourceDef>(source);
  const incident::IncidentSourceDef* raw = stored.get();
  Arrival a{raw, std::move(stored), id, atUs};
  a.injected = true;
  addArrival(std::move(a));
  return result;
}

// ---------------------------------------------------------------------------------------
DecisionResult Exercise::check(const Decision& decision) const { return impl_->checkDecision(decision); }
DecisionResult Exercise::check(const InjectOrder& order) const { return impl_->checkInject(order, nullptr); }
DecisionResult Exercise::decide(const Decision& decision) { return impl_->applyDecision(decision); }
DecisionResult Exercise::injectOrder(const InjectOrder& order) { return impl_->applyInject(order); }

std::vector<InjectTemplate> Exercise::injectCatalogue() const {
  std::vector<InjectTemplate> out;
  auto add = [&](const incident::IncidentSourceDef& s) {
    const bool people = s.kind == incident::IncidentKind::LostItem || s.kind == incident::IncidentKind::Theft;
    out.push_back({s.id, s.kind, sourceSummary(s), people});
  };
  for (const auto& s : impl_->scenario.incidents) add(s);
  for (const auto& s : builtInTemplates()) add(s);
  return out;
}

}  // namespace irdrill::exercise
