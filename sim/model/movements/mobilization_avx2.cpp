// M28's decision in AVX2 lanes (mobilization_classify.h). This file alone is compiled with -mavx2
// (sim/CMakeLists.txt; not FMA, so no multiply-add is fused and every rounding is the scalar
// code's) and uses only intrinsics and its own functions.
#include <immintrin.h>

#include "model/movements/mobilization_classify.h"

namespace tribune {

#ifdef __AVX2__
namespace {
// Four bits to four bytes (bit q to byte q's low bit).
constexpr uint32_t spread(unsigned bits) {
  return (bits & 1u) | ((bits & 2u) << 7) | ((bits & 4u) << 14) | ((bits & 8u) << 21);
}
constexpr uint32_t kSpread[16] = {spread(0),  spread(1),  spread(2),  spread(3), spread(4),  spread(5),
                                  spread(6),  spread(7),  spread(8),  spread(9), spread(10), spread(11),
                                  spread(12), spread(13), spread(14), spread(15)};

inline __m256d to_pd(__m128 v) { return _mm256_cvtps_pd(v); }
inline __m128 load4f(const float* p) { return _mm_loadu_ps(p); }
// table[index] in four lanes (the masked form: g++ 12 warns that the plain one's undefined
// source may be used).
inline __m256d gather(const double* table, __m128i index) {
  const __m256d all = _mm256_castsi256_pd(_mm256_set1_epi64x(-1));
  return _mm256_mask_i32gather_pd(_mm256_setzero_pd(), table, index, all, 8);
}
}  // namespace

void classify_avx2(const ClassifyInputs& c, int64_t lo, int64_t hi, uint8_t* out) {
  const __m256d gw = _mm256_set1_pd(c.grievance_weight), ill = _mm256_set1_pd(c.illegitimacy);
  const __m256d one_minus_hw = _mm256_set1_pd(1 - c.hope_weight), hw = _mm256_set1_pd(c.hope_weight);
  const __m256d per_hour = _mm256_set1_pd(c.per_hour), organized = _mm256_set1_pd(c.organized);
  const __m256d asked = _mm256_set1_pd(c.asked), social = _mm256_set1_pd(c.social);
  const __m256d boost = _mm256_set1_pd(c.boost), gathering = _mm256_set1_pd(c.gathering);
  const __m256d fatigue = _mm256_set1_pd(c.fatigue), zero = _mm256_setzero_pd(), one = _mm256_set1_pd(1.0);
  const __m128i tick = _mm_set1_epi32(c.tick), minus_one = _mm_set1_epi32(-1);
  int64_t i = lo;
  for (; i + 4 <= hi; i += 4) {
    const __m128i jailed = _mm_cmpgt_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(c.jailed + i)), tick);
    const __m128i d = _mm_cvtepu16_epi32(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(c.district + i)));
    // g = grievance_weight * grievance * illegitimacy * (1 - hope_weight + hope_weight * hope)
    const __m256d g = _mm256_mul_pd(
        _mm256_mul_pd(_mm256_mul_pd(gw, to_pd(load4f(c.grievance + i))), ill),
        _mm256_add_pd(one_minus_hw, _mm256_mul_pd(hw, to_pd(load4f(c.hope + i)))));
    // organized_i = o >= 0 && given > 0 ? min(organized, per_hour * given * movement_share[o]) : 0
    int32_t org4;
    __builtin_memcpy(&org4, c.org + i, 4);
    const __m128i o = _mm_cvtepi8_epi32(_mm_cvtsi32_si128(org4));
    const __m128 given = load4f(c.given + i);
    const __m128 member = _mm_and_ps(_mm_castsi128_ps(_mm_cmpgt_epi32(o, minus_one)), _mm_cmpgt_ps(given, _mm_setzero_ps()));
    const __m128 share = _mm_mask_i32gather_ps(_mm_setzero_ps(), c.movement_share, _mm_and_si128(o, _mm_castps_si128(member)), member, 4);
    const __m256d organized_i = _mm256_and_pd(
        _mm256_min_pd(_mm256_mul_pd(_mm256_mul_pd(per_hour, to_pd(given)), to_pd(share)), organized),
        _mm256_castsi256_pd(_mm256_cvtepi32_epi64(_mm_castps_si128(member))));
    int32_t tired4, called4;
    __builtin_memcpy(&tired4, c.tiredness + i, 4);
    __builtin_memcpy(&called4, c.called + i, 4);
    const __m256d tired = _mm256_mul_pd(fatigue, _mm256_cvtepi32_pd(_mm_cvtepu8_epi32(_mm_cvtsi32_si128(tired4))));
    const __m256d risky = _mm256_mul_pd(to_pd(load4f(c.risk_aversion + i)), gather(c.risk, d));
    const __m256d call = _mm256_mul_pd(boost, _mm256_cvtepi32_pd(_mm_cvtepu8_epi32(_mm_cvtsi32_si128(called4))));
    const __m256d a = gather(c.ask, d);
    const __m256d may_ask = _mm256_cmp_pd(a, zero, _CMP_GT_OQ);
    // net(asked_i, s) = g + organized_i + asked_i + social * s - risky + call - gathering - tired
    auto net = [&](__m256d asked_i, __m256d s) {
      __m256d x = _mm256_add_pd(_mm256_add_pd(g, organized_i), asked_i);
      x = _mm256_sub_pd(_mm256_add_pd(x, _mm256_mul_pd(social, s)), risky);
      return _mm256_sub_pd(_mm256_sub_pd(_mm256_add_pd(x, call), gathering), tired);
    };
    const __m256d t = to_pd(load4f(c.threshold + i));
    const __m256d high = net(_mm256_and_pd(may_ask, asked), one), low = net(zero, zero);
    // The lanes between: s, the share of ties out, decides, with or without being asked.
    const __m128i off_lo = _mm_loadu_si128(reinterpret_cast<const __m128i*>(c.offsets + i));
    const __m128i off_hi = _mm_loadu_si128(reinterpret_cast<const __m128i*>(c.offsets + i + 2));
    const __m128i off_lo1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(c.offsets + i + 1));
    const __m128i off_hi1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(c.offsets + i + 3));
    const __m128i deg01 = _mm_sub_epi64(off_lo1, off_lo), deg23 = _mm_sub_epi64(off_hi1, off_hi);
    // The low 32 bits of each degree (a person's ties fit), in order.
    const __m128i deg = _mm_castps_si128(
        _mm_shuffle_ps(_mm_castsi128_ps(deg01), _mm_castsi128_ps(deg23), _MM_SHUFFLE(2, 0, 2, 0)));
    const __m256d degree = _mm256_cvtepi32_pd(deg);
    const __m256d ties_out = _mm256_cvtepi32_pd(
        _mm_cvtepu16_epi32(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(c.protest_ties + i))));
    const __m256d has_ties = _mm256_cmp_pd(degree, zero, _CMP_GT_OQ);
    // degree > 0 ? ties_out / degree : 0 (the division of a lane without ties is discarded)
    const __m256d s = _mm256_and_pd(has_ties, _mm256_div_pd(ties_out, _mm256_max_pd(degree, one)));
    const unsigned unasked = static_cast<unsigned>(_mm256_movemask_pd(_mm256_cmp_pd(net(zero, s), t, _CMP_GE_OQ)));
    const unsigned if_asked = static_cast<unsigned>(
        _mm256_movemask_pd(_mm256_cmp_pd(net(_mm256_and_pd(may_ask, asked), s), t, _CMP_GE_OQ)));
    const unsigned stay = static_cast<unsigned>(_mm256_movemask_pd(_mm256_cmp_pd(high, t, _CMP_LT_OQ))) |
                          static_cast<unsigned>(_mm_movemask_ps(_mm_castsi128_ps(jailed)));
    const unsigned go = static_cast<unsigned>(_mm256_movemask_pd(_mm256_cmp_pd(low, t, _CMP_GE_OQ))) & ~stay;
    const unsigned open = ~stay & ~go & 15u;
    // Being asked decides (net rises with it, so only "home unless asked" is possible).
    const unsigned draw = open & ~unasked & if_asked;
    const unsigned yes = go | (open & unasked);
    const uint32_t bytes = kSpread[yes] | (kSpread[draw] << 1);
    __builtin_memcpy(out + (i - lo), &bytes, 4);
  }
  for (; i < hi; ++i) out[i - lo] = kScalar;
}
#endif

}  // namespace tribune
