// M15 union leadership: left organizers among the members win union elections; a purge removes
// left leaders.
#include <catch2/catch.hpp>

#include "helpers.h"

using namespace tribune;
using namespace tribune::test;

namespace {
// Share of union-weeks under left leadership, with left organizations of the given size.
double left_led_share(double members_per_resident, const std::string& timeline = "") {
  Simulation sim(make_scenario(small_world(20000, 160,
                                           "organizations:\n  - {name: left, members_per_resident: " +
                                               std::to_string(members_per_resident) +
                                               ", strategy: {electoral: 0.2, movement: 0.1, union: 0.4, "
                                               "base_building: 0.2, internal: 0.1}}\n" +
                                               timeline),
                               {"world.unions.density=0.3", "mechanisms.union_leadership.term_weeks=20",
                                "mechanisms.union_leadership.incumbency=1", "mechanisms.engagement.enabled=false"}),
                 2);
  double led = 0, n = 0;
  while (!sim.done()) {
    sim.tick();
    for (const auto& u : sim.world().unions) led += u.left_led, n += 1;
  }
  return led / n;
}
}  // namespace

TEST_CASE("union leadership: a higher cadre share among members raises the chance of left leadership") {
  const double few = left_led_share(0.002), many = left_led_share(0.05);
  INFO("left-led share of union-weeks: few organizers " << few << ", many " << many);
  CHECK(many > few + 0.2);
}

TEST_CASE("union leadership: a purge removes left leaders") {
  const std::string unions =
      "unions:\n  - {name: all, leadership: left, sectors: [health_education, trade_transport, professional_business, "
      "public, manufacturing, hospitality, other]}\n";
  Simulation sim(make_scenario(small_world(5000, 6, unions + "timeline:\n  - {week: 3, kind: purge}\n"),
                               {"mechanisms.union_leadership.enabled=false"}),
                 1);
  REQUIRE(sim.world().unions.at(0).left_led);
  run_all(sim);
  CHECK_FALSE(sim.world().unions.at(0).left_led);
  REQUIRE(sim.world().events.at("leadership").rows() == 1);
  CHECK(sim.world().events.at("leadership").columns()[4].texts[0] == "purge");
}
