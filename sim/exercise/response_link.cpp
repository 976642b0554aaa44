// The team and its procedures acting on the world: which facts a step's conditions read,
// what each effect does to an incident, when an incident counts as contained and as
// recovered, and the incident's outcome for scoring.
#include <algorithm>

#include <boost/random/uniform_01.hpp>

#include "sim/exercise/exercise_impl.hpp"

namespace irdrill::exercise {
namespace {

using response::Condition;
using response::Effect;

// An investigation establishes the cause more often with forensic copies to work from.
constexpr double kCauseFoundWithBackups = 0.9;
constexpr double kCauseFoundWithout = 0.6;

const char* effectName(Effect e) { return response::kEffectNames[static_cast<std::size_t>(e)]; }

}  // namespace

void Exercise::Impl::engageTeam(Incident& x, TimeUs t) {
  x.teamEngaged = {t, log(t, Kind::TeamEngaged, &x, "", x.procedure ? x.procedure->id : "",
                          x.procedure ? "" : "no procedure for this incident")};
  if (!x.procedure) return;
  startProcedureRun(x, t, nullptr);
}

void Exercise::Impl::startProcedureRun(Incident& x, TimeUs t, const response::ProcedureRun* carried) {
  const int index = indexOf(x);
  const response::ProcedureDef* procedure = x.procedure;
  const auto reference = scenario.procedures.find(procedure->referenceId);
  const response::ProcedureDef& ref =
      reference == scenario.procedures.end() ? *procedure : reference->second;
  response::ProcedureRun::Hooks hooks;
  hooks.fact = [this, index](Condition c) { return fact(*incidents[static_cast<std::size_t>(index)], c); };
  hooks.applyEffect = [this, index](Effect e, const response::StepDef& step, TimeUs at) {
    applyEffect(index, e, step, at);
  };
  // The procedure is captured: after a switch, steps of the earlier run still report
  // against their own procedure.
  hooks.onStepEvent = [this, index, procedure](const response::StepEvent& e) {
    Incident& y = *incidents[static_cast<std::size_t>(index)];
    const response::StepDef& step = procedure->steps[static_cast<std::size_t>(e.step)];
    static constexpr Kind kKinds[] = {Kind::StepQueued, Kind::StepStarted, Kind::StepFinished, Kind::StepSkipped};
    log(e.timeUs, kKinds[static_cast<int>(e.kind)], &y,
        e.responder >= 0 ? step.role + "#" + std::to_string(e.responder + 1) : step.role, step.id, step.title);
    if (y.run && y.run->finished() && !y.procedureFinished) {
      y.procedureFinished = true;
      log(e.timeUs, Kind::ProcedureFinished, &y, "", y.procedure->id);
      updateContainment(y, e.timeUs, "");
    }
  };
  // The first run of an incident draws from "procedure.<id>"; a run after a switch from
  // its own stream, so the switch does not disturb other draws.
  const std::string stream = carried ? "procedure." + x.id + ".switch." + std::to_string(x.pastRuns.size())
                                     : "procedure." + x.id;
  x.run = std::make_unique<response::ProcedureRun>(*procedure, ref, *team, streams.stream(stream),
                                                   std::move(hooks));
  if (carried) {
    for (int i = 0; i < carried->stepCount(); ++i) {
      const response::StepStatus& was = carried->step(i);
      if (was.state != response::StepState::Finished) continue;
      const int now = x.run->stepIndex(carried->procedure().steps[static_cast<std::size_t>(i)].id);
      if (now >= 0) x.run->carryOver(now, was.finishUs);
    }
  }
  x.run->start(t);
}

bool Exercise::Impl::fact(const Incident& x, Condition c) const {
  switch (c) {
    case Condition::LeakConfirmed: return x.leakConfirmedUs.has_value();
    case Condition::UnauthorizedAccess: return x.knownUnauthorizedAccess;
    case Condition::HumanError: return x.knownHumanError;
    default: return truth(x, c);
  }
}

bool Exercise::Impl::truth(const Incident& x, Condition c) const {
  const world::ItemDef* item = x.item >= 0 ? itemDefs[static_cast<std::size_t>(x.item)] : nullptr;
  switch (c) {
    case Condition::LeakConfirmed: return x.leaked;
    case Condition::UnauthorizedAccess:
      return x.kind == incident::IncidentKind::CyberIntrusion || x.kind == incident::IncidentKind::Insider;
    case Condition::HumanError: return x.kind == incident::IncidentKind::LostItem;
    case Condition::ItemMissing: return item && !x.itemBack;
    case Condition::PersonalData:
      if (item) return item->records > 0;
      if (x.kind == incident::IncidentKind::CyberIntrusion) return x.source->cyber.recordsAvailable > 0;
      if (x.kind == incident::IncidentKind::Insider) return x.source->insider.recordsToCopy > 0;
      return false;
    case Condition::Encrypted: return item && item->encrypted;
    case Condition::AttackOngoing:
      if (x.kind == incident::IncidentKind::CyberIntrusion) return !x.cutOff;
      if (x.kind == incident::IncidentKind::Insider) return !x.contained.timeUs;
      return false;
    case Condition::SiteAffected: return x.siteHarm;
    case Condition::CauseKnown: return x.causeKnown;
  }
  return false;
}

void Exercise::Impl::applyEffect(int index, Effect effect, const response::StepDef& step, TimeUs t) {
  Incident& x = *incidents[static_cast<std::size_t>(index)];
  const std::uint64_t logged = log(t, Kind::Effect, &x, step.role, effectName(effect), "by step " + step.id);
  x.effectsDone.push_back({effect, {t, logged}});
  const bool cyber = x.kind == incident::IncidentKind::CyberIntrusion;
  const bool insider = x.kind == incident::IncidentKind::Insider;
  const bool beforeFoothold = cyber && x.stage <= static_cast<int>(incident::Stage::Foothold);
  const bool credentialEntry = cyber && x.source->cyber.vector != incident::AccessVector::VulnerableService;
  boost::random::uniform_01<double> unit;
  const incident::ItemFateDef& fate = scenario.itemFate;
  switch (effect) {
    case Effect::IsolateNetwork:
      goDown(x, t);
      if (cyber) cutOffAttacker(x, "network isolated");
      if (insider && !x.walkedOutUs) x.insiderStopped = true;
      break;
    case Effect::ShutSite:
      goDown(x, t);
      x.siteHarm = false;
      if (cyber && (x.source->cyber.objective == incident::Objective::Defacement ||
                    x.source->cyber.objective == incident::Objective::DenialOfService ||
                    x.source->cyber.vector == incident::AccessVector::VulnerableService)) {
        cutOffAttacker(x, "site shut");
      }
      break;
    case Effect::RevokeCredentials:
    case Effect::ResetPasswords:
      (effect == Effect::RevokeCredentials ? x.credentialsRevoked : x.passwordsReset) = true;
      // Before the intruder has persistence, taking its way in away ends the intrusion.
      if (beforeFoothold && credentialEntry) cutOffAttacker(x, "credentials revoked");
      if (insider && !x.walkedOutUs && effect == Effect::RevokeCredentials) {
        x.insiderStopped = true;
        kernel.cancel(x.copyDoneEvent);
        kernel.cancel(x.walkOutEvent);
        log(t, Kind::InsiderStopped, &x, step.role);
      }
      break;
    case Effect::RemoteWipe:
      if (x.item >= 0) {
        const bool works = unit(x.rng) < fate.wipeSuccessProbability;
        const TimeUs delayUs = core::sampleUs(fate.wipeDelay, x.rng);
        if (works && !x.itemBack && !x.wiped) {
          kernel.scheduleAt(t + delayUs, [this, index] {
            Incident& y = *incidents[static_cast<std::size_t>(index)];
            if (y.itemBack || y.wiped) return;
            y.wiped = true;
            kernel.cancel(y.finderAccessEvent);
            log(kernel.now(), Kind::DeviceWiped, &y, "", itemIds[static_cast<std::size_t>(y.item)]);
            updateContainment(y, kernel.now(), "device wiped");
          });
        }
      }
      break;
    case Effect::Patch: x.patched = true; break;
    case Effect::TakeBackups: x.backupsTaken = true; break;
    case Effect::Restore: {
      comeUp(x, t);
      if (!cyber || !x.cutOff) break;
      const bool holeClosed = x.source->cyber.vector == incident::AccessVector::VulnerableService
                                  ? x.patched
                                  : (x.credentialsRevoked || x.passwordsReset);
      const bool comesBack = unit(x.rng) < x.source->cyber.reentryProbability;
      if (!holeClosed && comesBack) {
        // Restored with the hole still open: the intruder walks back in.
        x.cutOff = false;
        log(t, Kind::IntruderBack, &x, "intruder", "", "restored before the way in was closed");
        enterStage(index, static_cast<int>(incident::Stage::Foothold));
      }
      break;
    }
    case Effect::InvolvePolice: {
      const bool recovers = unit(x.rng) < fate.policeRecoveryProbability;
      const TimeUs delayUs = core::sampleUs(fate.policeRecoveryDelay, x.rng);
      if (recovers && x.item >= 0 && x.taken && !x.itemBack) {
        kernel.scheduleAt(t + delayUs, [this, index] {
          itemBack(*incidents[static_cast<std::size_t>(index)], "recovered by the police");
        });
      }
      break;
    }
    case Effect::SearchItem: {
      const bool found = unit(x.rng) < (x.locationKnown ? fate.searchFindProbabilityKnown
                                                        : fate.searchFindProbabilityUnknown);
      if (x.item >= 0 && !x.itemBack) {
        if (found && !x.taken) {
          itemBack(x, x.locationKnown ? "found by the support desk at its last known place"
                                      : "found by the support desk");
        } else {
          log(t, Kind::SearchFailed, &x, step.role, itemIds[static_cast<std::size_t>(x.item)],
              x.taken ? "taken: not where it was left" : "not found");
        }
      }
      break;
    }
    case Effect::Investigate: {
      const bool causeFound = unit(x.rng) < (x.backupsTaken ? kCauseFoundWithBackups : kCauseFoundWithout);
      if (causeFound) x.causeKnown = true;
      if (cyber || insider) x.knownUnauthorizedAccess = true;
      if (x.kind == incident::IncidentKind::LostItem) x.knownHumanError = true;
      if (x.kind == incident::IncidentKind::Theft) x.knownUnauthorizedAccess = true;
      if (x.leaked || recordsSoFar(x, t) > 0) confirmLeak(x, t, "investigation");
      break;
    }
    case Effect::NotifyUsers:
    case Effect::ReportAuthority:
    case Effect::PublishStatement:
      break;  // scored through deadlines
  }
  updateContainment(x, t, effectName(effect));
}

void Exercise::Impl::updateContainment(Incident& x, TimeUs t, const char* how) {
  bool closed = false;
  switch (x.kind) {
    case incident::IncidentKind::LostItem:
    case incident::IncidentKind::Theft: {
      const world::ItemDef& item = *itemDefs[static_cast<std::size_t>(x.item)];
      const bool dataAtRisk = !item.encrypted && (item.records > 0 || item.kind == world::ItemKind::Laptop);
      closed = x.itemBack || x.wiped || (x.credentialsRevoked && !dataAtRisk);
      break;
    }
    case incident::IncidentKind::CyberIntrusion: closed = x.cutOff; break;
    case incident::IncidentKind::Insider:
      closed = x.insiderStopped || (x.walkedOutUs && x.credentialsRevoked);
      break;
  }
  if (closed && !x.contained.timeUs) {
    x.contained = {t, log(t, Kind::Contained, &x, "", "", how)};
  } else if (!closed && x.contained.timeUs) {
    x.contained = {};  // the intruder came back
    x.recovered = {};
    log(t, Kind::ContainmentLost, &x, "");
  }
  const bool procedureDone = !x.run || x.procedureFinished;
  // Without the team, only an item back with nothing leaked from it is over: a leak the
  // team does not know of is harm still to handle (docs/incident-model.md).
  const bool nothingLeftToHandle = x.itemBack && !x.leaked;
  if (x.contained.timeUs && !x.downSinceUs && procedureDone && !x.recovered.timeUs &&
      (x.teamEngaged.timeUs || nothingLeftToHandle)) {
    x.recovered = {t, log(t, Kind::Recovered, &x, "")};
  }
}

void Exercise::Impl::goDown(Incident& x, TimeUs t) {
  if (x.downSinceUs) return;
  x.downSinceUs = t;
  x.downtimeSeq = log(t, Kind::DowntimeStarted, &x, "");
}

void Exercise::Impl::comeUp(Incident& x, TimeUs t) {
  if (!x.downSinceUs) return;
  x.downtimeS += core::usToSeconds(t - *x.downSinceUs);
  x.downSinceUs.reset();
  x.downtimeSeq = log(t, Kind::DowntimeEnded, &x, "", "", "", x.downtimeS / 3600.0);
}

scoring::IncidentOutcome Exercise::Impl::outcomeOf(const Incident& x, TimeUs nowUs) const {
  scoring::IncidentOutcome o;
  o.id = x.id;
  o.kind = x.kind;
  o.procedure = x.procedure ? x.procedure->id : std::string();
  o.summary = x.summary;
  o.startUs = x.startUs;
  o.startSeq = x.startSeq;
  o.detected = x.detected;
  o.detectedBy = x.detectedBy;
  o.teamEngaged = x.teamEngaged;
  o.contained = x.contained;
  o.recovered = x.recovered;
  o.recordsExfiltrated = recordsSoFar(x, nowUs);
  o.recordsSeq = x.recordsSeq;
  o.leaked = x.leaked;
  if (x.item >= 0) {
    (x.itemBack ? o.itemsRecovered : o.itemsLost) = 1;
    o.itemsSeq = x.startSeq;
  }
  o.downtimeS = x.downtimeS + (x.downSinceUs ? core::usToSeconds(nowUs - *x.downSinceUs) : 0.0);
  o.downtimeSeq = x.downtimeSeq;
  o.endUs = nowUs;
  // Deadlines: counted once due (or done); one whose clock never started does not apply.
  for (const scoring::DeadlineDef& d : scenario.scoring.deadlines) {
    const bool applies = std::all_of(d.appliesIf.begin(), d.appliesIf.end(), [&](const response::ConditionTerm& term) {
      return truth(x, term.condition) != term.negated;
    });
    if (!applies) continue;
    std::optional<TimeUs> fromUs;
    std::uint64_t fromSeq = 0;
    switch (d.from) {
      case scoring::DeadlineFrom::IncidentStart: fromUs = x.startUs; fromSeq = x.startSeq; break;
      case scoring::DeadlineFrom::Detection: fromUs = x.detected.timeUs; fromSeq = x.detected.eventSeq; break;
      case scoring::DeadlineFrom::LeakConfirmed: fromUs = x.leakConfirmedUs; fromSeq = x.leakConfirmedSeq; break;
    }
    if (!fromUs) continue;
    scoring::DeadlineOutcome out;
    out.id = d.id;
    out.dueUs = *fromUs + core::secondsToUs(d.withinS);
    out.eventSeq = fromSeq;
    for (const auto& [effect, when] : x.effectsDone) {
      if (effect == d.effect) {
        out.doneUs = when.first;
        out.eventSeq = when.second;
        break;
      }
    }
    out.met = out.doneUs && *out.doneUs <= out.dueUs;
    if (!out.met && !out.doneUs && out.dueUs > nowUs) continue;  // still open
    o.deadlines.push_back(out);
  }
  if (x.run) {
    const response::Adherence a = x.run->adherence();
    o.stepsDone = a.stepsDone;
    for (const auto& s : a.notDone) o.stepsNotDone.push_back({s.stepId, nowUs, x.teamEngaged.eventSeq});
    for (const auto& s : a.outOfOrder) o.stepsOutOfOrder.push_back({s.stepId, s.timeUs, 0});
  }
  return o;
}

}  // namespace irdrill::exercise
