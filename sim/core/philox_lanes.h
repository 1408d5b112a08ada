#pragma once
// Philox4x32-10 on many blocks at once, one block per 32-bit lane (core/philox_batch.h), written
// once over the lane operations of a vector type (Ops). Included by philox_batch.cpp (SSE2) and
// philox_batch_avx2.cpp (compiled with -mavx2); the anonymous namespace gives each its own copy.
#include <immintrin.h>

#include "core/philox_batch.h"

namespace tribune {
namespace {

constexpr uint32_t kM0 = 0xD2511F53u, kM1 = 0xCD9E8D57u;  // PHILOX_M4x32_0, _1
constexpr uint32_t kW0 = 0x9E3779B9u, kW1 = 0xBB67AE85u;  // PHILOX_W32_0, _1 (key bumps)

// The ten rounds on N groups of lanes, interleaved so that independent chains hide the
// multiplies' latency: a round maps (c0, c1, c2, c3) to (hi(M1 c2) ^ c1 ^ k0, lo(M1 c2),
// hi(M0 c0) ^ c3 ^ k1, lo(M0 c0)), and the key is bumped between rounds (Random123's philox.h).
template <class Ops, int N>
inline void rounds(r123::Philox4x32::key_type key, typename Ops::V (&v0)[N], typename Ops::V (&v1)[N],
                   typename Ops::V (&v2)[N], typename Ops::V (&v3)[N]) {
  using V = typename Ops::V;
  const V m0 = Ops::splat(kM0), m1 = Ops::splat(kM1);
  uint32_t k0 = key.v[0], k1 = key.v[1];
#pragma GCC unroll 10
  for (int r = 0; r < 10; ++r) {
    const V key0 = Ops::splat(k0), key1 = Ops::splat(k1);
#pragma GCC unroll 4
    for (int g = 0; g < N; ++g) {
      V lo0, hi0, lo1, hi1;
      Ops::mulhilo(v0[g], m0, lo0, hi0);
      Ops::mulhilo(v2[g], m1, lo1, hi1);
      v0[g] = Ops::xor3(hi1, v1[g], key0);
      v2[g] = Ops::xor3(hi0, v3[g], key1);
      v1[g] = lo1, v3[g] = lo0;
    }
    k0 += kW0, k1 += kW1;
  }
}

// Counters (c0, lo32(first + j), c2, hi32(first + j)) into lanes, the rounds, the words out.
template <class Ops>
inline void batch(r123::Philox4x32::key_type key, uint32_t c0, uint64_t first, uint32_t c2,
                  uint32_t out[4][kBatchBlocks]) {
  using V = typename Ops::V;
  constexpr int N = kBatchBlocks / Ops::kLanes;
  alignas(32) uint32_t lo[kBatchBlocks], hi[kBatchBlocks];
  for (int j = 0; j < kBatchBlocks; ++j) {
    const uint64_t b = first + static_cast<uint64_t>(j);
    lo[j] = static_cast<uint32_t>(b), hi[j] = static_cast<uint32_t>(b >> 32);
  }
  V v0[N], v1[N], v2[N], v3[N];
#pragma GCC unroll 4
  for (int g = 0; g < N; ++g) {
    v0[g] = Ops::splat(c0), v2[g] = Ops::splat(c2);
    v1[g] = Ops::load(lo + g * Ops::kLanes), v3[g] = Ops::load(hi + g * Ops::kLanes);
  }
  rounds<Ops, N>(key, v0, v1, v2, v3);
#pragma GCC unroll 4
  for (int g = 0; g < N; ++g) {
    Ops::store(out[0] + g * Ops::kLanes, v0[g]), Ops::store(out[1] + g * Ops::kLanes, v1[g]);
    Ops::store(out[2] + g * Ops::kLanes, v2[g]), Ops::store(out[3] + g * Ops::kLanes, v3[g]);
  }
}

// The 32 x 32 -> 64-bit products of the even and of the odd lanes, their low and high halves
// gathered by lane (within each 128-bit half for AVX2).
#define TRIBUNE_PHILOX_OPS(NAME, VEC, LANES, PFX, SFX)                                                      \
  struct NAME {                                                                                            \
    using V = VEC;                                                                                         \
    static constexpr int kLanes = LANES;                                                                   \
    static V splat(uint32_t x) { return PFX##_set1_epi32(static_cast<int>(x)); }                           \
    static V xor3(V a, V b, V c) { return PFX##_xor_##SFX(a, PFX##_xor_##SFX(b, c)); }                     \
    static void mulhilo(V a, V m, V& lo, V& hi) {                                                          \
      const V e = PFX##_shuffle_epi32(PFX##_mul_epu32(a, m), _MM_SHUFFLE(3, 1, 2, 0));                     \
      const V o = PFX##_shuffle_epi32(PFX##_mul_epu32(PFX##_srli_epi64(a, 32), m), _MM_SHUFFLE(3, 1, 2, 0)); \
      lo = PFX##_unpacklo_epi32(e, o);                                                                     \
      hi = PFX##_unpackhi_epi32(e, o);                                                                     \
    }                                                                                                      \
    static V load(const uint32_t* p) { return PFX##_loadu_##SFX(reinterpret_cast<const V*>(p)); }          \
    static void store(uint32_t* p, V v) { PFX##_storeu_##SFX(reinterpret_cast<V*>(p), v); }                \
  };

}  // namespace
}  // namespace tribune
