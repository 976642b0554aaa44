// Advertiser against scanner, end to end: discovery latency of a continuous scanner
// (renewal theory), the fraction of events a duty-cycled scanner hears, and the length
// of silences compared with a model where packets are heard independently.
//
// Notation (all times in us): T_adv = advertising interval, X = T_adv + D the spacing of
// events with D uniform on 0..10,000, s = channel spacing, a = packet air time,
// W / T = scan window / interval. Derivations are in the comments of each test and in
// docs/radio-timing.md.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <vector>

#include <boost/random/uniform_int_distribution.hpp>

#include "sim/core/random_streams.hpp"
#include "sim/radio/advertiser.hpp"
#include "sim/radio/scan_modes.hpp"
#include "sim/radio/scan_schedule.hpp"

using irdrill::core::RandomEngine;
using irdrill::core::TimeUs;
using namespace irdrill::radio;

namespace {
ScanModeDef makeMode(double windowMs, double intervalMs) {
  ScanModeDef mode;
  mode.name = "test";
  mode.windowMs = windowMs;
  mode.intervalMs = intervalMs;
  return mode;
}

struct MeanAndError {
  double mean;
  double standardError;
};
MeanAndError meanAndError(const std::vector<double>& samples) {
  double sum = 0;
  double sumSquares = 0;
  for (double x : samples) {
    sum += x;
    sumSquares += x * x;
  }
  const double n = static_cast<double>(samples.size());
  const double mean = sum / n;
  const double variance = (sumSquares - n * mean * mean) / (n - 1);
  return {mean, std::sqrt(variance / n)};
}

// Fraction of advertising events heard, one sample per independent run of `events`
// events. The first event is uniform over three scan intervals (one channel cycle), so
// every event's position in the cycle is uniform too (a uniform shift modulo the cycle
// stays uniform whatever is added to it).
std::vector<double> heardFractions(const ScanModeDef& mode, const TagDef& tag, int runs, int events,
                                   RandomEngine& engine) {
  const ScanSchedule schedule(mode, 0);
  std::vector<double> fractions;
  boost::random::uniform_int_distribution<TimeUs> firstUs(0, 3 * schedule.intervalUs() - 1);
  for (int run = 0; run < runs; ++run) {
    Advertiser advertiser(tag, defaultAdvertisingTiming(), firstUs(engine));
    int heard = 0;
    for (int e = 0; e < events; ++e) {
      heard += firstHeardChannel(advertiser, schedule).has_value();
      advertiser.advance(engine);
    }
    fractions.push_back(static_cast<double>(heard) / events);
  }
  return fractions;
}

// The advertising events of one tag over `durationUs` and the times of those heard by a
// scanner of phase 0.
struct HeardEvents {
  int events = 0;
  std::vector<TimeUs> heardUs;
};
HeardEvents heardEvents(const ScanModeDef& mode, const TagDef& tag, TimeUs durationUs,
                        RandomEngine& engine) {
  const ScanSchedule schedule(mode, 0);
  boost::random::uniform_int_distribution<TimeUs> firstUs(0, 3 * schedule.intervalUs() - 1);
  Advertiser advertiser(tag, defaultAdvertisingTiming(), firstUs(engine));
  HeardEvents result;
  while (advertiser.currentEventUs() < durationUs) {
    ++result.events;
    if (firstHeardChannel(advertiser, schedule)) {
      result.heardUs.push_back(advertiser.currentEventUs());
    }
    advertiser.advance(engine);
  }
  return result;
}
}  // namespace

