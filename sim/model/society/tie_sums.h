#pragma once
// The inner loops of M4 opinion and M3 hope over one person's ties: the trusted ties' ideology
// (|x_j - x_i| <= epsilon) summed and counted, and the ties' hope summed, each sum in tie order.
//
// On x86-64 the tie's ideology and hope sit in the low lanes of one SSE register: one 8-byte
// load, a compare that yields a mask, the masked value added and the mask subtracted from the
// count: 11 instructions a tie against 19 for the scalar loop, and 0.57 against 0.98 ns a tie in
// a micro-benchmark of 10^4 persons with 16 ties each, where the scalar loop's two chains of
// dependent additions (ideology and hope) were the bound (docs/performance.md). Lanes add independently and in the
// same order as the scalar code, so both paths give the same bits; the scalar path is the
// reference elsewhere (tests/unit/test_tie_sums.cpp checks that they agree).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <type_traits>

#include "core/prefetch.h"

#if defined(__SSE2__) && !defined(TRIBUNE_SCALAR_TIES)
#include <emmintrin.h>
#define TRIBUNE_SSE_TIES 1
#endif

namespace tribune::influence {

// v when in is 1, +0 when it is 0, without a branch (the flag is unpredictable) and without
// turning it into a float.
inline float masked(float v, int in) {
  uint32_t bits;
  std::memcpy(&bits, &v, sizeof bits);
  bits &= 0u - static_cast<uint32_t>(in);
  std::memcpy(&v, &bits, sizeof v);
  return v;
}

struct TieSums {
  float trusted = 0;  // sum of the trusted ties' ideology
  int count = 0;      // how many ties are trusted
  float hope = 0;     // sum of every tie's hope
};

// The reference: the same sums, one float at a time. An untrusted tie adds +0, as the vector
// path's masked value does (a sum never becomes -0: it starts at +0 and +0 + -0 is +0).
template <bool kHope, bool kPrefetch, class Ends>
inline TieSums sum_pairs_scalar(const float* pairs, Ends nbr, int64_t b, int64_t e, int64_t last, float xi, float eps) {
  TieSums s;
  for (int64_t k = b; k < e; ++k) {
    if constexpr (kPrefetch) prefetch_tie(pairs, nbr, k, last, 2);
    const float* j = pairs + 2 * int64_t{nbr[k]};
    const int in = std::fabs(j[0] - xi) <= eps;
    s.trusted += masked(j[0], in);
    s.count += in;
    if constexpr (kHope) s.hope += j[1];
  }
  return s;
}

// nbr: the tie ends (world/tie_ends.h: TieIndexOf<3 or 4>, or TieIndex).
// pairs: ideology and hope of each person side by side; kHope: also sum the hope lane;
// kPrefetch: ask for the pair kTieAhead ties further on (core/prefetch.h).
#ifdef TRIBUNE_SSE_TIES
// kBounded: the prefetch keeps inside the CSR (the last rows); otherwise it need not check.
template <bool kHope, bool kPrefetch, bool kBounded, class Ends>
inline TieSums sum_pairs_sse(const float* pairs, Ends nbr, int64_t b, int64_t e, int64_t last, float xi, float eps) {
  const __m128 ref = _mm_set_ps(0.0f, 0.0f, 0.0f, xi);
  // Lane 1 (hope) is always taken: |h| <= infinity.
  const __m128 lim = _mm_set_ps(0.0f, 0.0f, INFINITY, eps);
  const __m128 abs_mask = _mm_castsi128_ps(_mm_set1_epi32(0x7fffffff));
  __m128 acc = _mm_setzero_ps();
  __m128i count = _mm_setzero_si128();
  auto ahead = [&](int64_t t) __attribute__((always_inline)) {
    if constexpr (kPrefetch && kBounded) prefetch_tie(pairs, nbr, t, last, 2);
    if constexpr (kPrefetch && !kBounded) prefetch_tie_in_range(pairs, nbr, t, 2);
  };
  // One 8-byte load of a pair (an unaligned, aliasing-safe load).
  auto pair = [&](int64_t t) __attribute__((always_inline)) {
    return _mm_castsi128_ps(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(pairs + 2 * int64_t{nbr[t]})));
  };
  int64_t k = b;
  // Four ties at a time: two pairs a register ([x, h, x', h']), compared and masked together, then
  // added to the sums one pair after another in tie order (the upper lanes of acc take sums
  // nobody reads). Lanes 0 and 2 count the trusted ties.
  {
    const __m128 ref2 = _mm_movelh_ps(ref, ref), lim2 = _mm_movelh_ps(lim, lim);
    for (; k + 4 <= e; k += 4) {
      ahead(k), ahead(k + 1), ahead(k + 2), ahead(k + 3);
      const __m128 v01 = _mm_movelh_ps(pair(k), pair(k + 1)), v23 = _mm_movelh_ps(pair(k + 2), pair(k + 3));
      const __m128 in01 = _mm_cmple_ps(_mm_and_ps(_mm_sub_ps(v01, ref2), abs_mask), lim2);
      const __m128 in23 = _mm_cmple_ps(_mm_and_ps(_mm_sub_ps(v23, ref2), abs_mask), lim2);
      const __m128 m01 = _mm_and_ps(v01, in01), m23 = _mm_and_ps(v23, in23);
      count = _mm_sub_epi32(_mm_sub_epi32(count, _mm_castps_si128(in01)), _mm_castps_si128(in23));
      acc = _mm_add_ps(acc, m01);
      acc = _mm_add_ps(acc, _mm_movehl_ps(m01, m01));
      acc = _mm_add_ps(acc, m23);
      acc = _mm_add_ps(acc, _mm_movehl_ps(m23, m23));
    }
    count = _mm_add_epi32(count, _mm_shuffle_epi32(count, 0x4e));  // lane 0: lanes 0 and 2
  }
  for (; k < e; ++k) {
    ahead(k);
    const __m128 v = pair(k);
    const __m128 in = _mm_cmple_ps(_mm_and_ps(_mm_sub_ps(v, ref), abs_mask), lim);
    acc = _mm_add_ps(acc, _mm_and_ps(v, in));
    count = _mm_sub_epi32(count, _mm_castps_si128(in));
  }
  TieSums s;
  s.trusted = _mm_cvtss_f32(acc);
  s.count = _mm_cvtsi128_si32(count);
  if constexpr (kHope) s.hope = _mm_cvtss_f32(_mm_shuffle_ps(acc, acc, 1));
  return s;
}

