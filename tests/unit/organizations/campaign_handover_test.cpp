// M12 campaign to organization: a national campaign builds a list and volunteers; at its end,
// what is retained stays organized and the rest falls away.
#include <catch2/catch.hpp>

#include "helpers.h"
#include "scenario/error.h"

using namespace tribune;
using namespace tribune::test;

namespace {
const std::string kStrategy = "{electoral: 0.4, movement: 0.1, union: 0.1, base_building: 0.2, internal: 0.2}";

std::string world_with_campaign(double retention, int weeks) {
  return small_world(
      20000, weeks,
      "organizations:\n"
      "  - {name: left, members_per_resident: 0.002, strategy: " +
          kStrategy +
          "}\n"
          "  - {name: bernie, kind: campaign, structure: gaseous, platform: -0.4, members_per_resident: 0,\n"
          "     strategy: {electoral: 1, movement: 0, union: 0, base_building: 0, internal: 0}}\n"
          "timeline:\n"
          "  - {week: 2, kind: national_campaign, campaign: bernie, duration_weeks: 30,\n"
          "     volunteer_demand: 0.02, list_growth: 0.002, successor: left, retention: " +
          std::to_string(retention) + "}\n");
}
}  // namespace

TEST_CASE("campaign handover: the campaign grows a list and volunteers while it runs") {
  Simulation sim(make_scenario(world_with_campaign(0.0, 20)), 2);
  run_all(sim);
  const auto& c = sim.world().orgs.at(1).count;
  CHECK(c[kSupporter] > 200);  // about 0.002 x 20,000 a week for 18 weeks, less those who moved on
  CHECK(c[kVolunteer] > 50);
}

TEST_CASE("campaign handover: with zero retention the campaign's volunteers fall back to nothing") {
  Simulation sim(make_scenario(world_with_campaign(0.0, 34)), 2);
  std::vector<int64_t> volunteers;
  while (!sim.done()) {
    sim.tick();
    if (sim.world().tick == 32) {  // the last week of the campaign
      const auto& P = sim.world().persons;
      for (int64_t i = 0; i < sim.world().size(); ++i)
        if (P.org[i] == 1 && P.engagement[i] >= kVolunteer) volunteers.push_back(i);
    }
  }
  REQUIRE(volunteers.size() > 50);
  const auto& P = sim.world().persons;
  for (int64_t i : volunteers) CHECK(P.engagement[i] == kNone);
  const auto& table = sim.world().events.at("handovers");
  REQUIRE(table.rows() == 1);
  CHECK(table.columns()[4].ints[0] + table.columns()[5].ints[0] == 0);  // nothing passed
}

TEST_CASE("campaign handover: higher retention leaves more members and cadre two years later") {
  auto members_after = [](double retention) {
    Simulation sim(make_scenario(world_with_campaign(retention, 32 + 104)), 2);
    run_all(sim);
    const auto& c = sim.world().orgs.at(0).count;
    return double(c[kMember] + c[kCadre]);
  };
  const double none = members_after(0.0), half = members_after(0.5);
  INFO("members two years on: retention 0 -> " << none << ", 0.5 -> " << half);
  CHECK(half > none * 1.2);
}

TEST_CASE("campaign handover: a campaign must name declared organizations") {
  CHECK_THROWS_WITH(
      make_scenario(small_world(1000, 10, "timeline:\n  - {week: 1, kind: national_campaign, campaign: bernie}\n")),
      Catch::Contains("timeline[0].campaign: no organization named 'bernie'"));
}
