#pragma once
// Counter-based random streams (Random123 Philox4x32-10), keyed by identity, never by thread.
//
//   key     = hash(seed, replicate, mechanism name)     -- one key per mechanism
//   counter = (tick, agent, purpose, draw block)        -- one stream per agent, tick and purpose
//
// A Stream is a UniformRandomBitGenerator, so Boost.Random's distributions run on it. Because a
// draw depends only on these identities, results do not depend on the number of threads or the
// chunk size, and switching a mechanism off does not move another mechanism's draws.
#include <Random123/philox.h>

#include <cstdint>
#include <limits>
#include <string_view>

namespace tribune {

// Tick value used for draws made while building the world, before tick 0.
inline constexpr uint32_t kSetupTick = 0xFFFFFFFFu;

using RngKey = r123::Philox4x32::key_type;

uint64_t hash_name(std::string_view name);  // FNV-1a, 64 bits
RngKey make_key(uint64_t seed, uint64_t replicate, std::string_view mechanism);

class Stream {
 public:
  using result_type = uint32_t;
  Stream(RngKey key, uint32_t tick, uint64_t agent, uint32_t purpose) : key_(key) {
    ctr_.v[0] = tick;
    ctr_.v[1] = static_cast<uint32_t>(agent);
    ctr_.v[2] = purpose ^ (static_cast<uint32_t>(agent >> 32) << 16);
    ctr_.v[3] = 0;
  }
  static constexpr result_type min() { return 0; }
  static constexpr result_type max() { return std::numeric_limits<result_type>::max(); }
  result_type operator()() {
    if (used_ == 4) refill();
    return buf_.v[used_++];
  }
  // Uniform in [0, 1) with 32 bits of resolution, without going through a distribution object.
  double uniform() { return (*this)() * (1.0 / 4294967296.0); }

 private:
  void refill() {
    buf_ = r123::Philox4x32()(ctr_, key_);
    ++ctr_.v[3];
    used_ = 0;
  }
  RngKey key_;
  r123::Philox4x32::ctr_type ctr_{};
  r123::Philox4x32::ctr_type buf_{};
  int used_ = 4;
};

// The streams of one mechanism in one run.
class Streams {
 public:
  Streams(uint64_t seed, uint64_t replicate, std::string_view mechanism)
      : key_(make_key(seed, replicate, mechanism)) {}
  Stream at(uint32_t tick, uint64_t agent, uint32_t purpose = 0) const { return Stream(key_, tick, agent, purpose); }

 private:
  RngKey key_;
};

}  // namespace tribune