// Two consecutive persons' rows at once ([b0, e0) and [b1, e1), e0 == b1), each summed in its own
// tie order, so each result is sum_pairs_sse's bits: the two chains of dependent additions
// interleave, and the core has two persons' independent work in flight instead of one.
template <bool kHope, bool kPrefetch, bool kBounded, class Ends>
inline void sum_pairs_sse_two(const float* pairs, Ends nbr, int64_t b0, int64_t e0, int64_t b1, int64_t e1,
                              int64_t last, float x0, float x1, float eps, TieSums& s0, TieSums& s1) {
  const __m128 ref0 = _mm_set_ps(0.0f, 0.0f, 0.0f, x0), ref1 = _mm_set_ps(0.0f, 0.0f, 0.0f, x1);
  const __m128 lim = _mm_set_ps(0.0f, 0.0f, INFINITY, eps);
  const __m128 abs_mask = _mm_castsi128_ps(_mm_set1_epi32(0x7fffffff));
  __m128 acc0 = _mm_setzero_ps(), acc1 = _mm_setzero_ps();
  __m128i count0 = _mm_setzero_si128(), count1 = _mm_setzero_si128();
  auto tie = [&](int64_t k, __m128 ref, __m128 & acc, __m128i & count) __attribute__((always_inline)) {
    if constexpr (kPrefetch && kBounded) prefetch_tie(pairs, nbr, k, last, 2);
    if constexpr (kPrefetch && !kBounded) prefetch_tie_in_range(pairs, nbr, k, 2);
    const __m128 v = _mm_castsi128_ps(_mm_loadl_epi64(reinterpret_cast<const __m128i*>(pairs + 2 * int64_t{nbr[k]})));
    const __m128 in = _mm_cmple_ps(_mm_and_ps(_mm_sub_ps(v, ref), abs_mask), lim);
    acc = _mm_add_ps(acc, _mm_and_ps(v, in));
    count = _mm_sub_epi32(count, _mm_castps_si128(in));
  };
  const int64_t both = std::min(e0 - b0, e1 - b1);
  for (int64_t t = 0; t < both; ++t) {
    tie(b0 + t, ref0, acc0, count0);
    tie(b1 + t, ref1, acc1, count1);
  }
  for (int64_t k = b0 + both; k < e0; ++k) tie(k, ref0, acc0, count0);
  for (int64_t k = b1 + both; k < e1; ++k) tie(k, ref1, acc1, count1);
  s0.trusted = _mm_cvtss_f32(acc0);
  s0.count = _mm_cvtsi128_si32(count0);
  s1.trusted = _mm_cvtss_f32(acc1);
  s1.count = _mm_cvtsi128_si32(count1);
  if constexpr (kHope) {
    s0.hope = _mm_cvtss_f32(_mm_shuffle_ps(acc0, acc0, 1));
    s1.hope = _mm_cvtss_f32(_mm_shuffle_ps(acc1, acc1, 1));
  }
}
#endif

