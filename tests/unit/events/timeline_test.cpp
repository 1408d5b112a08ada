// M32 timeline: events fire at their week, in file order within a week, and are recorded.
#include <catch2/catch.hpp>

#include "helpers.h"

using namespace tribune;
using namespace tribune::test;

TEST_CASE("timeline: a legitimacy shift moves legitimacy at its week and is recorded") {
  const std::string tl =
      "timeline:\n  - {week: 4, kind: legitimacy_shift, delta: -0.2}\n"
      "  - {week: 2, kind: legitimacy_shift, delta: 0.1}\n";
  // Repression off: arrests also cost legitimacy (M29).
  Simulation sim(make_scenario(small_world(2000, 8, tl), {"mechanisms.repression.enabled=false"}), 1);
  run_all(sim);
  const auto& legit = sim.recorder().city()[7];
  REQUIRE(sim.recorder().city_series()[7].name == "legitimacy");
  CHECK(legit[1] == Approx(0.5));
  CHECK(legit[2] == Approx(0.6));
  CHECK(legit[4] == Approx(0.4));
  const auto& table = sim.world().events.at("timeline");
  REQUIRE(table.rows() == 2);
  CHECK(table.columns()[0].ints == std::vector<int64_t>{2, 4});  // sorted by week
  CHECK(table.columns()[1].texts[0] == "legitimacy_shift");
}

TEST_CASE("timeline: switched off, no event fires") {
  const std::string tl = "timeline:\n  - {week: 1, kind: legitimacy_shift, delta: -0.3}\n";
  // (No protest, so no arrests move legitimacy either.)
  Simulation sim(make_scenario(small_world(2000, 4, tl),
                               {"mechanisms.timeline.enabled=false", "mechanisms.mobilization.enabled=false"}),
                 1);
  run_all(sim);
  CHECK(sim.recorder().last("legitimacy") == Approx(0.5));
  CHECK(sim.world().events.at("timeline").rows() == 0);
}

TEST_CASE("timeline: every registered kind is declared, documented and in the schema") {
  REQUIRE(event_kinds().size() >= 2);
  const std::string schema = scenario_json_schema();
  for (const auto& k : event_kinds()) {
    CHECK(std::string(k.doc).size() > 10);
    CHECK(schema.find(std::string("\"const\": \"") + k.name + "\"") != std::string::npos);
  }
}
