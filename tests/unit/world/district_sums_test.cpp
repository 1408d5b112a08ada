// Per-district sums (world/district_sums.h): the variant that passes over the persons whose byte
// is 0, eight at a time, gives the same bits as summing every person's term (+0 where the byte is
// 0), for one and two threads and for district ends that fall inside a block of eight.
#include <catch2/catch.hpp>

#include <cstring>
#include <random>
#include <vector>

#include "helpers.h"
#include "world/district_sums.h"

using namespace tribune;
using namespace tribune::test;

TEST_CASE("district sums: skipping the zero bytes gives the full sums' bits") {
  Simulation sim(make_scenario(small_world(5003, 1)), 1);  // 5003: district ends off the blocks of eight
  World& w = sim.world();
  REQUIRE(w.districts.size() == 2);
  REQUIRE(w.districts[0].end % 8 != 0);
  std::mt19937_64 g(11);
  std::vector<uint8_t> flag(static_cast<size_t>(w.size()), 0);
  std::vector<float> x(static_cast<size_t>(w.size()));
  for (int64_t i = 0; i < w.size(); ++i) {
    // Sparse marks, a run of them across the district boundary, and values of both signs and
    // scales (so the order of addition shows in the bits).
    const bool near_boundary = i >= w.districts[0].end - 3 && i < w.districts[0].end + 2;
    flag[static_cast<size_t>(i)] = near_boundary || g() % 29 == 0 ? static_cast<uint8_t>(1 + g() % 3) : 0;
    x[static_cast<size_t>(i)] = static_cast<float>((static_cast<double>(g() % 20001) - 10000.0) * 1e-3 *
                                                   (g() % 2 ? 1.0 : 1e-5));
  }
  for (int threads : {1, 2}) {
    const Pool pool(threads, 1024);  // several chunks and blocks per district
    const auto all = district_sums(w, pool, [&](int64_t i) { return flag[i] ? double(x[i]) : 0.0; });
    const auto some = district_sums_where(w, pool, flag.data(), [&](int64_t i) { return double(x[i]); });
    REQUIRE(all.size() == some.size());
    for (size_t d = 0; d < all.size(); ++d) {
      CHECK(all[d] != 0.0);
      CHECK(std::memcmp(&all[d], &some[d], sizeof(double)) == 0);
    }
    // A count: the bytes' values, summed where they are nonzero.
    const auto count = district_sums_where(w, pool, flag.data(), [&](int64_t i) { return double(flag[i]); });
    for (size_t d = 0; d < count.size(); ++d) {
      double n = 0;
      for (int64_t i = w.districts[d].begin; i < w.districts[d].end; ++i) n += flag[i];
      CHECK(count[d] == n);
    }
  }
}
