// M30 movements and organizations, the recruiting half: an organization that puts hours into
// movements gains more supporters during an episode than one that does not; every protester is
// considered (none is passed over).
#include <catch2/catch.hpp>

#include "core/context.h"
#include "elections_helpers.h"
#include "model/movements/movement_recruitment.h"

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

TEST_CASE("movement recruitment: with certain approach and signup, every protesting non-member joins") {
  Simulation sim(make_scenario(small_world(5003, 1, one_org()), protest_sets()), 1);
  World& w = sim.world();
  auto& P = w.persons;
  // Protesters sparse and in runs, a run across the end of the first district; a few of them
  // already belong to the organization.
  int64_t protesters = 0, outsiders = 0;
  for (int64_t i = 0; i < w.size(); ++i) {
    const bool run = i >= w.districts[0].end - 5 && i < w.districts[0].end + 4;
    P.protesting[i] = run || i % 37 == 3 || (i > 100 && i < 117);
    protesters += P.protesting[i];
    if (P.protesting[i] && P.org[i] < 0) ++outsiders;
  }
  REQUIRE(outsiders > 100);
  REQUIRE(outsiders < protesters);  // some protesters are members already
  w.movement.protesters = protesters;
  w.orgs[0].hours[kMovement] = 1e9;  // approached for certain
  MovementRecruitmentParams p;
  p.signup = 1;
  p.fit_width = 1e9;  // fit 1 for everyone: every approached outsider signs up
  const Pool pool(2, 1024);
  step(w, p, Context{5, pool, Streams(1, 0, MovementRecruitmentParams::kName)});
  CHECK(w.orgs[0].movement_recruits == outsiders);
  for (int64_t i = 0; i < w.size(); ++i)
    if (P.protesting[i]) REQUIRE(P.org[i] == 0);
}
