// M31 morale: a heavy investment that ends in defeat costs hope among those who invested, a win
// raises it; the heavier the investment, the larger the loss. Each comparison runs the same seed
// with only the outcome (or the morale switch) changed, so the runs agree until the outcome.
#include <catch2/catch.hpp>

#include "elections_helpers.h"

using namespace tribune;
using namespace tribune::test;

namespace {
// A national campaign (weeks 2-32) whose volunteers give their hours to the election; the mean
// hope, two weeks after it ends, of those who volunteered in its last week.
double campaigners_hope(double win_probability, std::vector<std::string> sets = {}) {
  const std::string world =
      small_world(20000, 35,
                  "organizations:\n"
                  "  - {name: bernie, kind: campaign, structure: gaseous, platform: -0.4, members_per_resident: 0,\n"
                  "     strategy: {electoral: 1, movement: 0, union: 0, base_building: 0, internal: 0}}\n"
                  "timeline:\n"
                  "  - {week: 2, kind: national_campaign, campaign: bernie, duration_weeks: 30,\n"
                  "     volunteer_demand: 0.02, list_growth: 0.002, win_probability: " +
                      std::to_string(win_probability) + "}\n");
  sets.push_back("mechanisms.repression.enabled=false");
  Simulation sim(make_scenario(world, sets), 2);
  std::vector<int64_t> volunteers;
  while (!sim.done()) {
    sim.tick();
    if (sim.world().tick == 32)
      for (int64_t i = 0; i < sim.world().size(); ++i)
        if (sim.world().persons.org[i] == 0 && sim.world().persons.engagement[i] >= kVolunteer) volunteers.push_back(i);
  }
  REQUIRE(volunteers.size() > 100);
  double h = 0;
  for (int64_t i : volunteers) h += sim.world().persons.hope[i];
  return h / static_cast<double>(volunteers.size());
}
}  // namespace

TEST_CASE("morale: a campaign's defeat costs its volunteers hope, its win raises it") {
  const double lost = campaigners_hope(0), won = campaigners_hope(1);
  const double indifferent = campaigners_hope(0, {"mechanisms.morale.enabled=false"});
  INFO("volunteers' hope: lost " << lost << ", won " << won << ", morale off " << indifferent);
  CHECK(lost < indifferent - 0.01);
  CHECK(won > indifferent + 0.003);
}

TEST_CASE("morale: the heavier the investment, the larger the loss") {
  const double indifferent = campaigners_hope(0, {"mechanisms.morale.enabled=false"});
  const double heavy = campaigners_hope(0, {"mechanisms.morale.half_hours=1"});
  const double light = campaigners_hope(0, {"mechanisms.morale.half_hours=10000"});
  INFO("loss: heavy " << indifferent - heavy << ", light " << indifferent - light);
  CHECK(indifferent - heavy > 5 * (indifferent - light));
}

namespace {
// A left mayor's call (weeks 3-6, reaching half the city) makes an episode of protest that ends
// when the call does. The agenda's one reform comes to a vote at week 4: with legislation on and
// no friction the protest passes it (a win); with legislation off nothing passes (a defeat).
// Returns the mean hope at week 10 of those who protested at week 4.
double protesters_hope(bool legislation, bool morale) {
  std::vector<std::string> sets = quiet_world();
  for (const std::string& s : std::vector<std::string>{
           "mechanisms.hope.enabled=true", "mechanisms.mobilization.enabled=true",
           "mechanisms.mobilization.threshold_mean=0.8", "mechanisms.mobilization.threshold_sd=0.05",
           "mechanisms.mobilization.police_per_1000=0", "mechanisms.repression.enabled=false",
           "mechanisms.organizer_in_chief.call_every=0", "mechanisms.organizer_in_chief.boost=1",
           "mechanisms.organizer_in_chief.reach_base=0.5", "mechanisms.legislation.session_weeks=4",
           "mechanisms.legislation.translation_friction=0", "mechanisms.legislation.threshold_mean=0",
           "mechanisms.credit.enabled=false",
           std::string("mechanisms.legislation.enabled=") + (legislation ? "true" : "false"),
           std::string("mechanisms.morale.enabled=") + (morale ? "true" : "false")})
    sets.push_back(s);
  const std::string world =
      small_world(20000, 10,
                  "offices:\n  - {name: mayor, level: mayor, constituency: at_large, first_election: 500}\n"
                  "  - {name: council, first_election: 500}\n"
                  "agenda:\n  - {name: childcare, legislature: council, cut: -0.9}\n"
                  "timeline:\n  - {week: 3, kind: mass_call}\n");
  Simulation sim(make_scenario(world, sets), 2);
  Officeholder mayor = holder(Origin::insurgent, {0, 1, 0});
  mayor.org = -1;
  Officeholder member = holder(Origin::establishment, {0, 0, 1}, 0.2, 0);
  member.org = -1;
  member.office = 1;
  sim.world().politics.holders = {mayor, member};
  std::vector<int64_t> protesters;
  while (!sim.done()) {
    sim.tick();
    if (sim.world().tick == 5)
      for (int64_t i = 0; i < sim.world().size(); ++i)
        if (sim.world().persons.protesting[i]) protesters.push_back(i);
  }
  REQUIRE(protesters.size() > 1000);
  const auto& ep = sim.world().events.at("episodes");
  REQUIRE(ep.rows() >= 1);
  double h = 0;
  for (int64_t i : protesters) h += sim.world().persons.hope[i];
  return h / static_cast<double>(protesters.size());
}
}  // namespace

TEST_CASE("morale: an episode that wins its demand lifts its protesters, one that loses costs them hope") {
  const double lost = protesters_hope(false, true), lost_off = protesters_hope(false, false);
  const double won = protesters_hope(true, true), won_off = protesters_hope(true, false);
  INFO("protesters' hope: lost " << lost << " (morale off " << lost_off << "), won " << won << " (off " << won_off
                                 << ")");
  CHECK(lost < lost_off - 0.01);
  CHECK(won > won_off + 0.003);
}
