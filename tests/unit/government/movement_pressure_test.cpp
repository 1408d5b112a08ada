// M30 movements and organizations, the pressing half: movements press every officeholder toward
// their demand, left ones included, and a radical demand pulls a left officeholder off its
// platform.
#include <catch2/catch.hpp>

#include <cmath>

#include "elections_helpers.h"

using namespace tribune;
using namespace tribune::test;

namespace {
struct Pressed {
  double left = 0, establishment = 0, conflict = 0;
};

// Two officeholders of district a, where many protest: a left one on its platform (-0.6) and an
// establishment one at 0.2. `radicalism` places the demand relative to the protesters.
Pressed press(bool on, double radicalism) {
  std::vector<std::string> sets = protest_sets();
  sets.push_back("mechanisms.institutional_pressure.enabled=false");
  sets.push_back("mechanisms.accountability.enabled=false");
  sets.push_back(std::string("mechanisms.movement_pressure.enabled=") + (on ? "true" : "false"));
  sets.push_back("mechanisms.movement_pressure.radicalism=" + std::to_string(radicalism));
  Simulation sim(
      make_scenario(small_world(10000, 20, one_org() + "offices:\n  - {name: council, first_election: 500}\n"), sets),
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

TEST_CASE("movement pressure: movements press every officeholder toward their demand, left ones included") {
  const Pressed off = press(false, 0.2), on = press(true, 0.2);
  CHECK(off.left == Approx(-0.6));
  CHECK(off.establishment == Approx(0.2));
  // The protesters stand near the centre; a demand 0.2 left of them sits between the two.
  CHECK(on.establishment < 0.2 - 0.05);
  CHECK(on.left > -0.6 + 0.05);  // the left officeholder is pulled off its platform too
  CHECK(on.conflict > 0);
}

TEST_CASE("movement pressure: a radical demand pulls a left officeholder further left than its programme") {
  const Pressed radical = press(true, 0.8);
  CHECK(radical.left < -0.6 - 0.05);
  CHECK(radical.establishment < 0.2 - 0.1);
}
