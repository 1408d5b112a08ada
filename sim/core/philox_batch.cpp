#include "core/philox_batch.h"

#include <atomic>

#include "core/cpu.h"
#include "core/philox_lanes.h"

namespace tribune {

namespace {
TRIBUNE_PHILOX_OPS(Sse2, __m128i, 4, _mm, si128)

std::atomic<bool> force_sse2{false};
}  // namespace

#ifdef TRIBUNE_HAVE_AVX2_PATH
void philox_batch_avx2(r123::Philox4x32::key_type key, uint32_t c0, uint64_t first, uint32_t c2,
                       uint32_t out[4][kBatchBlocks]);
#endif

void philox_batch(r123::Philox4x32::key_type key, uint32_t c0, uint64_t first, uint32_t c2,
                  uint32_t out[4][kBatchBlocks]) {
#ifdef TRIBUNE_HAVE_AVX2_PATH
  if (cpu_has_avx2() && !force_sse2.load(std::memory_order_relaxed)) return philox_batch_avx2(key, c0, first, c2, out);
#endif
  batch<Sse2>(key, c0, first, c2, out);
}

const char* philox_batch_path() {
  return cpu_has_avx2() && !force_sse2.load() ? "avx2" : "sse2";
}

void philox_batch_force_sse2(bool on) {
  force_sse2.store(on);
}

}  // namespace tribune
