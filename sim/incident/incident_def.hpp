// Definitions of the harm side of a scenario: incidents (where they come from, when they
// start) and the attackers behind them, plus how harm is detected. Plain data, filled by
// the loader (sim/scenario/) or in code by tests; sim/exercise/ plays them.
//
// Four incident kinds:
//   lost_item        human error: an item left behind (from the office day) and not
//                    recovered by its owner;
//   theft            an opportunistic thief took an unattended item in a public place;
//   cyber_intrusion  an intruder's kill chain, from initial access to an objective;
//   insider          an employee copies data to a USB drive and walks out.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "sim/core/diagnostics.hpp"
#include "sim/core/distribution.hpp"

namespace irdrill::incident {

enum class IncidentKind { LostItem, Theft, CyberIntrusion, Insider };
inline constexpr std::array<const char*, 4> kIncidentKindNames{"lost_item", "theft",
                                                               "cyber_intrusion", "insider"};

// --- Cyber intrusion: a kill chain -------------------------------------------------------

enum class AccessVector { Phishing, StolenCredentials, VulnerableService };
inline constexpr std::array<const char*, 3> kAccessVectorNames{"phishing", "stolen_credentials",
                                                               "vulnerable_service"};

enum class Objective { Exfiltration, Ransomware, Defacement, DenialOfService };
inline constexpr std::array<const char*, 4> kObjectiveNames{"exfiltration", "ransomware",
                                                            "defacement", "denial_of_service"};

// The stages in order. The objective stage's duration is the time to reach the objective
// (exfiltration then runs at a rate; ransomware encrypts when it ends; defacement / DoS
// start when it ends).
enum class Stage { InitialAccess, Foothold, Discovery, LateralMovement, Objective };
inline constexpr std::array<const char*, 5> kStageNames{"initial_access", "foothold", "discovery",
                                                        "lateral_movement", "objective"};
inline constexpr int kStageCount = 5;

struct CyberIntrusionDef {
  AccessVector vector = AccessVector::Phishing;
  Objective objective = Objective::Exfiltration;
  std::array<core::DurationDist, kStageCount> stageDuration{
      core::DurationDist::exponential(1800), core::DurationDist::lognormal(4 * 3600, 3 * 3600),
      core::DurationDist::lognormal(24 * 3600, 12 * 3600),
      core::DurationDist::lognormal(36 * 3600, 24 * 3600),
      core::DurationDist::triangular(3600, 4 * 3600, 12 * 3600)};
  double recordsAvailable = 100000;    // what the objective can reach
  double exfiltrationRecordsPerHour = 5000;
  // After `restore` on a system whose hole was not patched (vector vulnerable_service) or
  // whose credentials were not reset (other vectors), the intruder comes back with this
  // probability, restarting at the foothold stage.
  double reentryProbability = 0.5;
};

// --- Insider -----------------------------------------------------------------------------

struct InsiderDef {
  std::string person;  // employee id; empty: a nameless insider outside the office day
  double recordsToCopy = 20000;
  core::DurationDist copyDuration = core::DurationDist::triangular(600, 1800, 3600);
  // From the end of copying to walking out of the building with the drive.
  core::DurationDist walkOutAfter = core::DurationDist::uniform(600, 4 * 3600);
};

// --- Lost items --------------------------------------------------------------------------

// A lost-item incident that does not wait for chance: `person` leaves `item` at the first
// place of kind `placeKind` (world::kPlaceKindNames, or "office") they leave.
struct PlannedLossDef {
  std::string person;
  std::string item;              // item id as written under the person ("laptop")
  std::string placeKind = "client_site";
};

// --- Where incidents come from -----------------------------------------------------------

enum class ArrivalKind { Scheduled, Poisson };
inline constexpr std::array<const char*, 2> kArrivalKindNames{"scheduled", "poisson"};

// One entry of the scenario's `incidents:` list. Lost items and thefts also arise from the
// office day on their own (human error, thieves); entries of those kinds plan one.
struct IncidentSourceDef {
  std::string id;
  IncidentKind kind = IncidentKind::CyberIntrusion;
  ArrivalKind arrival = ArrivalKind::Scheduled;
  double atS = 9 * 3600;       // Scheduled: seconds since midnight of day 0
  double ratePerDay = 0;       // Poisson: mean arrivals per day over the horizon
  std::string procedure;       // empty: the scenario's procedure for this kind
  CyberIntrusionDef cyber;
  InsiderDef insider;
  PlannedLossDef loss;
  core::SourceLocation where;
};

// --- Opportunistic thieves and what happens to an item nobody recovers ---------------------

struct ThievesDef {
  // Rate at which an unattended item is taken, per unattended minute, by place kind:
  // cafe, client_site, train, home, other (world::kPlaceKindNames), and the office lobby.
  std::array<double, 5> takePerMinuteByPlace{0.01, 0.0005, 0.02, 0.0, 0.002};
  double takePerMinuteLobby = 0.001;
  core::SourceLocation where;
};

struct ItemFateDef {
  // Someone who has a lost or stolen device tries its data: finders rarely, thieves often.
  double finderAccessProbability = 0.05;
  double thiefAccessProbability = 0.5;
  core::DurationDist accessDelay = core::DurationDist::exponential(12 * 3600);
  // Credentials on an accessed device (laptop, ID card) used to get in: starts a
  // cyber intrusion with vector stolen_credentials unless revoked first.
  double credentialMisuseProbability = 0.2;
  // Items nobody stole are handed in to lost-and-found, or found by a search.
  core::DurationDist handInDelay = core::DurationDist::lognormal(24 * 3600, 24 * 3600);
  double handInProbability = 0.6;
  // A remote wipe succeeds once the device comes online, if it ever does.
  double wipeSuccessProbability = 0.7;
  core::DurationDist wipeDelay = core::DurationDist::exponential(6 * 3600);
  // The support desk's search (step effect search_item) finds an item nobody took with
  // these probabilities: its last place known from the tag (a gateway, a colleague's
  // phone, the owner's phone), or not.
  double searchFindProbabilityKnown = 0.9;
  double searchFindProbabilityUnknown = 0.25;
  // The police (involve_police) get a taken item or a walked-out drive back.
  double policeRecoveryProbability = 0.2;
  core::DurationDist policeRecoveryDelay = core::DurationDist::lognormal(5 * 24 * 3600, 3 * 24 * 3600);
  core::SourceLocation where;
};

// --- Detection ---------------------------------------------------------------------------

struct DetectionDef {
  // Monitoring tools (IDS, EDR, DLP): chance per hour of catching an intrusion in each
  // stage (kStageNames order), and an insider while copying.
  std::array<double, kStageCount> monitoringPerHour{0.02, 0.01, 0.01, 0.03, 0.05};
  double insiderCopyPerHour = 0.05;
  // Log review: every `logReviewIntervalS`, each stage reached so far is spotted with
  // this probability (traces stay in the logs).
  double logReviewIntervalS = 7 * 24 * 3600;
  double logReviewFindProbability = 0.3;
  // Users: a phished user reports the mail with this probability after the delay.
  double phishingReportProbability = 0.15;
  core::DurationDist phishingReportDelay = core::DurationDist::exponential(2 * 3600);
  // An owner who lost an item reports it to the support desk (from giving up the search).
  core::DurationDist lossReportDelay = core::DurationDist::lognormal(12 * 3600, 8 * 3600);
  // Site monitoring finds defacement / denial of service.
  core::DurationDist siteMonitoringDelay = core::DurationDist::exponential(20 * 60);
  // Outside notice (customers, the police) of exfiltrated data or a leak.
  double outsideNoticeProbability = 0.5;
  core::DurationDist outsideNoticeDelay = core::DurationDist::lognormal(10 * 24 * 3600, 7 * 24 * 3600);
  // Gateways' "left in the office" reports and separation alerts reach the support desk.
  bool tagAlertsReachTeam = true;
  core::SourceLocation where;
};

}  // namespace irdrill::incident
