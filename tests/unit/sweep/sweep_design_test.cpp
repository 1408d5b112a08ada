// Sweep designs: Latin hypercube strata are each hit once per dimension; Sobol points are the
// generator's; Saltelli's design has N (d + 2) rows built from A and B; factorial and seeded
// designs expand as documented.
#include <algorithm>
#include <boost/random/sobol.hpp>
#include <catch2/catch.hpp>
#include <set>

#include "scenario/error.h"
#include "sweep/designs.h"
#include "sweep/sweep_spec.h"

using namespace tribune;
using namespace tribune::sweep;

TEST_CASE("sweep designs: a Latin hypercube hits each stratum exactly once in every dimension") {
  const int64_t n = 37;
  const Points p = latin_hypercube(n, 4, 11);
  REQUIRE(p.size() == static_cast<size_t>(n));
  for (int k = 0; k < 4; ++k) {
    std::set<int64_t> strata;
    for (const auto& x : p) {
      REQUIRE(x[k] >= 0.0);
      REQUIRE(x[k] < 1.0);
      strata.insert(static_cast<int64_t>(x[k] * static_cast<double>(n)));
    }
    CHECK(strata.size() == static_cast<size_t>(n));
  }
  CHECK(latin_hypercube(n, 4, 11) == p);  // a pure function of its seed
  CHECK(latin_hypercube(n, 4, 12) != p);
}

TEST_CASE("sweep designs: Sobol points are the generator's first points") {
  const Points p = sobol(8, 3);
  boost::random::sobol gen(3);
  for (const auto& x : p)
    for (double v : x) CHECK(v == static_cast<double>(gen()) * 0x1p-64);
  // The Sobol sequence without its zero point starts (1/2, 1/2, 1/2), (3/4, 1/4, 1/4), (1/4, 3/4, 3/4).
  CHECK(p[0] == std::vector<double>{0.5, 0.5, 0.5});
  CHECK(p[1] == std::vector<double>{0.75, 0.25, 0.25});
  CHECK(p[2] == std::vector<double>{0.25, 0.75, 0.75});
}

TEST_CASE("sweep designs: Saltelli's design has N (d + 2) rows: A, the d mixes AB_i, then B") {
  const int64_t n = 16;
  const int d = 3;
  const Points p = saltelli(n, d);
  const Points base = sobol(n, 2 * d);
  REQUIRE(p.size() == static_cast<size_t>(n * (d + 2)));
  for (int64_t j = 0; j < n; ++j) {
    const auto& row = base[static_cast<size_t>(j)];
    const size_t at = static_cast<size_t>(j * (d + 2));
    for (int k = 0; k < d; ++k) {
      CHECK(p[at][k] == row[k]);              // A
      CHECK(p[at + d + 1][k] == row[d + k]);  // B
      for (int i = 0; i < d; ++i)             // AB_i: A with column i from B
        CHECK(p[at + 1 + i][k] == (k == i ? row[d + k] : row[k]));
    }
  }
}

TEST_CASE("sweep designs: with second order, BA_i come after the AB_i: N (2d + 2) rows") {
  const int64_t n = 8;
  const int d = 3;
  const Points p = saltelli(n, d, true);
  const Points base = sobol(n, 2 * d);
  REQUIRE(p.size() == static_cast<size_t>(n * (2 * d + 2)));
  for (int64_t j = 0; j < n; ++j) {
    const auto& row = base[static_cast<size_t>(j)];
    const size_t at = static_cast<size_t>(j * (2 * d + 2));
    for (int k = 0; k < d; ++k) {
      CHECK(p[at][k] == row[k]);                  // A
      CHECK(p[at + 2 * d + 1][k] == row[d + k]);  // B
      for (int i = 0; i < d; ++i) {
        CHECK(p[at + 1 + i][k] == (k == i ? row[d + k] : row[k]));      // AB_i: A with column i from B
        CHECK(p[at + 1 + d + i][k] == (k == i ? row[k] : row[d + k]));  // BA_i: B with column i from A
      }
    }
  }
  CHECK(saltelli(n, d, false) == saltelli(n, d));  // the first-order design is unchanged
}

TEST_CASE("sweep designs: uniform draws fill the cube and depend only on the seed") {
  const Points p = uniform_random(2000, 2, 5);
  double mean = 0;
  for (const auto& x : p) mean += x[0];
  mean /= 2000;
  // The mean of 2,000 uniforms has sd 0.289 / sqrt(2000) = 0.0065; allow 4 sd.
  CHECK(mean == Approx(0.5).margin(0.026));
  CHECK(uniform_random(2000, 2, 5) == p);
}
