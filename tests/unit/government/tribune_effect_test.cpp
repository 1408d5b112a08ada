// M24 tribune effect: a visible left officeholder moves its constituency leftward over time.
#include <catch2/catch.hpp>

#include "elections_helpers.h"

using namespace tribune;
using namespace tribune::test;

namespace {
double district_ideology(const Simulation& sim, int d) {
  const auto& w = sim.world();
  double s = 0;
  for (int64_t i = w.districts[d].begin; i < w.districts[d].end; ++i) s += w.persons.ideology[i];
  return s / static_cast<double>(w.districts[d].size());
}
}  // namespace

TEST_CASE("tribune effect: a visible left officeholder shifts the district's mean ideology leftward") {
  std::vector<std::string> sets = quiet_world();
  sets.push_back("mechanisms.institutional_pressure.enabled=false");
  // A district seat needs an office to exist for the effect to run.
  const std::string world = small_world(10000, 104, one_org() + "offices:\n  - {name: council, first_election: 500}\n");
  Simulation with(make_scenario(world, sets), 2), without(make_scenario(world, sets), 2);
  with.world().politics.holders.push_back(holder(Origin::cadre_campaign, {1, 0, 0}, -0.6, 0));
  const double start = district_ideology(with, 0);
  run_all(with);
  run_all(without);
  // A district seat (visibility 0.3) at the default pull of 0.002 a week closes 1 - (1 - 0.0006)^104,
  // about 6%, of the distance from about 0 to -0.6 in two years: about 0.035.
  CHECK(district_ideology(with, 0) < start - 0.02);
  CHECK(district_ideology(with, 0) < district_ideology(without, 0) - 0.02);
  CHECK(district_ideology(with, 1) == Approx(district_ideology(without, 1)));  // the other district is untouched
  CHECK(with.world().orgs[0].endorsed.size() == 1);                            // and it feeds the brand (M10)
}
