// Stream seed derivation; the formula is documented in random_streams.hpp.
#include "sim/core/random_streams.hpp"

namespace irdrill::core {

std::uint64_t splitMix64(std::uint64_t x) {
  std::uint64_t z = x + 0x9E3779B97F4A7C15ULL;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

std::uint64_t fnv1a64(std::string_view bytes) {
  std::uint64_t hash = 0xCBF29CE484222325ULL;  // FNV-1a 64-bit offset basis
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001B3ULL;  // FNV 64-bit prime
  }
  return hash;
}

std::uint64_t deriveStreamSeed(const StreamKey& key) {
  std::uint64_t h = splitMix64(key.masterSeed);
  h = splitMix64(h ^ key.replication);
  h = splitMix64(h ^ fnv1a64(key.subsystem));
  return splitMix64(h ^ key.entity);
}

std::uint64_t deriveSaltedStreamSeed(const StreamKey& key, std::uint64_t salt) {
  return splitMix64(deriveStreamSeed(key) ^ splitMix64(salt ^ fnv1a64("irdrill.reseed")));
}

}  // namespace irdrill::core
