// Scan windows, channel rotation, packet containment, coalesced delivery and the
// built-in scan modes.
#include <catch2/catch.hpp>

#include <cstdint>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>

#include <boost/random/uniform_int_distribution.hpp>

#include "sim/core/random_streams.hpp"
#include "sim/radio/advertiser.hpp"
#include "sim/radio/scan_modes.hpp"
#include "sim/radio/scan_schedule.hpp"

using irdrill::core::RandomEngine;
using irdrill::core::TimeUs;
using namespace irdrill::radio;

namespace {
ScanModeDef makeMode(double windowMs, double intervalMs, double coalescingPeriodS = 0) {
  ScanModeDef mode;
  mode.name = "test";
  mode.windowMs = windowMs;
  mode.intervalMs = intervalMs;
  mode.coalescingPeriodS = coalescingPeriodS;
  return mode;
}

// Independent oracle: enumerate the windows one by one and look for one that contains
// the whole packet and listens on its channel.
bool hearsByEnumeration(TimeUs phaseUs, TimeUs windowUs, TimeUs intervalUs, TimeUs startUs,
                        TimeUs airtimeUs, int channel) {
  for (std::int64_t k = 0;; ++k) {
    const TimeUs openUs = phaseUs + k * intervalUs;
    if (openUs > startUs) return false;
    const TimeUs closeUs = openUs + windowUs;
    if (startUs >= openUs && startUs + airtimeUs <= closeUs && k % 3 == channel) return true;
  }
}
}  // namespace

