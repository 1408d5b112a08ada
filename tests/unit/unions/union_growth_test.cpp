// M13 union growth: support hours from organizations raise the drive win rate; without drives,
// membership erodes.
#include <catch2/catch.hpp>
#include <cmath>

#include "helpers.h"

using namespace tribune;
using namespace tribune::test;

namespace {
struct Votes {
  double won = 0, held = 0;
};
Votes drives(const std::string& strategy) {
  Simulation sim(make_scenario(small_world(30000, 60,
                                           "organizations:\n  - {name: left, members_per_resident: 0.02, "
                                           "volunteers_per_member: 1, strategy: " +
                                               strategy + "}\n"),
                               {"mechanisms.union_growth.drive_rate=0.01"}),
                 2);
  run_all(sim);
  const auto& t = sim.world().events.at("drives");
  Votes v;
  for (int64_t won : t.columns()[5].ints) v.won += double(won), v.held += 1;
  return v;
}
}  // namespace

TEST_CASE("union growth: organization hours in union support raise the drive win rate") {
  const Votes none = drives("{electoral: 0.5, movement: 0.1, union: 0, base_building: 0.3, internal: 0.1}");
  const Votes lots = drives("{electoral: 0.1, movement: 0.1, union: 0.6, base_building: 0.1, internal: 0.1}");
  REQUIRE(none.held > 300);
  REQUIRE(lots.held > 300);
  const double a = none.won / none.held, b = lots.won / lots.held;
  // Difference of two proportions: 3 standard errors.
  const double se = std::sqrt(a * (1 - a) / none.held + b * (1 - b) / lots.held);
  INFO("win rate without support " << a << ", with " << b << ", se " << se);
  CHECK(b - a > 3 * se);
}

TEST_CASE("union growth: without drives, membership erodes") {
  Simulation sim(make_scenario(small_world(20000, 104),
                               {"mechanisms.union_growth.drive_rate=0", "mechanisms.union_growth.erosion=0.002"}),
                 2);
  run_all(sim);
  const auto& density = sim.recorder().city()[5];
  REQUIRE(sim.recorder().city_series()[5].name == "union_density");
  // Expected: density x (1 - 0.002)^104, about 0.81 of the start.
  CHECK(density.back() < 0.9 * density.front());
  CHECK(density.back() > 0.7 * density.front());
}
