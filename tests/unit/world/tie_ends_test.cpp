// The network's tie ends (world/tie_ends.h): packed into three bytes below 2^24 persons, four
// otherwise, every index reads back as written, and the packing gives the unused bytes back.
#include <catch2/catch.hpp>

#include <random>
#include <vector>

#include "world/tie_ends.h"

using tribune::TieEnds;

namespace {
std::vector<int32_t> random_ends(int64_t count, int64_t below, uint32_t seed) {
  std::mt19937_64 g(seed);
  std::vector<int32_t> v;
  for (int64_t k = 0; k < count; ++k) v.push_back(static_cast<int32_t>(g() % static_cast<uint64_t>(below)));
  return v;
}
}  // namespace

TEST_CASE("tie ends: three bytes each below 2^24 persons, and every index reads back") {
  const int64_t persons = TieEnds::kNarrowLimit;
  std::vector<int32_t> v = random_ends(10007, persons, 3);
  v.push_back(static_cast<int32_t>(persons - 1));  // the largest index that fits, last (its load ends in the pad)
  v.insert(v.begin(), 0);
  const TieEnds t = TieEnds::pack(v, persons);
  CHECK(t.width() == 3);
  CHECK(t.size() == static_cast<int64_t>(v.size()));
  CHECK(t.bytes() == 3 * v.size() + 1);  // the tail of the 4-byte build buffer is given back
  CHECK(t.to_vector() == v);
  const auto ix = t.index();
  for (size_t k = 0; k < v.size(); ++k) REQUIRE(ix[static_cast<int64_t>(k)] == v[k]);
}

TEST_CASE("tie ends: four bytes each past 2^24 persons") {
  const int64_t persons = TieEnds::kNarrowLimit + 5;
  std::vector<int32_t> v = random_ends(5000, persons, 4);
  v.push_back(static_cast<int32_t>(persons - 1));  // needs the 25th bit
  const TieEnds t = TieEnds::pack(v, persons);
  CHECK(t.width() == 4);
  CHECK(t.bytes() == 4 * v.size());
  CHECK(t.to_vector() == v);
}

TEST_CASE("tie ends: copies are deep, and an empty network reads as empty") {
  const std::vector<int32_t> v = {5, 1, 4, 1, 3};
  TieEnds a = TieEnds::pack(v, 6);
  const TieEnds b = a;  // NOLINT(performance-unnecessary-copy-initialization): the copy is the test
  a = TieEnds::pack({2, 2}, 6);
  CHECK(b.to_vector() == v);
  CHECK(a.to_vector() == std::vector<int32_t>{2, 2});
  const TieEnds none = TieEnds::pack({}, 6);
  CHECK(none.empty());
  CHECK(none.to_vector().empty());
}

TEST_CASE("tie ends: widening in place keeps every index") {
  const int64_t persons = TieEnds::kNarrowLimit;
  std::vector<int32_t> v = random_ends(7001, persons, 5);
  v.push_back(static_cast<int32_t>(persons - 1));
  TieEnds t = TieEnds::pack(v, persons);
  REQUIRE(t.width() == 3);
  t.widen();
  CHECK(t.width() == 4);
  CHECK(t.bytes() == 4 * v.size());
  CHECK(t.to_vector() == v);
}
