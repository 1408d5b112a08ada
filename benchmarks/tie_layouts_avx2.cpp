// The lane loops of benchmarks/tie_layouts.h, compiled with -mavx2 (benchmarks/CMakeLists.txt) and
// called only when the CPU has AVX2.
#include <immintrin.h>

#include <algorithm>

#include "tie_layouts.h"

namespace tribune::bench {

#ifdef __AVX2__
namespace {
// Eight three-byte tie ends from 24 bytes (32 are read): the first four into the low 128 bits, the
// next four into the high, each widened to 32 bits.
inline __m256i eight_ends(const unsigned char* p) {
  const __m256i spread = _mm256_setr_epi32(0, 1, 2, 2, 3, 4, 5, 5);
  const __m256i widen = _mm256_setr_epi8(0, 1, 2, -1, 3, 4, 5, -1, 6, 7, 8, -1, 9, 10, 11, -1, 0, 1, 2, -1, 3, 4, 5,
                                         -1, 6, 7, 8, -1, 9, 10, 11, -1);
  return _mm256_shuffle_epi8(
      _mm256_permutevar8x32_epi32(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(p)), spread), widen);
}

struct Lanes {
  Lanes(const float* column, float epsilon, const float* own) : x(column), eps(_mm256_set1_ps(epsilon)), xi(_mm256_loadu_ps(own)) {}
  const float* x;
  __m256 eps, xi;
  __m256 abs_mask = _mm256_castsi256_ps(_mm256_set1_epi32(0x7fffffff)), sum = _mm256_setzero_ps();
  __m256i count = _mm256_setzero_si256();
  // One slot: each live lane's tie, compared, masked and added to that lane's sum (tie order).
  void slot(__m256 live, __m256i j) {
    const __m256 v = _mm256_mask_i32gather_ps(_mm256_setzero_ps(), x, j, live, 4);
    const __m256 in = _mm256_and_ps(live, _mm256_cmp_ps(_mm256_and_ps(_mm256_sub_ps(v, xi), abs_mask), eps, _CMP_LE_OQ));
    sum = _mm256_add_ps(sum, _mm256_and_ps(v, in));
    count = _mm256_sub_epi32(count, _mm256_castps_si256(in));
  }
  void store(float* out) const { _mm256_storeu_ps(out, _mm256_add_ps(sum, _mm256_cvtepi32_ps(count))); }
};
}  // namespace

void sum_padded_avx2(const PaddedLanes& L, const float* x, float eps, int64_t blocks, float* out) {
  for (int64_t b = 0; b < blocks; ++b) {
    Lanes s(x, eps, x + 8 * b);
    const __m256i degree = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(L.degree.data() + 8 * b));
    const unsigned char* p = L.ends.data() + 3 * L.base[static_cast<size_t>(b)];
    for (int t = 0; t < L.slots[static_cast<size_t>(b)]; ++t)
      s.slot(_mm256_castsi256_ps(_mm256_cmpgt_epi32(degree, _mm256_set1_epi32(t))), eight_ends(p + 24 * t));
    s.store(out + 8 * b);
  }
}

void sum_tailed_avx2(const TailedLanes& L, const int64_t* offsets, const float* x, float eps, int64_t blocks,
                     float* out) {
  const __m256 all = _mm256_castsi256_ps(_mm256_set1_epi32(-1));
  const __m256i low24 = _mm256_set1_epi32(0xffffff), to_end = _mm256_setr_epi32(8, 7, 6, 5, 4, 3, 2, 1);
  for (int64_t b = 0; b < blocks; ++b) {
    Lanes s(x, eps, x + 8 * b);
    const __m256i degree = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(L.degree.data() + 8 * b));
    const int64_t first = offsets[8 * b];
    const unsigned char* p = L.ends.data() + 3 * first;
    const int m = L.shortest[static_cast<size_t>(b)];
    int t = 0;
    for (; t < m; ++t) s.slot(all, eight_ends(p + 24 * t));
    int longest = 0;
    alignas(32) int32_t rel[8];
    for (int l = 0; l < 8; ++l) {
      rel[l] = static_cast<int32_t>(offsets[8 * b + l] - first);
      longest = std::max<int>(longest, static_cast<int>(offsets[8 * b + l + 1] - offsets[8 * b + l]));
    }
    // Lane l's tail starts at offsets[i] + (8 - l) * m (a tie index relative to the block's first).
    const __m256i tail = _mm256_add_epi32(_mm256_load_si256(reinterpret_cast<const __m256i*>(rel)),
                                          _mm256_mullo_epi32(to_end, _mm256_set1_epi32(m)));
    for (; t < longest; ++t) {
      const __m256i live = _mm256_cmpgt_epi32(degree, _mm256_set1_epi32(t));
      const __m256i at = _mm256_mullo_epi32(_mm256_add_epi32(tail, _mm256_set1_epi32(t - m)), _mm256_set1_epi32(3));
      const __m256i j = _mm256_and_si256(
          _mm256_mask_i32gather_epi32(_mm256_setzero_si256(), reinterpret_cast<const int*>(p), at, live, 1), low24);
      s.slot(_mm256_castsi256_ps(live), j);
    }
    s.store(out + 8 * b);
  }
}
#else
void sum_padded_avx2(const PaddedLanes&, const float*, float, int64_t, float*) {}
void sum_tailed_avx2(const TailedLanes&, const int64_t*, const float*, float, int64_t, float*) {}
#endif

}  // namespace tribune::bench
