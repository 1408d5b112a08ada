// M16 union politics: growth and density raise the probability of backing an insurgent.
#include <catch2/catch.hpp>

#include "helpers.h"

using namespace tribune;
using namespace tribune::test;

namespace {
double endorsement(std::vector<std::string> sets, bool grow = false) {
  Simulation sim(make_scenario(small_world(20000, 2), std::move(sets)), 2);
  if (grow)  // a union that has grown by half in a year: its history starts at two thirds of today
    for (auto& u : sim.world().unions)
      for (auto& m : u.members_history) m = m * 2 / 3;
  run_all(sim);
  double e = 0;
  for (const auto& u : sim.world().unions) e += u.insurgent_endorsement;
  return e / double(sim.world().unions.size());
}
}  // namespace

TEST_CASE("union politics: denser unions are likelier to back insurgents") {
  CHECK(endorsement({"world.unions.density=0.4"}) > endorsement({"world.unions.density=0.05"}) + 0.02);
}

TEST_CASE("union politics: growing unions are likelier to back insurgents") {
  CHECK(endorsement({}, true) > endorsement({}, false) + 0.05);
}
