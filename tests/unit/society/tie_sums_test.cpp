// The inner loops over one person's ties (model/society/tie_sums.h): the vector path gives the
// scalar reference's bits, and both give the bounded-confidence sums the rule defines.
#include <catch2/catch.hpp>

#include <cstring>
#include <random>
#include <utility>
#include <vector>

#include "model/society/tie_sums.h"
#include "world/tie_ends.h"

using namespace tribune::influence;

namespace {
uint32_t bits(float v) {
  uint32_t b;
  std::memcpy(&b, &v, sizeof b);
  return b;
}

struct Rows {
  std::vector<float> pairs;  // ideology, hope
  std::vector<int32_t> nbr;
  int64_t n;
};

using tribune::TieEnds;
using tribune::TieIndex;

Rows random_rows(int64_t n, int64_t ties, uint32_t seed) {
  std::mt19937 g(seed);
  std::uniform_real_distribution<float> x(-1.0f, 1.0f), h(0.0f, 1.0f);
  Rows r{{}, {}, n};
  for (int64_t i = 0; i < n; ++i) r.pairs.push_back(x(g)), r.pairs.push_back(h(g));
  // A few exact zeros and negative zeros: the masked sum must not turn into -0.
  r.pairs[0] = -0.0f;
  r.pairs[2] = 0.0f;
  for (int64_t k = 0; k < ties; ++k) r.nbr.push_back(static_cast<int32_t>(g() % n));
  return r;
}
}  // namespace

TEST_CASE("tie sums: the vector paths give the scalar references' bits, from 3- or 4-byte tie ends") {
  const Rows r = random_rows(1000, 4000, 7);
  const int64_t last = static_cast<int64_t>(r.nbr.size()) - 1;
  // The build's packing for a small world (3 bytes) and for one past 2^24 persons (4 bytes).
  const TieEnds narrow = TieEnds::pack(r.nbr, r.n), wide = TieEnds::pack(r.nbr, TieEnds::kNarrowLimit + 1);
  REQUIRE(narrow.width() == 3);
  REQUIRE(wide.width() == 4);
  std::vector<float> column;  // the ideology lane alone
  for (int64_t i = 0; i < r.n; ++i) column.push_back(r.pairs[2 * static_cast<size_t>(i)]);
  int checked = 0;
  for (const TieEnds* ends : {&narrow, &wide})
    for (float eps : {0.0f, 0.05f, 0.3f, 1.0f, INFINITY})
      for (int64_t b = 0; b + 40 <= static_cast<int64_t>(r.nbr.size()); b += 37) {
        const int64_t e = b + (b % 41);  // rows of 0 to 40 ties
        const float xi = r.pairs[2 * (b % r.n)];
        const TieIndex nbr = ends->index();  // the width read at run time: the scalar reference
        const TieSums s = sum_pairs_scalar<true, false>(r.pairs.data(), nbr, b, e, last, xi, eps);
        // The width fixed at compile time, as the influence pass reads it.
        const auto [v, p] = ends->visit([&](auto fixed) {
          return std::pair{sum_pairs<true, false>(r.pairs.data(), fixed, b, e, last, xi, eps),
                           sum_pairs<true, true>(r.pairs.data(), fixed, b, e, last, xi, eps)};
        });
        // The reference read straight from the 4-byte indices, as before the packing.
        float ref = 0;
        for (int64_t k = b; k < e; ++k) ref += r.pairs[2 * static_cast<size_t>(r.nbr[static_cast<size_t>(k)]) + 1];
        REQUIRE(bits(s.hope) == bits(ref));
        REQUIRE(bits(v.trusted) == bits(s.trusted));
        REQUIRE(v.count == s.count);
        REQUIRE(bits(v.hope) == bits(s.hope));
        REQUIRE(bits(p.trusted) == bits(s.trusted));  // prefetching never changes a result
        // One column (opinion's own pass): four ties a block against one at a time.
        const TieSums c = sum_trusted_scalar<false>(column.data(), nbr, b, e, last, xi, eps);
        REQUIRE(bits(c.trusted) == bits(s.trusted));
        REQUIRE(c.count == s.count);
        const auto [cv, cp] = ends->visit([&](auto fixed) {
          return std::pair{sum_trusted<false>(column.data(), fixed, b, e, last, xi, eps),
                           sum_trusted<true>(column.data(), fixed, b, e, last, xi, eps)};
        });
        REQUIRE(bits(cv.trusted) == bits(c.trusted));
        REQUIRE(cv.count == c.count);
        REQUIRE(bits(cp.trusted) == bits(c.trusted));
        REQUIRE(cp.count == c.count);
        ++checked;
      }
  CHECK(checked > 800);
}

