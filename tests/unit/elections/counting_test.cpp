// M20 counting rules on hand-made profiles.
#include <catch2/catch.hpp>

#include "model/elections/counting.h"

using namespace tribune;

TEST_CASE("counting: plurality and the top two") {
  CHECK(plurality_winner({30, 45, 25}) == 1);
  CHECK(plurality_winner({40, 40, 20}) == 0);  // ties go to the lower index
  CHECK(plurality_winner({}) == -1);
  CHECK(top_two({30, 45, 25}) == std::pair<int, int>{1, 0});
  CHECK(top_two({10}) == std::pair<int, int>{0, -1});
}

TEST_CASE("counting: the top M + 1 lists (Cox's viable set)") {
  CHECK(top_n({30, 45, 25, 50}, 2) == std::vector<int>{1, 3});
  CHECK(top_n({30, 45, 25, 50}, 3) == std::vector<int>{0, 1, 3});
  CHECK(top_n({20, 20, 20}, 2) == std::vector<int>{0, 1});  // ties go to the lower index
  CHECK(top_n({5, 6}, 4) == std::vector<int>{0, 1});
}

TEST_CASE("counting: instant runoff elects the centre that plurality misses") {
  // Left 30 (then centre), right 36 (then centre), centre 34 (then left): plurality elects the
  // right; instant runoff drops the left, whose second preferences elect the centre.
  const std::vector<Ballot> ballots = {{{0, 2, 1}, 30}, {{1, 2, 0}, 36}, {{2, 0, 1}, 34}};
  std::vector<std::vector<double>> rounds;
  CHECK(irv_winner(ballots, 3, &rounds) == 2);  // left (30) drops; 30 move to the centre: 64
  REQUIRE(rounds.size() == 2);
  CHECK(rounds[1][2] == 64);
  CHECK(plurality_winner({30, 36, 34}) == 1);
}

TEST_CASE("counting: instant runoff with truncated ballots and a first-round majority") {
  CHECK(irv_winner({{{0}, 51}, {{1, 0}, 49}}, 2) == 0);
  // Exhausted ballots leave the count: 40 A, 35 B, 25 C (no second choice) -> A vs B among 75.
  CHECK(irv_winner({{{0}, 40}, {{1}, 35}, {{2}, 25}}, 3) == 0);
}

TEST_CASE("counting: D'Hondt allocates by highest averages") {
  // The textbook example: 100,000 / 80,000 / 30,000 / 20,000 votes, 8 seats -> 4, 3, 1, 0.
  CHECK(dhondt({100000, 80000, 30000, 20000}, 8) == std::vector<int>{4, 3, 1, 0});
  CHECK(dhondt({1, 1}, 0) == std::vector<int>{0, 0});
}

TEST_CASE("counting: effective number of parties") {
  CHECK(effective_number({50, 50}) == Approx(2.0));
  CHECK(effective_number({25, 25, 25, 25}) == Approx(4.0));
  CHECK(effective_number({1, 0, 0}) == Approx(1.0));
  CHECK(effective_number({}) == 0);
}
