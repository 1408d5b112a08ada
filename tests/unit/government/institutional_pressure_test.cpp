// M22 institutional pressure: the organization-held share of an officeholder's relationships,
// times the organization's strength, resists drift; cadre origin alone resists little.
#include <catch2/catch.hpp>
#include <cmath>

#include "elections_helpers.h"

using namespace tribune;
using namespace tribune::test;

namespace {
// Drift after two years of an officeholder of a strong organization (1 member per 100
// residents: full strength), everything but pressure switched off.
double drift_after(Origin origin, std::array<double, kHolders> held) {
  std::vector<std::string> sets = quiet_world();
  sets.push_back("mechanisms.accountability.enabled=false");
  sets.push_back("mechanisms.tribune_effect.enabled=false");
  Simulation sim(make_scenario(small_world(10000, 104, one_org()), sets), 2);
  sim.world().politics.holders.push_back(holder(origin, held));
  run_all(sim);
  return std::abs(sim.world().politics.holders.at(0).drift());
}
}  // namespace

TEST_CASE("institutional pressure: a higher organization-held share of relationships lowers drift") {
  const double held = drift_after(Origin::cadre_campaign, {0.9, 0.1, 0.0});
  const double loose = drift_after(Origin::cadre_campaign, {0.1, 0.9, 0.0});
  INFO("drift " << held << " against " << loose);
  CHECK(held < 0.5 * loose);
}

TEST_CASE("institutional pressure: a cadre candidate whose relationships are its own still drifts") {
  const double cadre = drift_after(Origin::cadre_candidate, {0.0, 1.0, 0.0});
  const double insurgent = drift_after(Origin::insurgent, {0.0, 1.0, 0.0});
  // The platform (-0.6) is 0.45 from the establishment's position (-0.15): a cadre candidate
  // without held relationships covers about half of it in two years, an insurgent a little more.
  CHECK(cadre > 0.15);
  CHECK(insurgent > cadre);
}

TEST_CASE("institutional pressure: relationships the establishment delivered press harder") {
  CHECK(drift_after(Origin::insurgent, {0.0, 0.2, 0.8}) > drift_after(Origin::insurgent, {0.0, 1.0, 0.0}));
}
