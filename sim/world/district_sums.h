#pragma once
// Per-district sums over persons: f(i) summed over each district's residents, one fixed-block
// reduction per district (persons are stored ordered by district), so the sums are the same for
// any thread count.
#include <cstdint>
#include <vector>

#include "core/bytes.h"
#include "core/parallel.h"
#include "world/world.h"

namespace tribune {

// Each district's sum: block(b, e) sums persons [b, e) of one fixed block, from +0, in index order.
template <class Block>
std::vector<double> district_block_sums(const World& w, const Pool& pool, Block block) {
  std::vector<double> sums(w.districts.size(), 0.0);
  for (size_t d = 0; d < w.districts.size(); ++d) {
    const int64_t begin = w.districts[d].begin;
    sums[d] = pool.reduce(
        w.districts[d].size(), 0.0, [&](int64_t lo, int64_t hi) { return block(begin + lo, begin + hi); },
        [](double& a, double b) { a += b; });
  }
  return sums;
}

template <class F>
std::vector<double> district_sums(const World& w, const Pool& pool, F f) {
  return district_block_sums(w, pool, [&](int64_t b, int64_t e) {
    double s = 0;
    for (int64_t i = b; i < e; ++i) s += f(i);
    return s;
  });
}

// The same sums when f(i) is +0 wherever the byte where[i] is 0 (the non-protesters, say): those
// persons are passed over, eight at a time, and their terms not added. The sums are the same
// bits as district_sums's: a partial sum starts at +0 and is never -0 (x + y is -0 only when both
// are), so adding +0 leaves it as it is.
template <class F>
std::vector<double> district_sums_where(const World& w, const Pool& pool, const uint8_t* where, F f) {
  return district_block_sums(w, pool, [&](int64_t b, int64_t e) {
    double s = 0;
    for (int64_t i = skip_clear_bytes(where, b, e); i < e; i = skip_clear_bytes(where, i + 1, e))
      if (where[i]) s += f(i);
    return s;
  });
}

}  // namespace tribune