TEST_CASE("Window k opens at phase + k interval and listens on channel k mod 3") {
  const ScanSchedule schedule(makeMode(100, 1000), 250'000);
  CHECK(schedule.channelAt(0) == -1);  // before the phase: not scanning yet
  CHECK(schedule.channelAt(249'999) == -1);
  CHECK(schedule.channelAt(250'000) == 0);  // window 0, channel 37
  CHECK(schedule.channelAt(349'999) == 0);
  CHECK(schedule.channelAt(350'000) == -1);  // the window has closed
  CHECK(schedule.channelAt(1'250'000) == 1);
  CHECK(schedule.channelAt(2'300'000) == 2);
  CHECK(schedule.channelAt(3'250'000) == 0);
  CHECK(schedule.listeningAt(1'300'000));
  CHECK_FALSE(schedule.listeningAt(1'350'000));
  CHECK(schedule.nextWindowStartUs(0) == 250'000);
  CHECK(schedule.nextWindowStartUs(250'000) == 250'000);
  CHECK(schedule.nextWindowStartUs(250'001) == 1'250'000);
}

TEST_CASE("A scanner on channel 38 does not hear packets on 37 or 39") {
  const ScanSchedule schedule(makeMode(100, 1000), 0);
  const TimeUs inWindow1Us = 1'000'000 + 50'000;  // window 1 listens on 38
  CHECK(schedule.hears(inWindow1Us, 376, 1));
  CHECK_FALSE(schedule.hears(inWindow1Us, 376, 0));
  CHECK_FALSE(schedule.hears(inWindow1Us, 376, 2));
  // A whole event inside window 1: only its channel-38 packet is heard.
  const AdvertisingTiming timing = defaultAdvertisingTiming();
  const Advertiser advertiser(TagDef{}, timing, inWindow1Us);
  CHECK(heardChannelMask(advertiser, schedule) == 0b010u);
  CHECK(firstHeardChannel(advertiser, schedule) == 1);
}

TEST_CASE("A packet is heard only if it lies entirely inside the window") {
  const ScanSchedule schedule(makeMode(100, 1000), 0);
  CHECK(schedule.hears(0, 376, 0));                    // starts as the window opens
  CHECK(schedule.hears(100'000 - 376, 376, 0));        // ends as the window closes
  CHECK_FALSE(schedule.hears(100'000 - 375, 376, 0));  // one microsecond too late
  CHECK_FALSE(schedule.hears(1'000'000 - 1, 376, 1));  // starts before window 1 opens
  CHECK(schedule.hears(1'000'000, 376, 1));
  // An event straddling the window's end: its channel-37 packet fits, later ones do not.
  const AdvertisingTiming timing = defaultAdvertisingTiming();
  const Advertiser advertiser(TagDef{}, timing, 100'000 - 500);
  CHECK(heardChannelMask(advertiser, schedule) == 0b001u);
}

TEST_CASE("A continuous scanner loses a packet straddling a window boundary") {
  const ScanSchedule schedule(makeMode(100, 100), 40'000);
  CHECK(schedule.continuous());
  CHECK(schedule.dutyCycle() == 1.0);
  // Boundary between window 0 (37) and window 1 (38) at 140,000 us.
  CHECK_FALSE(schedule.hears(140'000 - 100, 376, 0));
  CHECK_FALSE(schedule.hears(140'000 - 100, 376, 1));
  CHECK(schedule.hears(140'000, 376, 1));
  // The listening channel changes exactly at the boundary; never idle in between.
  CHECK(schedule.channelAt(139'999) == 0);
  CHECK(schedule.channelAt(140'000) == 1);
  // An event whose 39 packet straddles the 39 -> 37 boundary is missed entirely: its
  // 37 and 38 packets lie in the channel-39 window.
  const AdvertisingTiming timing = defaultAdvertisingTiming();
  const TimeUs boundaryUs = 40'000 + 3 * 100'000;  // window 2 (39) ends here
  const Advertiser missed(TagDef{}, timing, boundaryUs - 2 * timing.channelSpacingUs - 100);
  CHECK(heardChannelMask(missed, schedule) == 0u);
  CHECK_FALSE(firstHeardChannel(missed, schedule).has_value());
  // On the 37 -> 38 boundary an event can be heard twice (37 before, 38 after).
  const TimeUs boundary01Us = 40'000 + 3 * 100'000 + 100'000;
  const Advertiser twice(TagDef{}, timing, boundary01Us - timing.packetAirtimeUs);
  CHECK(heardChannelMask(twice, schedule) == 0b011u);
}

TEST_CASE("hears agrees with window-by-window enumeration on random packets") {
  RandomEngine engine(2024);
  boost::random::uniform_int_distribution<TimeUs> windowMs(1, 600);
  boost::random::uniform_int_distribution<TimeUs> extraMs(0, 800);
  boost::random::uniform_int_distribution<TimeUs> phaseUs(0, 2'000'000);
  boost::random::uniform_int_distribution<TimeUs> airtimeUs(80, 2'200);
  boost::random::uniform_int_distribution<int> channel(0, 2);
  int heard = 0;
  for (int trial = 0; trial < 20'000; ++trial) {
    const TimeUs windowUs = windowMs(engine) * 1000;
    const TimeUs intervalUs = windowUs + extraMs(engine) * 1000 * (trial % 4 != 0);
    const TimeUs phase = phaseUs(engine);
    const ScanSchedule schedule(makeMode(windowUs / 1000.0, intervalUs / 1000.0), phase);
    // Within ~30 windows of the phase, so the enumeration stays short.
    const TimeUs start =
        boost::random::uniform_int_distribution<TimeUs>(0, phase + 30 * intervalUs)(engine);
    const TimeUs airtime = airtimeUs(engine);
    const int c = channel(engine);
    const bool expected = hearsByEnumeration(phase, windowUs, intervalUs, start, airtime, c);
    heard += expected;
    REQUIRE(schedule.hears(start, airtime, c) == expected);
  }
  CHECK(heard > 1000);  // the property was exercised on both outcomes
}

TEST_CASE("Coalesced delivery rounds up to the next multiple of the period") {
  const ScanSchedule coalescing(makeMode(100, 100, 60), 0);
  const TimeUs periodUs = 60'000'000;
  CHECK(coalescing.coalescingPeriodUs() == periodUs);
  CHECK(coalescing.deliveryTimeUs(0) == 0);
  CHECK(coalescing.deliveryTimeUs(1) == periodUs);
  CHECK(coalescing.deliveryTimeUs(periodUs) == periodUs);
  CHECK(coalescing.deliveryTimeUs(periodUs + 1) == 2 * periodUs);
  RandomEngine engine(9);
  boost::random::uniform_int_distribution<TimeUs> heardUs(0, 10 * periodUs);
  for (int i = 0; i < 1000; ++i) {
    const TimeUs t = heardUs(engine);
    const TimeUs d = coalescing.deliveryTimeUs(t);
    REQUIRE(d >= t);
    REQUIRE(d - t < periodUs);
    REQUIRE(d % periodUs == 0);
  }
  const ScanSchedule immediate(makeMode(183, 730), 0);
  CHECK(immediate.deliveryTimeUs(123'456'789) == 123'456'789);
}

TEST_CASE("With coalescing a tag is reported at most once per period") {
  const ScanSchedule schedule(makeMode(100, 100, 60), 0);
  ReportCoalescer reports(schedule);
  const TimeUs s = 1'000'000;
  CHECK(reports.offer(1, 1 * s) == 60 * s);
  CHECK_FALSE(reports.offer(1, 30 * s).has_value());
  CHECK_FALSE(reports.offer(1, 60 * s).has_value());  // (0, 60 s] is one period
  CHECK(reports.offer(2, 30 * s) == 60 * s);          // another tag is independent
  CHECK(reports.offer(1, 60 * s + 1) == 120 * s);
  CHECK(reports.offer(1, 500 * s) == 540 * s);

  const ScanSchedule plain(makeMode(100, 100), 0);
  ReportCoalescer everyPacket(plain);
  CHECK(everyPacket.offer(1, 5) == 5);
  CHECK(everyPacket.offer(1, 6) == 6);
}

TEST_CASE("Built-in scan modes carry the AOSP windows and intervals") {
  const auto modes = builtInScanModes();
  std::set<std::string> names;
  for (const auto& [name, mode] : modes) {
    names.insert(name);
    CHECK(mode.name == name);
    irdrill::core::Diagnostics diagnostics;
    validateScanMode(mode, diagnostics);
    CHECK(diagnostics.items().empty());
  }
  CHECK(names == std::set<std::string>{"balanced", "gateway", "ios_background", "low_latency",
                                       "low_power", "screen_off"});
  const auto windowIntervalMs = [&](const char* name) {
    const ScanModeDef& m = modes.at(name);
    return std::pair{m.windowMs, m.intervalMs};
  };
  CHECK(windowIntervalMs("low_power") == std::pair{140.0, 1400.0});
  CHECK(windowIntervalMs("balanced") == std::pair{183.0, 730.0});
  CHECK(windowIntervalMs("low_latency") == std::pair{100.0, 100.0});
  CHECK(windowIntervalMs("screen_off") == std::pair{512.0, 10240.0});
  CHECK(modes.at("ios_background").coalescingPeriodS == 60.0);
  CHECK(ScanSchedule(modes.at("gateway"), 0).continuous());
  CHECK(ScanSchedule(modes.at("balanced"), 0).dutyCycle() == Approx(183.0 / 730.0));
  CHECK(ScanSchedule(modes.at("screen_off"), 0).dutyCycle() == Approx(0.05));
  for (const auto& [name, mode] : modes) {
    CHECK(mode.coalescingPeriodS == (name == "ios_background" ? 60.0 : 0.0));
  }
}

TEST_CASE("Scan mode definitions are checked") {
  CHECK_THROWS_AS(ScanSchedule(makeMode(200, 100), 0), std::invalid_argument);
  CHECK_THROWS_AS(ScanSchedule(makeMode(0, 100), 0), std::invalid_argument);
  CHECK_THROWS_AS(ScanSchedule(makeMode(100, 100, -1), 0), std::invalid_argument);
  CHECK_THROWS_AS(ScanSchedule(makeMode(100, 100), -5), std::invalid_argument);

  ScanModeDef bad = makeMode(800, 730, -2);
  bad.name = "night";
  bad.where = {"modes.yaml", 4, 3};
  irdrill::core::Diagnostics diagnostics;
  validateScanMode(bad, diagnostics);
  REQUIRE(diagnostics.items().size() == 2);
  CHECK(irdrill::core::formatDiagnostic(diagnostics.items()[0])
            .rfind("modes.yaml:4:3: error: scan mode 'night': window 800", 0) == 0);
  CHECK(diagnostics.items()[1].message.find("coalescing period") != std::string::npos);
}