TEST_CASE("tie sums: trusted ties are those within epsilon, summed in tie order") {
  // Person 0 at 0.1 with epsilon 0.15; ties at 0.0 (trusted), 0.5 (not), -0.05 (trusted) and
  // 0.25 (0.15 away: trusted or not as the float subtraction rounds, decided the same way here).
  const std::vector<float> pairs = {0.1f, 0.2f, 0.0f, 0.4f, 0.5f, 0.6f, -0.05f, 0.8f, 0.25f, 1.0f};
  const TieEnds ends = TieEnds::pack({1, 2, 3, 4}, 5);
  const TieIndex nbr = ends.index();
  const TieSums s = sum_pairs<true, false>(pairs.data(), nbr, 0, 4, 3, 0.1f, 0.15f);
  CHECK(s.count == (std::fabs(0.25f - 0.1f) <= 0.15f ? 3 : 2));
  const float want = (std::fabs(0.25f - 0.1f) <= 0.15f) ? ((0.0f + -0.05f) + 0.25f) : (0.0f + -0.05f);
  CHECK(bits(s.trusted) == bits(want));
  CHECK(bits(s.hope) == bits(((0.4f + 0.6f) + 0.8f) + 1.0f));
  // One column (opinion's own pass) agrees with the ideology lane of the pairs.
  const std::vector<float> x = {0.1f, 0.0f, 0.5f, -0.05f, 0.25f};
  const TieSums t = sum_trusted<false>(x.data(), nbr, 0, 4, 3, 0.1f, 0.15f);
  CHECK(t.count == s.count);
  CHECK(bits(t.trusted) == bits(s.trusted));
  // No ties: nothing summed.
  const TieSums none = sum_pairs<true, false>(pairs.data(), nbr, 2, 2, 3, 0.1f, 0.15f);
  CHECK(none.count == 0);
  CHECK(bits(none.trusted) == bits(0.0f));
}

TEST_CASE("tie sums: two rows at once give each row's own bits, rows of any lengths") {
  const Rows r = random_rows(1000, 6000, 11);
  const int64_t last = static_cast<int64_t>(r.nbr.size()) - 1;
  const TieEnds ends = TieEnds::pack(r.nbr, r.n);
  std::vector<float> column;  // the ideology lane alone, for the one-column sums
  for (int64_t i = 0; i < r.n; ++i) column.push_back(r.pairs[2 * static_cast<size_t>(i)]);
  int checked = 0;
  ends.visit([&](auto nbr) {
    for (float eps : {0.0f, 0.3f, INFINITY})
      for (int64_t b0 = 0; b0 + 80 <= static_cast<int64_t>(r.nbr.size()); b0 += 53) {
        // Consecutive rows of 0 to 40 ties each, the first shorter, longer or as long.
        const int64_t e0 = b0 + (b0 % 41), e1 = e0 + ((b0 / 53) % 41);
        const float x0 = r.pairs[2 * static_cast<size_t>(b0 % r.n)],
                    x1 = r.pairs[2 * static_cast<size_t>((b0 + 1) % r.n)];
        for (bool prefetch : {false, true}) {
          TieSums p0, p1, t0, t1;
          if (prefetch) {
            sum_pairs_two<true, true>(r.pairs.data(), nbr, b0, e0, e0, e1, last, x0, x1, eps, p0, p1);
            sum_trusted_two<true>(column.data(), nbr, b0, e0, e0, e1, last, x0, x1, eps, t0, t1);
          } else {
            sum_pairs_two<true, false>(r.pairs.data(), nbr, b0, e0, e0, e1, last, x0, x1, eps, p0, p1);
            sum_trusted_two<false>(column.data(), nbr, b0, e0, e0, e1, last, x0, x1, eps, t0, t1);
          }
          const TieSums one0 = sum_pairs<true, false>(r.pairs.data(), nbr, b0, e0, last, x0, eps);
          const TieSums one1 = sum_pairs<true, false>(r.pairs.data(), nbr, e0, e1, last, x1, eps);
          REQUIRE(bits(p0.trusted) == bits(one0.trusted));
          REQUIRE(p0.count == one0.count);
          REQUIRE(bits(p0.hope) == bits(one0.hope));
          REQUIRE(bits(p1.trusted) == bits(one1.trusted));
          REQUIRE(p1.count == one1.count);
          REQUIRE(bits(p1.hope) == bits(one1.hope));
          const TieSums c0 = sum_trusted<false>(column.data(), nbr, b0, e0, last, x0, eps);
          const TieSums c1 = sum_trusted<false>(column.data(), nbr, e0, e1, last, x1, eps);
          REQUIRE(bits(t0.trusted) == bits(c0.trusted));
          REQUIRE(t0.count == c0.count);
          REQUIRE(bits(t1.trusted) == bits(c1.trusted));
          REQUIRE(t1.count == c1.count);
          ++checked;
        }
      }
  });
  CHECK(checked > 600);
}
