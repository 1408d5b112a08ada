#include "core/rng.h"

namespace tribune {

uint64_t hash_name(std::string_view name) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : name) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

static uint64_t splitmix(uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

RngKey make_key(uint64_t seed, uint64_t replicate, std::string_view mechanism) {
  uint64_t k = splitmix(splitmix(seed) ^ splitmix(replicate + 0x632BE59BD9B4E019ull) ^ hash_name(mechanism));
  RngKey key;
  key.v[0] = static_cast<uint32_t>(k);
  key.v[1] = static_cast<uint32_t>(k >> 32);
  return key;
}

}  // namespace tribune