#ifdef TRIBUNE_SSE_TIES
// f(kBounded) with the SSE loops' variant for rows that end at e: unbounded prefetch when every
// tie's prefetch stays inside the CSR, bounded otherwise (or no prefetch at all).
template <bool kPrefetch, class F>
inline decltype(auto) sse_variant(int64_t e, int64_t last, F&& f) {
  if constexpr (kPrefetch)
    if (ahead_in_range(e, last)) return f(std::false_type{});
  return f(std::true_type{});
}
#endif

template <bool kHope, bool kPrefetch, class Ends>
inline TieSums sum_pairs(const float* pairs, Ends nbr, int64_t b, int64_t e, int64_t last, float xi, float eps) {
#ifdef TRIBUNE_SSE_TIES
  return sse_variant<kPrefetch>(
      e, last, [&](auto bounded) __attribute__((always_inline)) {
        return sum_pairs_sse<kHope, kPrefetch, decltype(bounded)::value, Ends>(pairs, nbr, b, e, last, xi, eps);
      });
#else
  return sum_pairs_scalar<kHope, kPrefetch, Ends>(pairs, nbr, b, e, last, xi, eps);
#endif
}

// sum_pairs for two consecutive persons ([b0, e0) then [b1, e1)), each result its bits.
template <bool kHope, bool kPrefetch, class Ends>
inline void sum_pairs_two(const float* pairs, Ends nbr, int64_t b0, int64_t e0, int64_t b1, int64_t e1, int64_t last,
                          float x0, float x1, float eps, TieSums& s0, TieSums& s1) {
#ifdef TRIBUNE_SSE_TIES
  sse_variant<kPrefetch>(
      e1, last, [&](auto bounded) __attribute__((always_inline)) {
        sum_pairs_sse_two<kHope, kPrefetch, decltype(bounded)::value, Ends>(pairs, nbr, b0, e0, b1, e1, last, x0, x1,
                                                                            eps, s0, s1);
      });
#else
  s0 = sum_pairs_scalar<kHope, kPrefetch, Ends>(pairs, nbr, b0, e0, last, x0, eps);
  s1 = sum_pairs_scalar<kHope, kPrefetch, Ends>(pairs, nbr, b1, e1, last, x1, eps);
#endif
}

// One column (opinion's own pass): the trusted ties' values summed and counted. The reference,
// one tie at a time: clearing the untrusted value's bits with the flag was the fastest scalar
// form tried (0.40 ns a tie in a micro-benchmark of 10^4 persons with 16 ties each, against 0.71
// for the one-tie SSE form; docs/performance.md).
template <bool kPrefetch, class Ends>
inline TieSums sum_trusted_scalar(const float* x, Ends nbr, int64_t b, int64_t e, int64_t last, float xi, float eps) {
  TieSums s;
  for (int64_t k = b; k < e; ++k) {
    if constexpr (kPrefetch) prefetch_tie(x, nbr, k, last);
    const float xj = x[nbr[k]];
    const int in = std::fabs(xj - xi) <= eps;
    s.trusted += masked(xj, in);
    s.count += in;
  }
  return s;
}

#ifdef TRIBUNE_SSE_TIES
// Four ties at a time: their values gathered into one register, compared and masked together,
// the count kept in lanes, and the four masked values added to the sum one after another in tie
// order, so the sum is the scalar reference's bits. About 7.5 instructions a tie against 13; this
// is what g++ makes of the scalar loop by itself from four-byte tie ends, but not from
// three-byte ones (docs/performance.md, fifth round).
template <bool kPrefetch, bool kBounded, class Ends>
struct TrustedBlocks {
  const float* x;
  Ends nbr;
  int64_t last;
  float eps;
  __m128 lim = _mm_set1_ps(eps), abs_mask = _mm_castsi128_ps(_mm_set1_epi32(0x7fffffff));

