#include "core/rng.h"

#include "core/philox_batch.h"

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

uint32_t AgentWords::refill(uint64_t agent) {
  const uint64_t block = agent >> 2;
  const uint32_t c2 = purpose_ ^ 0x80000000u;
  if (filled_ > 0 && block == first_ + filled_) {  // read densely: the next kBatchBlocks at once
    philox_batch(key_, tick_, block, c2, buf_);
    filled_ = kBatchBlocks;
  } else {
    const r123::Philox4x32::ctr_type ctr = {{tick_, static_cast<uint32_t>(block), c2, static_cast<uint32_t>(block >> 32)}};
    const auto out = r123::Philox4x32()(ctr, key_);
    for (int w = 0; w < 4; ++w) buf_[w][0] = out.v[w];
    filled_ = 1;
  }
  first_ = block;
  return buf_[agent & 3][0];
}

uint32_t StreamHeads::refill(uint64_t agent) {
  if (agent - last_ <= kDenseGap && ((agent + kBatchBlocks) >> 32) == 0) {
    // Dense: agents agent..agent+15 at once. Below 2^32 their Stream counters, (tick, agent,
    // purpose, 0), are the batch's (c0, lo32(agent), c2, hi32(agent)).
    uint32_t out[4][kBatchBlocks];
    philox_batch(key_, tick_, agent, purpose_, out);
    for (int j = 0; j < kBatchBlocks; ++j) buf_[j] = out[0][j];
    filled_ = kBatchBlocks;
  } else {
    buf_[0] = Stream(key_, tick_, agent, purpose_)();
    filled_ = 1;
  }
  first_ = agent;
  return buf_[0];
}

}  // namespace tribune
