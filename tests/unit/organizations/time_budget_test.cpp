// M5 time budget: hours are finite, so more campaign work means less movement and union work.
#include <catch2/catch.hpp>

#include "helpers.h"

using namespace tribune;
using namespace tribune::test;

namespace {
std::array<double, kActivities> hours_after(const std::string& strategy, int weeks = 2) {
  Simulation sim(make_scenario(small_world(20000, weeks, one_org(strategy)), {"mechanisms.engagement.enabled=false"}),
                 2);
  run_all(sim);
  return sim.world().orgs.at(0).hours;
}
}  // namespace

TEST_CASE("time budget: raising the electoral share lowers movement and union hours") {
  const auto low = hours_after("{electoral: 0.2, movement: 0.3, union: 0.2, base_building: 0.2, internal: 0.1}");
  const auto high = hours_after("{electoral: 0.7, movement: 0.05, union: 0.05, base_building: 0.1, internal: 0.1}");
  CHECK(high[kElectoral] > low[kElectoral]);
  CHECK(high[kMovement] < low[kMovement]);
  CHECK(high[kUnion] < low[kUnion]);
  // The same people give the same total: the budget, not a coefficient, moves the hours.
  double total_low = 0, total_high = 0;
  for (int a = 0; a < kActivities; ++a) total_low += low[a], total_high += high[a];
  CHECK(total_high == Approx(total_low).epsilon(1e-9));
}

TEST_CASE("time budget: nobody gives more than they have or more than is asked") {
  // Engagement off, so the levels counted here are the ones the budget saw.
  Simulation sim(make_scenario(small_world(20000, 1, one_org()), {"mechanisms.engagement.enabled=false"}), 2);
  run_all(sim);
  const auto& P = sim.world().persons;
  const Org& org = sim.world().orgs[0];
  REQUIRE(org.structure.meeting_hours > 0);  // a deliberative organization: meetings count as asked
  double available = 0, asked = 0, given = 0;
  for (int64_t i = 0; i < sim.world().size(); ++i)
    if (P.org[i] == 0 && P.engagement[i] >= kVolunteer) {
      available += P.hours[i];
      asked += org.spec.asks.of(P.engagement[i]) + (P.engagement[i] >= kMember ? org.structure.meeting_hours : 0);
    }
  for (double h : sim.world().orgs[0].hours) given += h;
  CHECK(given > 0);
  CHECK(given <= available + 1e-6);
  CHECK(given <= asked + 1e-6);
}

TEST_CASE("time budget: precarious workers have fewer hours") {
  Simulation sim(make_scenario(small_world(30000, 1), {"world.unions.density=0.3"}), 2);
  const auto& P = sim.world().persons;
  double sum[2] = {0, 0}, n[2] = {0, 0};
  for (int64_t i = 0; i < sim.world().size(); ++i)
    if (P.klass[i] == 0) {
      sum[P.union_member[i]] += P.hours[i];
      n[P.union_member[i]] += 1;
    }
  CHECK(sum[0] / n[0] < 0.8 * sum[1] / n[1]);  // factor 0.6 by default
}
