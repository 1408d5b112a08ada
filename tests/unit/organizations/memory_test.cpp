// M7 resources and memory: turnover erodes memory and with it efficiency; dues fill the treasury.
#include <catch2/catch.hpp>

#include "helpers.h"

using namespace tribune;
using namespace tribune::test;

namespace {
Org after(double turnover, double cadre_share, int weeks = 104) {
  Simulation sim(
      make_scenario(small_world(10000, weeks,
                                one_org("{electoral: 0.4, movement: 0.15, union: 0.1, base_building: "
                                        "0.2, internal: 0.15}",
                                        ", leadership_turnover: " + std::to_string(turnover) +
                                            ", cadre_share: " + std::to_string(cadre_share))),
                    {"mechanisms.engagement.enabled=false", "mechanisms.movement_recruitment.enabled=false"}),
      2);
  run_all(sim);
  return sim.world().orgs.at(0);
}
}  // namespace

TEST_CASE("memory: higher leadership turnover lowers memory and efficiency") {
  const Org calm = after(0.2, 0.1), churn = after(2.0, 0.1);
  CHECK(churn.memory < calm.memory - 0.05);
  CHECK(churn.efficiency() < calm.efficiency());
}

TEST_CASE("memory: cadre carry continuity through turnover") {
  CHECK(after(2.0, 0.5).memory > after(2.0, 0.0).memory + 0.05);
}

TEST_CASE("memory: dues and donations fill the treasury") {
  const Org o = after(0.5, 0.1, 10);
  const double members = double(o.count[kMember] + o.count[kCadre]);
  CHECK(o.treasury == Approx(10 * (o.spec.dues * members + 0.25 * double(o.count[kSupporter]))));
}
