// Sampling designs (see designs.h).
#include "sweep/designs.h"

#include <algorithm>
#include <boost/random/sobol.hpp>
#include <numeric>

#include "core/rng.h"

namespace tribune::sweep {

namespace {
// A keyed stream per (purpose, point, dimension): draws do not depend on the order asked.
double draw(uint64_t seed, uint32_t purpose, int64_t point, int dim) {
  const Streams s(seed, 0, "sweep design");
  return s.at(static_cast<uint32_t>(dim), static_cast<uint64_t>(point), purpose).uniform();
}
}  // namespace

Points uniform_random(int64_t n, int d, uint64_t seed) {
  Points p(static_cast<size_t>(n), std::vector<double>(static_cast<size_t>(d)));
  for (int64_t j = 0; j < n; ++j)
    for (int k = 0; k < d; ++k) p[static_cast<size_t>(j)][static_cast<size_t>(k)] = draw(seed, 1, j, k);
  return p;
}

Points latin_hypercube(int64_t n, int d, uint64_t seed) {
  Points p(static_cast<size_t>(n), std::vector<double>(static_cast<size_t>(d)));
  for (int k = 0; k < d; ++k) {
    // A random permutation of the strata: sort indices by a keyed uniform key.
    std::vector<int64_t> order(static_cast<size_t>(n));
    std::iota(order.begin(), order.end(), int64_t{0});
    std::vector<double> key(static_cast<size_t>(n));
    for (int64_t j = 0; j < n; ++j) key[static_cast<size_t>(j)] = draw(seed, 2, j, k);
    std::stable_sort(order.begin(), order.end(),
                     [&](int64_t a, int64_t b) { return key[static_cast<size_t>(a)] < key[static_cast<size_t>(b)]; });
    for (int64_t j = 0; j < n; ++j) {
      const double stratum = static_cast<double>(order[static_cast<size_t>(j)]);
      p[static_cast<size_t>(j)][static_cast<size_t>(k)] = (stratum + draw(seed, 3, j, k)) / static_cast<double>(n);
    }
  }
  return p;
}

Points sobol(int64_t n, int d) {
  boost::random::sobol gen(static_cast<std::size_t>(d));
  Points p(static_cast<size_t>(n), std::vector<double>(static_cast<size_t>(d)));
  for (auto& point : p)
    for (auto& x : point) x = static_cast<double>(gen()) * 0x1p-64;  // 64-bit integers in [0, 2^64)
  return p;
}

Points saltelli(int64_t n, int d, bool second_order) {
  const Points base = sobol(n, 2 * d);
  Points p;
  p.reserve(static_cast<size_t>(n) * static_cast<size_t>(second_order ? 2 * d + 2 : d + 2));
  for (const auto& row : base) {
    const std::vector<double> a(row.begin(), row.begin() + d), b(row.begin() + d, row.end());
    p.push_back(a);
    for (int i = 0; i < d; ++i) {  // AB_i: A with column i from B
      std::vector<double> ab = a;
      ab[static_cast<size_t>(i)] = b[static_cast<size_t>(i)];
      p.push_back(ab);
    }
    if (second_order)
      for (int i = 0; i < d; ++i) {  // BA_i: B with column i from A
        std::vector<double> ba = b;
        ba[static_cast<size_t>(i)] = a[static_cast<size_t>(i)];
        p.push_back(ba);
      }
    p.push_back(b);
  }
  return p;
}

}  // namespace tribune::sweep
