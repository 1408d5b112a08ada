#include "triad.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <vector>

namespace tribune::bench {

TriadResult triad(int threads, int mib, int repeats) {
  const int64_t n = int64_t(mib) * 1024 * 1024 / 8;
  std::vector<double> a(n), b(n), c(n);
#pragma omp parallel for schedule(static) num_threads(threads)
  for (int64_t i = 0; i < n; ++i) {  // first touch by the threads that will use the pages
    a[i] = 0;
    b[i] = 1.0 + double(i % 7);
    c[i] = 2.0;
  }
  std::vector<double> rates;
  const double s = 3.0;
  for (int r = 0; r < repeats; ++r) {
    auto t0 = std::chrono::steady_clock::now();
#pragma omp parallel for schedule(static) num_threads(threads)
    for (int64_t i = 0; i < n; ++i) a[i] = b[i] + s * c[i];
    double dt = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    rates.push_back(3.0 * 8.0 * double(n) / dt / 1e9);
  }
  volatile double sink = a[n / 2];
  (void)sink;
  std::sort(rates.begin(), rates.end());
  return {rates[rates.size() / 2], rates.back()};
}

}  // namespace tribune::bench
