// M8 relationships: body-to-body work inside a union builds the organization's own tie to it
// faster than leader-to-leader contact alone; ties decay without work; person-held ties leave
// with the leaders.
#include <catch2/catch.hpp>

#include "helpers.h"

using namespace tribune;
using namespace tribune::test;

namespace {
struct After {
  Org org;
  TieLayout layout;
};
After after(const std::string& strategy, int weeks, std::vector<std::string> overrides = {}) {
  overrides.push_back("world.unions.density=0.3");
  Simulation sim(make_scenario(small_world(20000, weeks, one_org(strategy)), overrides), 2);
  run_all(sim);
  return {sim.world().orgs.at(0), sim.world().tie_layout()};
}
const std::string kUnionWork = "{electoral: 0.2, movement: 0.1, union: 0.3, base_building: 0.2, internal: 0.2}";
const std::string kNoUnionWork = "{electoral: 0.2, movement: 0.1, union: 0.0, base_building: 0.5, internal: 0.2}";

double union_tie(const After& a) {
  return a.org.ties.mean_total(0, a.layout.unions);
}
double union_org_share(const After& a) {
  return a.org.ties.org_share(0, a.layout.unions);
}
}  // namespace

TEST_CASE("relationships: members organizing inside unions raise the tie faster than leader contact alone") {
  const After inside = after(kUnionWork, 52), leaders_only = after(kNoUnionWork, 52);
  REQUIRE(inside.layout.unions == 7);  // no unions declared: one per sector of the default world
  // Leader contact alone builds a little (person-held); members' work builds more, held by the organization.
  CHECK(union_tie(inside) > union_tie(leaders_only) + 0.05);
  CHECK(union_org_share(inside) > union_org_share(leaders_only) + 0.2);
  CHECK(union_org_share(leaders_only) < 0.05);
}

TEST_CASE("relationships: ties decay without work") {
  // No hours given (time budget off) and no leader hours: every tie falls from its start.
  const Org idle = after(kUnionWork, 52,
                         {"mechanisms.time_budget.enabled=false", "mechanisms.relationships.leader_hours=0",
                          "mechanisms.relationships.initial=0.5"})
                       .org;
  for (size_t k = 0; k < idle.ties.org.size(); ++k) CHECK(idle.ties.total(static_cast<int>(k)) < 0.5 * 0.9);
}

TEST_CASE("relationships: person-held ties leave with the leaders") {
  const std::string base = "mechanisms.relationships.initial=0.3";
  auto donors = [&](double turnover) {
    Simulation sim(
        make_scenario(
            small_world(20000, 52, one_org(kNoUnionWork, ", leadership_turnover: " + std::to_string(turnover))),
            {base}),
        2);
    run_all(sim);
    const Org& o = sim.world().orgs.at(0);
    return o.ties.total(sim.world().tie_layout().donors());
  };
  CHECK(donors(3.0) < donors(0.1) - 0.05);
}

TEST_CASE("relationships: base-building in the districts builds organization-held bloc ties") {
  const After a = after(kNoUnionWork, 52);
  CHECK(a.org.ties.org_share(a.layout.community(0), a.layout.donors()) > 0.5);
}
