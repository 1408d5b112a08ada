// M30 movements and organizations, the recruiting half: an organization that puts hours into
// movements gains more supporters during an episode than one that does not.
#include <catch2/catch.hpp>

#include "elections_helpers.h"

using namespace tribune;
using namespace tribune::test;

namespace {
struct Gain {
  int64_t supporters = 0, recruits = 0;
  bool episode = false;
};

Gain gain(double movement_share) {
  const std::string strategy = "{electoral: 0.2, movement: " + std::to_string(movement_share) +
                               ", union: 0, base_building: 0, internal: " + std::to_string(0.8 - movement_share) + "}";
  Simulation sim(make_scenario(small_world(20000, 12, one_org(strategy)), protest_sets()), 2);
  const int64_t start = sim.world().orgs[0].count[kSupporter];
  Gain g;
  while (!sim.done()) {
    sim.tick();
    g.episode |= sim.world().movement.city_episode.active;
    g.recruits += sim.world().orgs[0].movement_recruits;
  }
  g.supporters = sim.world().orgs[0].count[kSupporter] - start;
  return g;
}
}  // namespace

TEST_CASE("movement recruitment: an organization with movement hours gains more supporters during an episode") {
  const Gain present = gain(0.6), absent = gain(0.0);
  INFO("supporters gained: " << present.supporters << " with movement hours, " << absent.supporters << " without");
  REQUIRE(present.episode);
  CHECK(absent.supporters == 0);
  CHECK(absent.recruits == 0);
  CHECK(present.supporters > 50);
  // Every new supporter came from the protests; a few older ones were activated into volunteers.
  CHECK(present.recruits >= present.supporters);
  CHECK(present.recruits < present.supporters * 1.2);
}
