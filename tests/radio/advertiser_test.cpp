// Advertising event timing: advDelay statistics, packet spacing, air time, determinism
// and the checks of the advertising fields of a tag.
#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <vector>

#include "sim/core/random_streams.hpp"
#include "sim/radio/advertiser.hpp"

using irdrill::core::RandomEngine;
using irdrill::core::TimeUs;
using namespace irdrill::radio;

namespace {
std::vector<TimeUs> eventTimes(const TagDef& tag, RandomEngine engine, int count) {
  Advertiser advertiser(tag, defaultAdvertisingTiming(), 0);
  std::vector<TimeUs> times{advertiser.currentEventUs()};
  for (int i = 1; i < count; ++i) times.push_back(advertiser.advance(engine));
  return times;
}
}  // namespace

TEST_CASE("Advertising events are spaced by the interval plus a uniform 0-10 ms advDelay") {
  TagDef tag;
  tag.advertisingIntervalMs = 1000.0;
  const TimeUs intervalUs = 1'000'000;
  const int events = 200'001;
  const std::vector<TimeUs> times =
      eventTimes(tag, irdrill::core::RandomStreams(11, 0).stream("radio.advertising", 1), events);

  // advDelay = spacing - interval, uniform over the 10,001 integers 0..10,000:
  // mean 5,000 us, variance N (N + 2) / 12 with N = 10,000, i.e. 8,335,000 us^2.
  const int n = events - 1;
  double sum = 0;
  double sumSquares = 0;
  TimeUs minDelay = kMaxAdvDelayUs;
  TimeUs maxDelay = 0;
  std::array<int, 10> bins{};
  for (int i = 1; i < events; ++i) {
    const TimeUs delayUs = times[i] - times[i - 1] - intervalUs;
    REQUIRE(delayUs >= 0);
    REQUIRE(delayUs <= kMaxAdvDelayUs);
    minDelay = std::min(minDelay, delayUs);
    maxDelay = std::max(maxDelay, delayUs);
    sum += static_cast<double>(delayUs);
    sumSquares += static_cast<double>(delayUs) * static_cast<double>(delayUs);
    ++bins[static_cast<std::size_t>(delayUs * 10 / (kMaxAdvDelayUs + 1))];
  }
  const double mean = sum / n;
  const double variance = sumSquares / n - mean * mean;
  const double expectedVariance = 10'000.0 * 10'002.0 / 12.0;
  // Standard error of the mean: sqrt(variance / n) = 6.45 us; 4 of them.
  CHECK(std::abs(mean - 5'000.0) < 4 * std::sqrt(expectedVariance / n));
  // Sample variance of a uniform: relative standard error sqrt(0.8 / n) = 0.2 %; 4 of them.
  CHECK(std::abs(variance / expectedVariance - 1.0) < 4 * std::sqrt(0.8 / n));
  // Both ends are reachable (each value has probability 1 / 10,001 per draw).
  CHECK(minDelay == 0);
  CHECK(maxDelay == kMaxAdvDelayUs);
  // Uniformity in 10 bins (bin b holds the values d with floor(10 d / 10,001) == b):
  // chi-square with 9 degrees of freedom stays below 33.7 with probability 0.9999.
  double chiSquare = 0;
  for (int b = 0; b < 10; ++b) {
    int values = 0;
    for (TimeUs d = 0; d <= kMaxAdvDelayUs; ++d) values += (d * 10 / (kMaxAdvDelayUs + 1)) == b;
    const double expected = static_cast<double>(n) * values / (kMaxAdvDelayUs + 1);
    chiSquare += (bins[b] - expected) * (bins[b] - expected) / expected;
  }
  CHECK(chiSquare < 33.7);
}

TEST_CASE("An event sends on channels 37, 38, 39 one channel spacing apart") {
  TagDef tag;
  const AdvertisingTiming timing{700, 376};
  Advertiser advertiser(tag, timing, 123'456);
  RandomEngine engine(3);
  for (int event = 0; event < 5; ++event) {
    const TimeUs startUs = advertiser.currentEventUs();
    for (int channel = 0; channel < kAdvertisingChannelCount; ++channel) {
      CHECK(advertiser.packetStartUs(channel) == startUs + channel * 700);
      CHECK(advertiser.packetEndUs(channel) - advertiser.packetStartUs(channel) == 376);
    }
    CHECK(advertiser.eventEndUs() == startUs + 2 * 700 + 376);
    advertiser.advance(engine);
  }
  CHECK(advertiser.advanceCount() == 5);
  CHECK(kAdvertisingChannelNumbers == std::array<int, 3>{37, 38, 39});
}

TEST_CASE("Legacy air time is 8 us per byte of preamble, address, header, AdvA, data, CRC") {
  // 1 + 4 + 2 + 6 + 31 + 3 = 47 bytes at 1 Mbit/s.
  CHECK(legacyAdvertisingAirtimeUs(31) == 376);
  // An empty AdvData still carries the 6-byte advertiser address: 16 bytes.
  CHECK(legacyAdvertisingAirtimeUs(0) == 128);
  // 25 bytes of AdvData: the (1 + 4 + 2 + 31 + 3) * 8 = 328 us case (31-byte PDU payload).
  CHECK(legacyAdvertisingAirtimeUs(25) == 328);
  const AdvertisingTiming timing = defaultAdvertisingTiming();
  CHECK(timing.packetAirtimeUs == 376);
  CHECK(timing.channelSpacingUs == 376 + kDefaultInterPacketGapUs);
}

TEST_CASE("The same stream gives the same advertising events; another stream does not") {
  TagDef tag;
  const irdrill::core::RandomStreams streams(5, 2);
  const auto reference = eventTimes(tag, streams.stream("radio.advertising", 7), 1000);
  CHECK(eventTimes(tag, streams.stream("radio.advertising", 7), 1000) == reference);
  CHECK(eventTimes(tag, streams.stream("radio.advertising", 8), 1000) != reference);
}

TEST_CASE("Golden: the first advertising events of a named stream are pinned") {
  // Pins the Boost integer distribution on top of the stream derivation: a change here
  // changes every radio result for a given seed.
  TagDef tag;
  const auto times =
      eventTimes(tag, irdrill::core::RandomStreams(1, 0).stream("radio.advertising", 1), 4);
  // advDelays 896, 4,660 and 305 us.
  CHECK(times == std::vector<TimeUs>{0, 1'000'896, 2'005'556, 3'005'861});
}

TEST_CASE("Advertising definitions are checked") {
  SECTION("the constructor rejects what cannot be simulated") {
    TagDef tag;
    tag.advertisingIntervalMs = 0;
    CHECK_THROWS_AS(Advertiser(tag, defaultAdvertisingTiming(), 0), std::invalid_argument);
    CHECK_THROWS_AS(Advertiser(TagDef{}, AdvertisingTiming{300, 376}, 0), std::invalid_argument);
    CHECK_THROWS_AS(Advertiser(TagDef{}, defaultAdvertisingTiming(), -1), std::invalid_argument);
  }
  SECTION("the loader's checks name the field and the expected range") {
    irdrill::core::Diagnostics diagnostics;
    TagDef tag;
    tag.where = {"office.yaml", 12, 5};
    validateAdvertising(tag, diagnostics);
    CHECK(diagnostics.items().empty());

    tag.advertisingIntervalMs = 5;
    tag.txPowerDbm = 30;
    validateAdvertising(tag, diagnostics);
    REQUIRE(diagnostics.items().size() == 2);
    CHECK(diagnostics.hasErrors());
    CHECK(irdrill::core::formatDiagnostic(diagnostics.items()[0])
              .rfind("office.yaml:12:5: error: advertising interval 5", 0) == 0);
    CHECK(diagnostics.items()[0].message.find("expected 20 to 10240 ms") != std::string::npos);

    irdrill::core::Diagnostics warnings;
    tag.advertisingIntervalMs = 1000.3;  // not a whole number of 0.625 ms slots
    tag.txPowerDbm = 0;
    validateAdvertising(tag, warnings);
    REQUIRE(warnings.items().size() == 1);
    CHECK_FALSE(warnings.hasErrors());
  }
}
