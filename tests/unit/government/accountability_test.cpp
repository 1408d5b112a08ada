// M23 betrayal and accountability: after-the-fact discipline moves an officeholder only as far
// as the organization holds its relationships, and without them it splits the organization.
#include <catch2/catch.hpp>
#include <cmath>

#include "elections_helpers.h"

using namespace tribune;
using namespace tribune::test;

namespace {
struct After {
  double drift_before = 0, drift_after = 0;
  int64_t members_before = 0, members_after = 0;
  bool withdrawn = false;
};

After betray(double held_by_org) {
  std::vector<std::string> sets = quiet_world();
  for (const char* m : {"institutional_pressure", "tribune_effect"})
    sets.push_back(std::string("mechanisms.") + m + ".enabled=false");
  sets.push_back("mechanisms.accountability.withdraw=1");
  Simulation sim(make_scenario(small_world(10000, 1, one_org()), sets), 2);
  Officeholder h = holder(Origin::cadre_candidate, {held_by_org, 1 - held_by_org, 0.0});
  h.position = h.platform + 0.5;  // far past the threshold of 0.3
  sim.world().politics.holders.push_back(h);
  After a;
  const auto& c = sim.world().orgs[0].count;
  a.members_before = c[kMember] + c[kCadre];
  a.drift_before = std::abs(h.drift());
  run_all(sim);
  const Officeholder& now = sim.world().politics.holders.at(0);
  a.drift_after = std::abs(now.drift());
  a.withdrawn = now.endorsement_withdrawn;
  a.members_after = c[kMember] + c[kCadre];
  return a;
}
}  // namespace

TEST_CASE("accountability: without held relationships, discipline after the fact barely moves the officeholder") {
  const After none = betray(0.0), most = betray(0.9);
  CHECK(none.withdrawn);
  CHECK(most.withdrawn);
  CHECK(none.drift_after == Approx(none.drift_before));  // nothing to threaten it with
  CHECK(most.drift_after < 0.5 * most.drift_before);     // 0.8 x 0.9 of the drift undone
  CHECK(none.members_after < none.members_before);       // and the fight splits the organization
  CHECK(most.members_after > none.members_after);
}

TEST_CASE("accountability: a betrayal is recorded once and costs hope") {
  std::vector<std::string> sets = quiet_world();
  sets.push_back("mechanisms.hope.enabled=true");
  sets.push_back("mechanisms.institutional_pressure.enabled=false");
  Simulation sim(make_scenario(small_world(10000, 5, one_org()), sets), 2);
  Officeholder h = holder(Origin::insurgent, {0.0, 1.0, 0.0});
  h.position = h.platform + 0.5;
  sim.world().politics.holders.push_back(h);
  Simulation calm(make_scenario(small_world(10000, 5, one_org()), sets), 2);
  run_all(sim);
  run_all(calm);
  CHECK(sim.world().events.at("betrayals").rows() == 1);
  CHECK(sim.recorder().last("hope_mean") < calm.recorder().last("hope_mean"));
}
