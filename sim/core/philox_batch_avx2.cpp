// The AVX2 path of philox_batch (eight lanes); this file alone is compiled with -mavx2
// (sim/CMakeLists.txt) and is called only when the CPU has AVX2.
#include "core/philox_lanes.h"

namespace tribune {

#ifdef __AVX2__
namespace {
TRIBUNE_PHILOX_OPS(Avx2, __m256i, 8, _mm256, si256)
}  // namespace

void philox_batch_avx2(r123::Philox4x32::key_type key, uint32_t c0, uint64_t first, uint32_t c2,
                       uint32_t out[4][kBatchBlocks]) {
  batch<Avx2>(key, c0, first, c2, out);
}
#endif

}  // namespace tribune