  struct Row {
    __m128 ref;
    float xi;
    float sum = 0;
    __m128i count = _mm_setzero_si128();
    int tail = 0;  // ties counted one at a time
  };
  void ahead(int64_t t) const __attribute__((always_inline)) {
    if constexpr (kPrefetch && kBounded) prefetch_tie(x, nbr, t, last);
    if constexpr (kPrefetch && !kBounded) prefetch_tie_in_range(x, nbr, t);
  }
  // Ties k .. k + 3 of the row.
  void block(int64_t k, Row& r) const __attribute__((always_inline)) {
    ahead(k), ahead(k + 1), ahead(k + 2), ahead(k + 3);
    const __m128 v = _mm_setr_ps(x[nbr[k]], x[nbr[k + 1]], x[nbr[k + 2]], x[nbr[k + 3]]);
    const __m128 in = _mm_cmple_ps(_mm_and_ps(_mm_sub_ps(v, r.ref), abs_mask), lim);
    const __m128 m = _mm_and_ps(v, in);
    r.count = _mm_sub_epi32(r.count, _mm_castps_si128(in));
    r.sum += _mm_cvtss_f32(m);
    r.sum += _mm_cvtss_f32(_mm_shuffle_ps(m, m, 1));
    r.sum += _mm_cvtss_f32(_mm_movehl_ps(m, m));
    r.sum += _mm_cvtss_f32(_mm_shuffle_ps(m, m, 3));
  }
  // Ties [k, e) of the row, blocks then one at a time.
  void rest(int64_t k, int64_t e, Row& r) const __attribute__((always_inline)) {
    for (; k + 4 <= e; k += 4) block(k, r);
    for (; k < e; ++k) {
      ahead(k);
      const float xj = x[nbr[k]];
      const int in = std::fabs(xj - r.xi) <= eps;
      r.sum += masked(xj, in);
      r.tail += in;
    }
  }
  static TieSums done(const Row& r) __attribute__((always_inline)) {
    __m128i c = _mm_add_epi32(r.count, _mm_shuffle_epi32(r.count, 0x4e));
    c = _mm_add_epi32(c, _mm_shuffle_epi32(c, 0xb1));
    return {r.sum, _mm_cvtsi128_si32(c) + r.tail, 0};
  }
};

template <bool kPrefetch, bool kBounded, class Ends>
inline TieSums sum_trusted_sse(const float* x, Ends nbr, int64_t b, int64_t e, int64_t last, float xi, float eps) {
  const TrustedBlocks<kPrefetch, kBounded, Ends> run{x, nbr, last, eps};
  typename TrustedBlocks<kPrefetch, kBounded, Ends>::Row r{_mm_set1_ps(xi), xi};
  run.rest(b, e, r);
  return run.done(r);
}

// Two consecutive persons' rows, their blocks interleaved (two chains of additions in flight),
// each summed in its own tie order: each result is sum_trusted_sse's bits.
template <bool kPrefetch, bool kBounded, class Ends>
inline void sum_trusted_sse_two(const float* x, Ends nbr, int64_t b0, int64_t e0, int64_t b1, int64_t e1, int64_t last,
                                float x0, float x1, float eps, TieSums& s0, TieSums& s1) {
  const TrustedBlocks<kPrefetch, kBounded, Ends> run{x, nbr, last, eps};
  typename TrustedBlocks<kPrefetch, kBounded, Ends>::Row r0{_mm_set1_ps(x0), x0}, r1{_mm_set1_ps(x1), x1};
  const int64_t both = std::min(e0 - b0, e1 - b1) / 4 * 4;
  for (int64_t t = 0; t < both; t += 4) {
    run.block(b0 + t, r0);
    run.block(b1 + t, r1);
  }
  run.rest(b0 + both, e0, r0);
  run.rest(b1 + both, e1, r1);
  s0 = run.done(r0);
  s1 = run.done(r1);
}
#endif

template <bool kPrefetch, class Ends>
inline TieSums sum_trusted(const float* x, Ends nbr, int64_t b, int64_t e, int64_t last, float xi, float eps) {
#ifdef TRIBUNE_SSE_TIES
  return sse_variant<kPrefetch>(
      e, last, [&](auto bounded) __attribute__((always_inline)) {
        return sum_trusted_sse<kPrefetch, decltype(bounded)::value, Ends>(x, nbr, b, e, last, xi, eps);
      });
#else
  return sum_trusted_scalar<kPrefetch, Ends>(x, nbr, b, e, last, xi, eps);
#endif
}

// sum_trusted for two consecutive persons ([b0, e0) then [b1, e1)), each result its bits.
template <bool kPrefetch, class Ends>
inline void sum_trusted_two(const float* x, Ends nbr, int64_t b0, int64_t e0, int64_t b1, int64_t e1, int64_t last,
                            float x0, float x1, float eps, TieSums& s0, TieSums& s1) {
#ifdef TRIBUNE_SSE_TIES
  sse_variant<kPrefetch>(
      e1, last, [&](auto bounded) __attribute__((always_inline)) {
        sum_trusted_sse_two<kPrefetch, decltype(bounded)::value, Ends>(x, nbr, b0, e0, b1, e1, last, x0, x1, eps, s0,
                                                                       s1);
      });
#else
  s0 = sum_trusted_scalar<kPrefetch, Ends>(x, nbr, b0, e0, last, x0, eps);
  s1 = sum_trusted_scalar<kPrefetch, Ends>(x, nbr, b1, e1, last, x1, eps);
#endif
}

}  // namespace tribune::influence
