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

#include "core/philox_batch.h"

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

// One 32-bit word per agent, four agents to a Philox block: agent i gets word i % 4 of the
// block at counter (tick, i / 4, purpose). Keyed by identity like Stream, so independent of
// threads and chunks, at a quarter of the cost; for mechanisms that need one draw per agent.
// Use one instance per thread over increasing agent ids. Read densely (each block right after
// the last), it computes sixteen blocks at a time in SIMD lanes (core/philox_batch.h); read
// sparsely, one at a time. The words are the same either way.
class AgentWords {
 public:
  AgentWords(RngKey key, uint32_t tick, uint32_t purpose) : key_(key), tick_(tick), purpose_(purpose) {}
  uint32_t operator()(uint64_t agent) {
    const uint64_t at = (agent >> 2) - first_;
    if (at >= filled_) return refill(agent);
    return buf_[agent & 3][at];
  }
  // Uniform in [-1, 1).
  double symmetric(uint64_t agent) { return (*this)(agent) * (2.0 / 4294967296.0) - 1.0; }

 private:
  uint32_t refill(uint64_t agent);
  RngKey key_;
  uint32_t tick_, purpose_;
  uint64_t first_ = 0, filled_ = 0;  // blocks [first_, first_ + filled_) are in buf_
  alignas(32) uint32_t buf_[4][kBatchBlocks];
};

// The first word of each agent's Stream(key, tick, agent, purpose), bit for bit, for a pass over
// increasing agents that draws once for many of them (mobilization's weekly recovery, where
// almost everyone may be resting after a wave). Read densely (the agent at most kDenseGap after
// the last one read), the next sixteen agents' blocks are computed at once in SIMD lanes
// (core/philox_batch.h: its counters are the Stream's for agents below 2^32); read sparsely, one
// block at a time, as Stream does. The words are the same either way.
class StreamHeads {
 public:
  static constexpr uint64_t kDenseGap = 2;
  StreamHeads(RngKey key, uint32_t tick, uint32_t purpose) : key_(key), tick_(tick), purpose_(purpose) {}
  uint32_t operator()(uint64_t agent) {
    const uint64_t at = agent - first_;
    const uint32_t word = at < filled_ ? buf_[at] : refill(agent);
    last_ = agent;
    return word;
  }
  // Stream::uniform() of the agent's stream: uniform in [0, 1).
  double uniform(uint64_t agent) { return (*this)(agent) * (1.0 / 4294967296.0); }

 private:
  uint32_t refill(uint64_t agent);
  RngKey key_;
  uint32_t tick_, purpose_;
  uint64_t first_ = 0, filled_ = 0;  // agents [first_, first_ + filled_) are in buf_
  uint64_t last_ = ~uint64_t{0} - kDenseGap;  // the last agent read (none yet: never dense)
  uint32_t buf_[kBatchBlocks];
};

// The streams of one mechanism in one run.
class Streams {
 public:
  Streams(uint64_t seed, uint64_t replicate, std::string_view mechanism) : key_(make_key(seed, replicate, mechanism)) {}
  Stream at(uint32_t tick, uint64_t agent, uint32_t purpose = 0) const { return Stream(key_, tick, agent, purpose); }
  AgentWords words(uint32_t tick, uint32_t purpose = 0) const { return AgentWords(key_, tick, purpose); }
  StreamHeads heads(uint32_t tick, uint32_t purpose = 0) const { return StreamHeads(key_, tick, purpose); }

 private:
  RngKey key_;
};

}  // namespace tribune
