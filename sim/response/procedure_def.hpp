// Response procedures as data (scenarios/procedures/*.yaml): steps done by roles, with
// durations, dependencies, conditions and effects on the world. The effects are what
// makes a step contain anything; the conditions let a procedure say "only if a leak is
// confirmed".
#pragma once

#include <array>
#include <string>
#include <vector>

#include "sim/core/diagnostics.hpp"
#include "sim/core/distribution.hpp"

namespace irdrill::response {

// What finishing a step does to the world (sim/exercise/ applies them):
//   isolate_network    cut the affected systems off: the intruder's progress and any
//                      exfiltration stop; business downtime starts (until restore).
//   shut_site          take the public site down: defacement / DoS harm stops; site
//                      downtime starts (until restore).
//   revoke_credentials disable the accounts, cards and keys involved: contains an
//                      intruder still at initial access / foothold who came in with
//                      them, and lost credentials can no longer be misused.
//   remote_wipe        wipe a lost or stolen device (succeeds once it comes online, with
//                      a probability): ends its leak risk.
//   reset_passwords    every user changes password: like revoke_credentials for all.
//   patch              close the hole: no re-entry through a vulnerable service.
//   take_backups       copy disks before touching them: evidence for investigate, and
//                      data to restore after ransomware.
//   restore            the recovery team restores systems: ends downtime (normal
//                      operation); an intruder not locked out may come back.
//   notify_users       tell the people whose data is involved.
//   report_authority   report to the data-protection authority.
//   involve_police     bring in the police: a stolen item or a walked-out drive may be
//                      recovered.
//   publish_statement  publish what happened and what was done.
//   search_item        the support desk searches for a lost item with the tag's last
//                      known location (gateway, crowd finding, the owner's phone).
//   investigate        establish the facts: cause, scope, whether data leaked.
enum class Effect {
  IsolateNetwork, ShutSite, RevokeCredentials, RemoteWipe, ResetPasswords, Patch, TakeBackups,
  Restore, NotifyUsers, ReportAuthority, InvolvePolice, PublishStatement, SearchItem, Investigate
};
inline constexpr std::array<const char*, 14> kEffectNames{
    "isolate_network", "shut_site",  "revoke_credentials", "remote_wipe",  "reset_passwords",
    "patch",           "take_backups", "restore",          "notify_users", "report_authority",
    "involve_police",  "publish_statement", "search_item", "investigate"};
inline constexpr int kEffectCount = 14;

// What the team knows when a step becomes ready; a step runs only if all its conditions
// hold, otherwise it is skipped (which the procedure allows: not an adherence fault).
//   leak_confirmed     data is known to have left (investigation, outside notice)
//   unauthorized_access the cause is known to be an attacker
//   human_error        the cause is known to be a mistake (a lost item)
//   item_missing       a lost or stolen item is not back
//   personal_data      the incident involves personal records
//   encrypted          the device involved is encrypted
//   attack_ongoing     the team has not yet contained the attacker
//   site_affected      the public site is defaced or down
//   cause_known        the investigation established the cause
enum class Condition {
  LeakConfirmed, UnauthorizedAccess, HumanError, ItemMissing, PersonalData, Encrypted,
  AttackOngoing, SiteAffected, CauseKnown
};
inline constexpr std::array<const char*, 9> kConditionNames{
    "leak_confirmed", "unauthorized_access", "human_error", "item_missing", "personal_data",
    "encrypted",      "attack_ongoing",      "site_affected", "cause_known"};

struct ConditionTerm {
  Condition condition = Condition::LeakConfirmed;
  bool negated = false;  // written "not encrypted"
};

struct StepDef {
  std::string id;
  std::string title;  // "Cut the network"
  std::string titleJa;  // `title_ja`: "ネットワークの遮断" (empty: not given)
  std::string role;   // RoleDef id
  core::DurationDist duration = core::DurationDist::fixed(1800);
  std::vector<std::string> after;     // step ids that must be finished (or skipped) first
  std::vector<ConditionTerm> when;    // all must hold when the step becomes ready
  std::vector<Effect> effects;        // applied when the step finishes
  core::SourceLocation where;
  core::SourceLocation roleWhere;                // of the `role:` value, for messages
  std::vector<core::SourceLocation> afterWhere;  // of each `after:` entry
};

struct ProcedureDef {
  std::string id;
  std::string title;
  std::string titleJa;        // `title_ja` (empty: not given)
  std::string description;    // what the procedure is for, in a sentence or two
  std::string descriptionJa;  // `description_ja`
  // Adherence is judged against this procedure's step order: itself, or for a variant
  // (`extends:` with overrides) the procedure it extends.
  std::string referenceId;
  std::vector<StepDef> steps;  // in the written order
  core::SourceLocation where;
};

}  // namespace irdrill::response
