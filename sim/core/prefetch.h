#pragma once
// Reading a column at every tie of every person: most ties go to persons far away in the
// columns, and each read waits on memory. Asking now for the value of the tie kTieAhead places
// further on in the CSR (one array across persons) keeps many misses in flight: at N = 10^6 this
// halved M3 + M4 (benchmarks/results/scaling-2026-11-23-*; distances 64 to 192 did equally well).
// Past L3 the misses go to DRAM and need more in flight: at 8.3 million persons (New York at
// 1:1), one thread, the influence pass took 317-345 ms with 128 against 405-417 ms with 64 (3
// runs each, interleaved; docs/performance.md); 10^6 persons do as well with either.
#include <algorithm>
#include <cstdint>
#include <type_traits>

namespace tribune {

inline constexpr int64_t kTieAhead = 128;

// Whether prefetching pays for a gathered column of this many bytes: only when it does not fit
// in one core's L2 cache. When it fits, the prefetch's 3-4 instructions per tie are all cost: in
// the reduced model (benchmarks/peers), one thread, the opinion pass took 0.24 ms without and
// 0.39 ms with it at 10^4 persons, 2.2-3.7 against 2.7-4.0 ms at 10^5, and 31-38 against 29-32 ms
// at 10^6, where the column (4 MB) is past L2 (docs/performance.md). Results never depend on it.
bool prefetch_pays(int64_t column_bytes);

// f(std::true_type{}) when prefetching pays for the column, f(std::false_type{}) otherwise: the
// pass over the ties is compiled both ways and the test stays out of its inner loop.
template <class F>
inline void with_prefetch(int64_t column_bytes, F&& f) {
  if (prefetch_pays(column_bytes))
    f(std::true_type{});
  else
    f(std::false_type{});
}

// column: the values read at each tie, `stride` of them per person; last: the CSR's last index.
// nbr: the CSR's tie ends, anything indexable (an int32 array, world/tie_ends.h's TieIndex).
template <class T, class Ends>
inline void prefetch_tie(const T* column, const Ends& nbr, int64_t k, int64_t last, int64_t stride = 1) {
  __builtin_prefetch(column + stride * int64_t{nbr[std::min(k + kTieAhead, last)]});
}
// The same without the bound, for a row whose ties all have k + kTieAhead <= last (every row but
// the last few): two instructions a tie fewer (see ahead_in_range).
template <class T, class Ends>
inline void prefetch_tie_in_range(const T* column, const Ends& nbr, int64_t k, int64_t stride = 1) {
  __builtin_prefetch(column + stride * int64_t{nbr[k + kTieAhead]});
}
// Whether the row [b, e) may use prefetch_tie_in_range.
inline bool ahead_in_range(int64_t e, int64_t last) {
  return e + kTieAhead <= last;
}

}  // namespace tribune
