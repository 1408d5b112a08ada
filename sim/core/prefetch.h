#pragma once
// Reading a column at every tie of every person: most ties go to persons far away in the
// columns, and each read waits on memory. Asking now for the value of the tie kTieAhead places
// further on in the CSR (one array across persons) keeps many misses in flight: at N = 10^6 this
// halved M3 + M4 (benchmarks/results/scaling-2026-11-23-*; distances 64 to 192 did equally well).
#include <algorithm>
#include <cstdint>

namespace tribune {

inline constexpr int64_t kTieAhead = 64;

// column: the values read at each tie, `stride` of them per person; last: the CSR's last index.
template <class T>
inline void prefetch_tie(const T* column, const int32_t* nbr, int64_t k, int64_t last, int64_t stride = 1) {
  __builtin_prefetch(column + stride * int64_t{nbr[std::min(k + kTieAhead, last)]});
}

}  // namespace tribune
