// Definitions of the people of an office, the equipment they carry and their day.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "sim/core/diagnostics.hpp"
#include "sim/radio/radio_def.hpp"

namespace irdrill::world {

enum class ItemKind { Laptop, UsbDrive, IdCard, Keys, Bag, Phone, Other };
inline constexpr std::array<const char*, 7> kItemKindNames{
    "laptop", "usb_drive", "id_card", "keys", "bag", "phone", "other"};

struct ItemDef {
  std::string id;
  ItemKind kind = ItemKind::Other;
  radio::CarryPosition carry = radio::CarryPosition::Bag;
  std::optional<radio::TagDef> tag;  // untagged items exist too
  bool encrypted = true;             // matters for leaks (laptops, USB drives)
  double records = 0;                // personal-data records stored on it (leak size)
  core::SourceLocation where;
};

// Probability of leaving an item behind at each place the owner leaves, by kind, and of
// noticing it without any alert (then coming back after a delay).
struct HumanErrorDef {
  std::array<double, 7> leaveBehindProbability{0.002, 0.01, 0.005, 0.005, 0.002, 0.0, 0.005};
  double selfNoticeProbability = 0.5;
  double selfNoticeDelayMeanS = 1800;  // exponential
  core::SourceLocation where;
};

// The stochastic day of one employee. Times are seconds since midnight.
struct DayPlanDef {
  double arriveMeanS = 8.75 * 3600;
  double arriveSdS = 15 * 60;
  double leaveMeanS = 18.0 * 3600;
  double leaveSdS = 30 * 60;
  double meetingsPerDayMean = 2.0;  // Poisson
  double meetingDurationMeanS = 45 * 60;
  double lunchOffsiteProbability = 0.4;  // else the kitchen
  double lunchDurationMeanS = 45 * 60;
  double clientVisitProbability = 0.15;  // per day
  double clientVisitDurationMeanS = 2 * 3600;
  double breaksPerDayMean = 3.0;  // kitchen, restroom: short walks away from the desk
  core::SourceLocation where;
};

struct EmployeeDef {
  std::string id;
  std::string desk;  // desk id
  std::vector<ItemDef> items;
  radio::ReceiverDef phone;
  std::string dayPlan = "default";  // name of a DayPlanDef in the scenario
  core::SourceLocation where;
};

}  // namespace irdrill::world
