// Coin-cell life of a tag against hand-computed charge budgets, the depletion instant,
// partial initial charge, the checks of battery fields, and the tag housings.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <stdexcept>

#include "sim/core/time.hpp"
#include "sim/radio/battery.hpp"

using irdrill::core::TimeUs;
using namespace irdrill::radio;

TEST_CASE("The default tag's battery lasts 428.3 days, about 1.2 years") {
  // Charge:  220 mAh * 3.6 C/mAh                        = 792 C
  // Current: 20 uC per event / 1.005 s mean event period = 19.900498 uA
  //          + 1.5 uA sleep                             = 21.400498 uA
  // Life:    792 C / 21.400498e-6 A = 37,008,485.4 s    = 428.339 days = 1.173 years
  const TagDef tag;
  const Battery battery(tag);
  CHECK(battery.averageCurrentUa() == Approx(21.400498).epsilon(1e-7));
  CHECK(batteryLifeDays(tag) == Approx(428.3390).epsilon(1e-6));
  CHECK(static_cast<double>(battery.depletionTimeUs()) == Approx(37'008'485.4e6).epsilon(1e-8));
  CHECK(batteryLifeDays(tag) / 365.25 == Approx(1.173).epsilon(1e-3));
}

TEST_CASE("A 2 s advertising interval nearly doubles the life; sleep current caps it") {
  // Current: 20 uC / 2.005 s = 9.975062 uA, + 1.5 uA = 11.475062 uA.
  // Life:    792 C / 11.475062e-6 A = 69,019,232 s = 798.834 days.
  TagDef tag;
  tag.advertisingIntervalMs = 2000;
  CHECK(batteryLifeDays(tag) == Approx(798.834).epsilon(1e-6));
  // Sleep alone: 792 C / 1.5 uA = 528,000,000 s = 6,111.1 days, the limit for long
  // intervals.
  tag.chargePerAdvEventUc = 0;
  CHECK(batteryLifeDays(tag) == Approx(528'000'000.0 / 86'400).epsilon(1e-12));
}

TEST_CASE("The tag is alive strictly before depletionTimeUs and silent from then on") {
  const Battery battery{TagDef{}};
  const TimeUs deadUs = battery.depletionTimeUs();
  CHECK(battery.aliveAt(0));
  CHECK(battery.aliveAt(deadUs - 1));
  CHECK_FALSE(battery.aliveAt(deadUs));
  CHECK_FALSE(battery.aliveAt(deadUs + irdrill::core::kUsPerHour));
  CHECK(battery.remainingFraction(0) == 1.0);
  CHECK(battery.remainingFraction(deadUs / 2) == Approx(0.5).epsilon(1e-12));
  CHECK(battery.remainingFraction(deadUs) == 0.0);
  CHECK(battery.remainingFraction(2 * deadUs) == 0.0);
}

TEST_CASE("initialChargeFraction scales the life and the remaining charge") {
  TagDef full;
  TagDef quarter;
  quarter.initialChargeFraction = 0.25;
  const Battery fullBattery(full);
  const Battery quarterBattery(quarter);
  // Same current, a quarter of the charge: a quarter of the life (to 1 us of rounding).
  CHECK(std::llabs(4 * quarterBattery.depletionTimeUs() - fullBattery.depletionTimeUs()) <= 4);
  CHECK(batteryLifeDays(quarter) == Approx(428.3390 / 4).epsilon(1e-6));
  CHECK(quarterBattery.remainingFraction(0) == 0.25);
  // Both drain at the same absolute rate: after 10 days, the same charge is gone.
  const TimeUs tenDaysUs = 10 * 24 * irdrill::core::kUsPerHour;
  CHECK(fullBattery.remainingFraction(0) - fullBattery.remainingFraction(tenDaysUs) ==
        Approx(quarterBattery.remainingFraction(0) - quarterBattery.remainingFraction(tenDaysUs))
            .epsilon(1e-9));
  // An empty tag never advertises.
  TagDef empty;
  empty.initialChargeFraction = 0;
  CHECK_FALSE(Battery(empty).aliveAt(0));
}

TEST_CASE("A tag drawing no current never runs out") {
  TagDef tag;
  tag.chargePerAdvEventUc = 0;
  tag.sleepCurrentUa = 0;
  const Battery battery(tag);
  CHECK(battery.depletionTimeUs() == irdrill::core::kTimeNeverUs);
  CHECK(battery.aliveAt(irdrill::core::kTimeNeverUs - 1));
  CHECK(std::isinf(batteryLifeDays(tag)));
  CHECK(battery.remainingFraction(1'000'000'000'000) == 1.0);
}

TEST_CASE("Battery definitions are checked") {
  TagDef tag;
  tag.batteryCapacityMah = -1;
  tag.initialChargeFraction = 1.5;
  tag.where = {"people.yaml", 30, 7};
  CHECK_THROWS_AS(Battery(tag), std::invalid_argument);
  irdrill::core::Diagnostics diagnostics;
  validateBattery(tag, diagnostics);
  REQUIRE(diagnostics.items().size() == 2);
  CHECK(irdrill::core::formatDiagnostic(diagnostics.items()[0])
            .rfind("people.yaml:30:7: error: battery capacity", 0) == 0);
  CHECK(diagnostics.items()[1].message.find("between 0 and 1") != std::string::npos);

  irdrill::core::Diagnostics none;
  validateBattery(TagDef{}, none);
  CHECK(none.items().empty());
}

TEST_CASE("Tag housings have the brief's dimensions, the sticker being the bigger one") {
  const TagHousing hanging = tagHousing(TagFormFactor::HangingTag);
  const TagHousing sticker = tagHousing(TagFormFactor::Sticker);
  CHECK(hanging.lengthMm == 35.5);
  CHECK(hanging.widthMm == 19.0);
  CHECK(hanging.thicknessMm == 2.8);
  CHECK(hanging.massG == 2.4);
  CHECK(sticker.lengthMm == 36.2);
  CHECK(sticker.widthMm == 24.0);
  CHECK(sticker.thicknessMm == 3.4);
  CHECK(sticker.massG == 3.4);
  // A CR2032 (20 mm across, 3.2 mm thick) cannot fit the hanging tag: see
  // docs/radio-timing.md on what that means for the default 220 mAh.
  CHECK(hanging.widthMm < 20.0);
  CHECK(hanging.thicknessMm < 3.2);
}
