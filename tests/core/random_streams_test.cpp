#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <vector>

#include <boost/random/uniform_01.hpp>

#include "sim/core/random_streams.hpp"

using irdrill::core::RandomEngine;
using irdrill::core::RandomStreams;

namespace {
std::vector<std::uint64_t> firstDraws(RandomEngine engine, int n) {
  std::vector<std::uint64_t> draws;
  for (int i = 0; i < n; ++i) draws.push_back(engine());
  return draws;
}
}  // namespace

TEST_CASE("The engine is the standard 64-bit Mersenne Twister") {
  // ISO C++ [rand.predef]: the 10000th output of a default-constructed mt19937_64.
  RandomEngine engine;
  engine.discard(9999);
  CHECK(engine() == 9981545732273789042ULL);
}

TEST_CASE("The hash building blocks match their published test vectors") {
  // SplitMix64 (Steele, Lea, Flood 2014) seeded with 0 first outputs 0xE220A8397B1DCDAF.
  CHECK(irdrill::core::splitMix64(0) == 0xE220A8397B1DCDAFULL);
  // FNV-1a 64 (Fowler, Noll, Vo): "" -> offset basis, "a" -> 0xAF63DC4C8601EC8C.
  CHECK(irdrill::core::fnv1a64("") == 0xCBF29CE484222325ULL);
  CHECK(irdrill::core::fnv1a64("a") == 0xAF63DC4C8601EC8CULL);
  CHECK(irdrill::core::fnv1a64("foobar") == 0x85944171F73967E8ULL);
}

TEST_CASE("Golden: the first draws of named streams are pinned") {
  // Any change to the derivation documented in random_streams.hpp breaks these, on
  // purpose: it would silently change every published result.
  const RandomStreams streams(42, 7);
  CHECK(irdrill::core::deriveStreamSeed({42, 7, "radio.fading", 3}) == 0x368835F08D973D94ULL);
  CHECK(firstDraws(streams.stream("radio.fading", 3), 3) ==
        std::vector<std::uint64_t>{0x6D8845D6DF2B8A03ULL, 0xF91E73F38027092FULL,
                                    0xA1F669697DB485FEULL});
  CHECK(firstDraws(RandomStreams(1, 0).stream("phold"), 2) ==
        std::vector<std::uint64_t>{0x8157869524CF3913ULL, 0x45C34A0D7D8698E4ULL});
}

TEST_CASE("The same key gives the same draws") {
  const RandomStreams a(123, 4);
  const RandomStreams b(123, 4);
  CHECK(firstDraws(a.stream("attacker.thief", 9), 100) ==
        firstDraws(b.stream("attacker.thief", 9), 100));
}

TEST_CASE("Streams differ by master seed, replication, subsystem and entity") {
  const auto reference = firstDraws(RandomStreams(1, 0).stream("radio", 0), 8);
  CHECK(firstDraws(RandomStreams(2, 0).stream("radio", 0), 8) != reference);
  CHECK(firstDraws(RandomStreams(1, 1).stream("radio", 0), 8) != reference);
  CHECK(firstDraws(RandomStreams(1, 0).stream("radiO", 0), 8) != reference);
  CHECK(firstDraws(RandomStreams(1, 0).stream("radio", 1), 8) != reference);
  // Swapping the roles of replication and entity must not collide either.
  CHECK(firstDraws(RandomStreams(1, 0).stream("radio", 1), 8) !=
        firstDraws(RandomStreams(1, 1).stream("radio", 0), 8));
}

TEST_CASE("Neighbouring streams are uncorrelated") {
  // Sample correlation of 20,000 uniform pairs from adjacent entities and replications:
  // for independent streams it is ~N(0, 1/n), so |r| < 5/sqrt(n) = 0.035 fails by chance
  // with probability below 1e-6.
  const int n = 20'000;
  auto correlation = [n](RandomEngine x, RandomEngine y) {
    boost::random::uniform_01<double> u;
    double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
    for (int i = 0; i < n; ++i) {
      const double a = u(x), b = u(y);
      sx += a, sy += b, sxx += a * a, syy += b * b, sxy += a * b;
    }
    const double cov = sxy / n - (sx / n) * (sy / n);
    return cov / std::sqrt((sxx / n - (sx / n) * (sx / n)) * (syy / n - (sy / n) * (sy / n)));
  };
  const RandomStreams streams(99, 0);
  for (std::uint64_t entity = 0; entity < 5; ++entity) {
    CHECK(std::abs(correlation(streams.stream("tag", entity), streams.stream("tag", entity + 1))) <
          0.035);
    CHECK(std::abs(correlation(RandomStreams(99, entity).stream("tag"),
                               RandomStreams(99, entity + 1).stream("tag"))) < 0.035);
  }
}
