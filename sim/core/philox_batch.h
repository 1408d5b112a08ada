#pragma once
// Sixteen consecutive Philox4x32-10 blocks at once, in SIMD lanes (AVX2 when the CPU has it, SSE2
// otherwise). The words are the scalar Random123 function's, bit for bit (integer arithmetic
// only; rng_test compares them): only the speed depends on the CPU.
#include <Random123/philox.h>

#include <cstdint>

namespace tribune {

inline constexpr int kBatchBlocks = 16;

// Words of the blocks at counters (c0, lo32(first + j), c2, hi32(first + j)), j = 0..15, under key:
// out[w][j] is word w of block j.
void philox_batch(r123::Philox4x32::key_type key, uint32_t c0, uint64_t first, uint32_t c2,
                  uint32_t out[4][kBatchBlocks]);

// Which code path philox_batch takes on this CPU ("avx2" or "sse2"), for tests and benchmarks;
// force_sse2 makes later calls take the SSE2 path (tests compare the two).
const char* philox_batch_path();
void philox_batch_force_sse2(bool on);

}  // namespace tribune