TEST_CASE("Continuous scanning discovers a 1 s tag after E[X^2]/(2E[X]) plus rotation terms") {
  // The scanner (100/100 ms, channels rotating per window) starts at a uniformly random
  // time S relative to a tag advertising since time 0. Latency L = start of the first
  // heard packet - S.
  //
  // Renewal theory: the wait R from S to the next event has density P(X > r) / E[X]
  // (counting whole microseconds, E[R] = E[X^2] / (2 E[X]) - 1/2):
  //   E[X] = 1,005,000, Var X = 10,000 * 10,002 / 12 = 8,335,000
  //   E[R] = E[X] / 2 + Var X / (2 E[X]) - 1/2 = 502,500 + 4.147 - 0.5 = 502,503.6 us.
  // R < 1,000,000 is flat, so the first event lands uniformly over windows 0..9 (channel
  // k mod 3), and R in [1,000,000, 1,010,000] (probability 5,000 / E[X]) lands at the
  // start of window 10 (channel 38). At offset u into a window the event is heard:
  //   channel 37 window: packet 37 if u <= T - a, else packet 38 in the next window:
  //                      extra s * a / T on average;
  //   channel 38 window: packet 38 if u + s + a <= T, else packet 39 in the next window
  //                      (u + 2s >= T because s >= a): extra s + s (s + a) / T;
  //   channel 39 window: packet 39 if u + 2s + a <= T (extra 2s), else the event is
  //                      missed (the next window listens on 37, whose packet is past):
  //                      probability q = (2s + a) / T, extra = the next spacing X' plus
  //                      s (the next event lands early in a channel-38 window).
  // Windows 0..8 (R < 900,000) hold each channel three times; window 9 is on 37. So
  //   E[L] = E[R] + (900,000 / E[X]) (1/3) [s a/T + s + s(s+a)/T + (1-q) 2s + q (E[X]+s)]
  //               + (100,000 / E[X]) s a / T + (5,000 / E[X]) s
  // (second-order terms, a second miss or the next event just before a boundary, are
  // below 1 us). With s = 576, a = 376, T = 100,000: 502,503.6 + 5,102.6 = 507,606 us.
  const AdvertisingTiming timing = defaultAdvertisingTiming();
  const double s = static_cast<double>(timing.channelSpacingUs);
  const double a = static_cast<double>(timing.packetAirtimeUs);
  const double T = 100'000;
  const double meanX = 1'005'000;
  const double varX = 10'000.0 * 10'002.0 / 12.0;
  const double meanR = meanX / 2 + varX / (2 * meanX) - 0.5;
  const double q = (2 * s + a) / T;
  const double expectedMeanUs =
      meanR +
      (900'000 / meanX) / 3 *
          (s * a / T + s + s * (s + a) / T + (1 - q) * 2 * s + q * (meanX + s)) +
      (100'000 / meanX) * s * a / T + (5'000 / meanX) * s;
  // Maximum: a heard first event is at most R_max + 2s = 1,010,000 + 2s after S; a missed
  // one sits at the end of window 2, 5 or 8 (R < 900,000) and the next one is heard at
  // most X_max + s later. A latency beyond R_max + 2s therefore means "first event
  // missed", which happens with probability 3 (2s + a) / E[X] (the end of three windows).
  const double boundNoMissUs = 1'010'000 + 2 * s;
  const double boundUs = 900'000 + 1'010'000 + s;
  const double missProbability = 3 * (2 * s + a) / meanX;

  const ScanModeDef mode = builtInScanModes().at("low_latency");
  const TagDef tag;  // 1000 ms
  const irdrill::core::RandomStreams streams(3, 0);
  RandomEngine startEngine = streams.stream("test.discovery.start");
  const int trials = 200'000;
  std::vector<double> latencies;
  latencies.reserve(trials);
  int beyondNoMissBound = 0;
  for (int trial = 0; trial < trials; ++trial) {
    // S uniform over the first 20 events' span: the interval holding S is length-biased,
    // as renewal theory assumes. The advertiser is replayed from a copy of its engine
    // (S comes from another engine, so later spacings do not depend on S). One stream
    // per trial keeps the trials independent.
    RandomEngine engine = streams.stream("test.discovery.tag", trial);
    RandomEngine replay = engine;
    Advertiser probe(tag, timing, 0);
    for (int e = 0; e < 20; ++e) probe.advance(engine);
    const TimeUs startUs =
        boost::random::uniform_int_distribution<TimeUs>(0, probe.currentEventUs() - 1)(startEngine);
    Advertiser advertiser(tag, timing, 0);
    while (advertiser.currentEventUs() < startUs) advertiser.advance(replay);
    const ScanSchedule schedule(mode, startUs);
    std::optional<int> channel;
    while (!(channel = firstHeardChannel(advertiser, schedule))) advertiser.advance(replay);
    const double latencyUs = static_cast<double>(advertiser.packetStartUs(*channel) - startUs);
    latencies.push_back(latencyUs);
    beyondNoMissBound += latencyUs > boundNoMissUs;
  }
  const MeanAndError measured = meanAndError(latencies);
  const double maxUs = *std::max_element(latencies.begin(), latencies.end());
  INFO("mean " << measured.mean << " us (expected " << expectedMeanUs << ", naive " << meanR
               << "), standard error " << measured.standardError << " us, max " << maxUs
               << " us, first event missed in " << beyondNoMissBound << " trials");
  CHECK(std::abs(measured.mean - expectedMeanUs) < 4 * measured.standardError);
  // The rotation terms (5.1 ms) are resolved: the naive renewal mean is rejected.
  CHECK(std::abs(measured.mean - meanR) > 4 * measured.standardError);
  CHECK(maxUs <= boundUs);
  // The largest latencies come from a miss at the end of window 8 followed by a long
  // spacing, so the observed maximum is within 10 ms of the bound.
  CHECK(maxUs > boundUs - 10'000);
  const double missFraction = static_cast<double>(beyondNoMissBound) / trials;
  CHECK(std::abs(missFraction - missProbability) <
        4 * std::sqrt(missProbability * (1 - missProbability) / trials));
}

TEST_CASE("A duty-cycled scanner hears a fraction (W - a) / T of advertising events") {
  // An event is heard through window k (channel c) iff its packet c, at t0 + c s, lies in
  // [kT, kT + W - a]: a set of event times of length W - a per window. These sets do not
  // overlap when T - W + a >= s, so over a channel cycle of 3T the probability is
  // 3 (W - a) / 3T = (W - a) / T: the duty cycle minus an air-time edge effect.
  // A continuous scanner (W = T) is the exception: the sets of consecutive windows
  // overlap (37 -> 38, 38 -> 39: the event is heard in either), except after a
  // channel-39 window, where the last (2s + a) of it is a gap: 1 - (2s + a) / 3T.
  const AdvertisingTiming timing = defaultAdvertisingTiming();
  const double a = static_cast<double>(timing.packetAirtimeUs);
  const double s = static_cast<double>(timing.channelSpacingUs);
  RandomEngine engine = irdrill::core::RandomStreams(4, 0).stream("test.fraction");
  const TagDef tag;

  const auto check = [&](const ScanModeDef& mode, double expected, double naive) {
    const MeanAndError measured = meanAndError(heardFractions(mode, tag, 2000, 100, engine));
    INFO(mode.windowMs << "/" << mode.intervalMs << " ms: heard " << measured.mean << " (expected "
                       << expected << ", duty cycle " << naive << ", standard error "
                       << measured.standardError << ")");
    CHECK(std::abs(measured.mean - expected) < 4 * measured.standardError);
    return measured;
  };
  SECTION("balanced 183/730 ms") {
    check(builtInScanModes().at("balanced"), (183'000 - a) / 730'000, 183.0 / 730.0);
  }
  SECTION("low_power 140/1400 ms") {
    check(builtInScanModes().at("low_power"), (140'000 - a) / 1'400'000, 0.1);
  }
  SECTION("a 2/10 ms scanner, where the air-time edge effect is large") {
    const double expected = (2'000 - a) / 10'000;  // 0.1624, not 0.2
    const MeanAndError measured = check(makeMode(2, 10), expected, 0.2);
    CHECK(std::abs(measured.mean - 0.2) > 20 * measured.standardError);
  }
  SECTION("continuous low_latency 100/100 ms") {
    const double expected = 1 - (2 * s + a) / 300'000;  // 0.99491
    const MeanAndError measured = check(builtInScanModes().at("low_latency"), expected, 1.0);
    CHECK(std::abs(measured.mean - 1.0) > 4 * measured.standardError);
  }
}

TEST_CASE("Explicit timing bounds the silences that independent reception would predict") {
  // Default tag (1000 ms) and a balanced scanner (183/730 ms). An event at phase
  // psi = (t0 - scanner phase) mod 730 ms in [0, W - a - 2s] = [0, 181.472 ms] is surely
  // heard (every packet of it fits in the window, whichever channel it listens on).
  // Three spacings sum to 3,000-3,030 ms = 80-110 ms mod 730 ms, so the phases of events
  // n, n+3, n+6, ... move forward by at most 110 ms < 181.472 ms and cannot jump over
  // that arc: starting outside it, they reach it within ceil((730 - 181.472) / 80) = 7
  // steps. Hence one of any 22 consecutive events is heard: no silence between heard
  // events exceeds 22 spacings = 22.22 s.
  //
  // If instead each event were heard independently with the same probability p, runs of
  // 22 or more misses would start after a fraction p (1 - p)^22 of the events.
  const ScanModeDef mode = builtInScanModes().at("balanced");
  const TagDef tag;
  RandomEngine engine = irdrill::core::RandomStreams(6, 0).stream("test.silence");
  const double hours = 50;
  int events = 0;
  int heard = 0;
  double longestS = 0;
  for (int run = 0; run < 10; ++run) {
    const HeardEvents result =
        heardEvents(mode, tag, irdrill::core::secondsToUs(hours / 10 * 3600), engine);
    events += result.events;
    heard += static_cast<int>(result.heardUs.size());
    for (std::size_t i = 1; i < result.heardUs.size(); ++i) {
      longestS =
          std::max(longestS, irdrill::core::usToSeconds(result.heardUs[i] - result.heardUs[i - 1]));
    }
  }
  const double p = (183'000.0 - 376) / 730'000;
  const double expectedIndependentRuns = events * p * std::pow(1 - p, 22);
  INFO("longest silence " << longestS << " s over " << hours << " tag-hours; independent "
                          << "reception would give " << expectedIndependentRuns
                          << " silences of 22 or more missed events");
  CHECK(static_cast<double>(heard) / events == Approx(p).epsilon(0.02));
  CHECK(longestS <= 22 * 1.010);
  CHECK(expectedIndependentRuns > 50);  // so seeing none is not luck (P ~ e^-50)
}

TEST_CASE("A tag interval equal to the scan interval gives long silences (resonance)") {
  // Tag 730 ms, scanner balanced 183/730 ms: the event's phase in the scan interval
  // moves only by advDelay, 0-10 ms (mean 5 ms) per event. The arc
  // (W - a, T - 2s) = (182.624, 728.848) ms where nothing can be heard is 546.224 ms
  // long, so each crossing of it is a run of at least 546.224 / 10 -> 54 missed events,
  // a silence of at least 55 spacings = 40.2 s. A crossing of the whole 730 ms cycle
  // takes 730 / 5 = 146 events of 735 ms on average: one long silence per 107.3 s,
  // 33.5 per hour, while the fraction of events heard is still (W - a) / T.
  // With independent reception, a run of 54 misses has probability (1 - p)^54 ~ 2e-7.
  const ScanModeDef mode = builtInScanModes().at("balanced");
  TagDef tag;
  tag.advertisingIntervalMs = 730;
  RandomEngine engine = irdrill::core::RandomStreams(7, 0).stream("test.resonance");
  const double hours = 20;
  const HeardEvents result =
      heardEvents(mode, tag, irdrill::core::secondsToUs(hours * 3600), engine);
  const std::vector<TimeUs>& times = result.heardUs;
  int longSilences = 0;
  for (std::size_t i = 1; i < times.size(); ++i) {
    const double silenceS = irdrill::core::usToSeconds(times[i] - times[i - 1]);
    if (silenceS > 10) {
      // A silence is either a few misses at an edge of the arc (the hearing condition
      // differs by s per channel there, so hits and misses can alternate for a couple of
      // events) or a full crossing of the dead arc; nothing in between.
      CHECK(silenceS >= 55 * 0.730);
      ++longSilences;
    }
  }
  const double p = (183'000.0 - 376) / 730'000;
  const double heardFraction = static_cast<double>(times.size()) / result.events;
  INFO(longSilences << " silences over 40 s in " << hours << " h; heard " << heardFraction);
  CHECK(heardFraction == Approx(p).epsilon(0.05));
  // Crossings are a renewal process with mean 107.3 s: 671 expected in 20 h; the
  // count's spread is small (each crossing sums 146 advDelays): 10 % tolerance.
  CHECK(longSilences == Approx(hours * 3600 / 107.31).epsilon(0.10));
  CHECK(result.events * p * std::pow(1 - p, 54) < 0.01);
}
