// Named, independent random streams.
//
// Every random draw in irdrill comes from a stream identified by
//   (master seed, replication index, subsystem name, entity id),
// so changing one model (adding a draw to the radio, say) never shifts the draws of
// another (the thief, the team): streams are not numbered in creation order.
//
// Derivation (changing it changes every result; tests/core pin golden draws):
//   mix(x)   = SplitMix64 output function: z = x + 0x9E3779B97F4A7C15;
//              z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
//              z = (z ^ (z >> 27)) * 0x94D049BB133111EB; return z ^ (z >> 31)
//   name(s)  = 64-bit FNV-1a of the subsystem name's bytes
//   seed     = mix(mix(mix(mix(masterSeed) ^ replication) ^ name(subsystem)) ^ entity)
// and the stream is a boost::random::mt19937_64 seeded with `seed`.
//
// Re-seeding "from here" (what-if replications that keep the past and re-draw the
// future; Exercise::reseedFrom). A salt turns every stream into a new one:
//   salted(seed, salt) = mix(seed ^ mix(salt ^ name("irdrill.reseed")))
// where `seed` is the stream's key seed above. The same key and salt always give the same
// stream; distinct salts give unrelated streams; salted(seed, salt) is never the unsalted
// seed's stream (that would need mix(...) to cancel, an accident of probability 2^-64).
// A re-seed replaces an engine by the salted stream of its own key, started from its
// first draw: the draws made before it are kept, the ones after it are re-drawn.
//
// Only Boost.Random engines and Boost distributions are used: the std:: distributions
// are implementation-defined and differ between standard libraries.
#pragma once

#include <cstdint>
#include <string_view>

#include <boost/random/mersenne_twister.hpp>

namespace irdrill::core {

using RandomEngine = boost::random::mt19937_64;

struct StreamKey {
  std::uint64_t masterSeed = 0;
  std::uint64_t replication = 0;
  std::string_view subsystem;  // e.g. "radio.fading", "attacker.thief"
  std::uint64_t entity = 0;    // e.g. a tag id; 0 for subsystem-wide streams
};

std::uint64_t splitMix64(std::uint64_t x);
std::uint64_t fnv1a64(std::string_view bytes);
std::uint64_t deriveStreamSeed(const StreamKey& key);
// The seed of the key's stream under a re-seeding salt (formula above).
std::uint64_t deriveSaltedStreamSeed(const StreamKey& key, std::uint64_t salt);

// The streams of one replication. Cheap to copy; holds no engine state itself. Once
// salted (reseed holders call salted()), every stream it hands out is the salted one, so
// an engine created after a re-seed (a new incident's) is re-drawn too.
class RandomStreams {
 public:
  RandomStreams(std::uint64_t masterSeed, std::uint64_t replication)
      : masterSeed_(masterSeed), replication_(replication) {}

  RandomEngine stream(std::string_view subsystem, std::uint64_t entity = 0) const {
    const StreamKey key{masterSeed_, replication_, subsystem, entity};
    return RandomEngine(salted_ ? deriveSaltedStreamSeed(key, salt_) : deriveStreamSeed(key));
  }
  // The same streams under `salt` (replacing any earlier salt).
  RandomStreams salted(std::uint64_t salt) const {
    RandomStreams out = *this;
    out.salted_ = true;
    out.salt_ = salt;
    return out;
  }
  std::uint64_t masterSeed() const { return masterSeed_; }
  std::uint64_t replication() const { return replication_; }

 private:
  std::uint64_t masterSeed_;
  std::uint64_t replication_;
  bool salted_ = false;
  std::uint64_t salt_ = 0;
};

}  // namespace irdrill::core
