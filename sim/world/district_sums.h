#pragma once
// Per-district sums over persons: f(i) summed over each district's residents, one fixed-block
// reduction per district (persons are stored ordered by district), so the sums are the same for
// any thread count.
#include <vector>

#include "core/parallel.h"
#include "world/world.h"

namespace tribune {

template <class F>
std::vector<double> district_sums(const World& w, const Pool& pool, F f) {
  std::vector<double> sums(w.districts.size(), 0.0);
  for (size_t d = 0; d < w.districts.size(); ++d) {
    const int64_t begin = w.districts[d].begin;
    sums[d] = pool.reduce(
        w.districts[d].size(), 0.0,
        [&](int64_t lo, int64_t hi) {
          double s = 0;
          for (int64_t i = begin + lo; i < begin + hi; ++i) s += f(i);
          return s;
        },
        [](double& a, double b) { a += b; });
  }
  return sums;
}

}  // namespace tribune
