// M30 movements and organizations: an organization that puts hours into movements gains more
// supporters during an episode than one that does not; movements press every officeholder, left
// ones included, and pull a left officeholder off its platform.
#include <catch2/catch.hpp>

#include <cmath>

#include "elections_helpers.h"

using namespace tribune;
using namespace tribune::test;

namespace {
// Many protest from the first weeks (thresholds low, no police); everything but the time budget,
// mobilization and episodes is off, so M30 is the only way onto a list; members' own pull toward
// protest (M5) is off, so an organization's movement hours are only what its allocation gives.
std::vector<std::string> protest_sets() {
  std::vector<std::string> sets = quiet_world();
  for (const char* s : {"mechanisms.mobilization.enabled=true", "mechanisms.time_budget.enabled=true",
                        "mechanisms.mobilization.threshold_mean=0.05", "mechanisms.mobilization.police_per_1000=0",
                        "mechanisms.repression.enabled=false", "mechanisms.time_budget.protest_pull=0"})
    sets.emplace_back(s);
  return sets;
}

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

TEST_CASE("movements: an organization with movement hours gains more supporters during an episode") {
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

namespace {
struct Pressed {
  double left = 0, establishment = 0, conflict = 0;
};

// Two officeholders of district a, where many protest: a left one on its platform (-0.6) and an
// establishment one at 0.2. `radicalism` places the demand relative to the protesters.
Pressed press(bool on, double radicalism) {
  std::vector<std::string> sets = protest_sets();
  sets.push_back("mechanisms.pressure.enabled=false");
  sets.push_back("mechanisms.accountability.enabled=false");
  sets.push_back(std::string("mechanisms.movement_pressure.enabled=") + (on ? "true" : "false"));
  sets.push_back("mechanisms.movement_pressure.radicalism=" + std::to_string(radicalism));
  Simulation sim(make_scenario(small_world(10000, 20, one_org() + "offices:\n  - {name: council, first_election: 500}\n"),
                               sets),
                 2);
  sim.world().politics.holders.push_back(holder(Origin::cadre_campaign, {1, 0, 0}, -0.6, 0));
  Officeholder est = holder(Origin::establishment, {0, 0, 1}, 0.2, 0);
  est.org = -1;
  sim.world().politics.holders.push_back(est);
  run_all(sim);
  const auto& H = sim.world().politics.holders;
  return {H[0].position, H[1].position, sim.recorder().last("movement_conflict")};
}
}  // namespace

TEST_CASE("movements: they press every officeholder toward their demand, left ones included") {
  const Pressed off = press(false, 0.2), on = press(true, 0.2);
  CHECK(off.left == Approx(-0.6));
  CHECK(off.establishment == Approx(0.2));
  // The protesters stand near the centre; a demand 0.2 left of them sits between the two.
  CHECK(on.establishment < 0.2 - 0.05);
  CHECK(on.left > -0.6 + 0.05);  // the left officeholder is pulled off its platform too
  CHECK(on.conflict > 0);
}

TEST_CASE("movements: a radical demand pulls a left officeholder further left than its programme") {
  const Pressed radical = press(true, 0.8);
  CHECK(radical.left < -0.6 - 0.05);
  CHECK(radical.establishment < 0.2 - 0.1);
}
