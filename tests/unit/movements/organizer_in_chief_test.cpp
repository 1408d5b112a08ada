// M25 organizer-in-chief: a left executive's call moves few people without infrastructure and
// many with it; with a large reach of its own (Day's claim) it moves many without any.
#include <catch2/catch.hpp>

#include "elections_helpers.h"

using namespace tribune;
using namespace tribune::test;

namespace {
struct CallRun {
  int64_t reached = 0, protesters = 0, before = 0;
  double ideology = 0;  // mean ideology of the week-4 protesters
};

// 20,000 residents, a left mayor in office from week 0 (no election in the run), a call at week
// 3 (mass_call); thresholds (mean 0.8) far above what grievance and ties give without a call,
// a boost of 1 that carries whoever the call reaches, no police. `infrastructure`: an
// organization with 2% members and ten supporters per member, and a recent episode everywhere.
CallRun call(bool infrastructure, double reach_base) {
  std::vector<std::string> sets = quiet_world();
  for (const std::string& s :
       std::vector<std::string>{"mechanisms.mobilization.enabled=true", "mechanisms.mobilization.threshold_mean=0.8",
                                "mechanisms.mobilization.threshold_sd=0.05",
                                "mechanisms.mobilization.police_per_1000=0", "mechanisms.repression.enabled=false",
                                "mechanisms.organizer_in_chief.call_every=0", "mechanisms.organizer_in_chief.boost=1",
                                "mechanisms.organizer_in_chief.reach_base=" + std::to_string(reach_base)})
    sets.push_back(s);
  const std::string org =
      std::string("organizations:\n  - {name: left, members_per_resident: ") + (infrastructure ? "0.02" : "0") + "}\n";
  const std::string world =
      small_world(20000, 6,
                  org +
                      "offices:\n  - {name: mayor, level: mayor, constituency: at_large, first_election: 500}\n"
                      "timeline:\n  - {week: 3, kind: mass_call}\n");
  Simulation sim(make_scenario(world, sets), 2);
  sim.world().politics.holders.push_back(holder(Origin::cadre_campaign, {1, 0, 0}));
  if (!infrastructure) sim.world().movement.last_episode_in.assign(sim.world().districts.size(), -1);
  CallRun r;
  while (!sim.done()) {
    if (infrastructure && sim.world().tick == 3)  // an episode ended last week in every district
      sim.world().movement.last_episode_in.assign(sim.world().districts.size(), 2);
    sim.tick();
    if (sim.world().tick == 3) r.before = sim.world().movement.protesters;
    if (sim.world().tick == 4) {
      r.reached = sim.world().movement.call.reached;
      r.protesters = sim.world().movement.protesters;
      const auto& P = sim.world().persons;
      double x = 0;
      for (int64_t i = 0; i < sim.world().size(); ++i) x += P.protesting[i] ? P.ideology[i] : 0.0f;
      r.ideology = r.protesters > 0 ? x / double(r.protesters) : 0.0;
    }
  }
  return r;
}
}  // namespace

TEST_CASE("organizer-in-chief: without infrastructure a call moves few; with it, many") {
  const CallRun none = call(false, 0.02), built = call(true, 0.02);
  INFO("no infrastructure: reached " << none.reached << ", protesters " << none.protesters
                                     << "; infrastructure: reached " << built.reached << ", protesters "
                                     << built.protesters);
  CHECK(none.before == 0);
  CHECK(built.before == 0);
  // Reach 0.02 of 20,000 is about 400 (binomial sd 20).
  CHECK(none.reached == Approx(400).margin(100));
  CHECK(none.protesters <= none.reached);
  // The lists hold about 22% of residents (reach +0.5) and every district had an episode
  // (+0.2): about 0.02 + 0.2 + 0.22 x 0.5 = 0.33 of residents, some 6,600.
  CHECK(built.reached > 5000);
  CHECK(built.protesters > 10 * none.protesters);
}

TEST_CASE("organizer-in-chief: with a large reach of its own the call moves many without infrastructure") {
  const CallRun day = call(false, 0.5), smith = call(false, 0.02);
  CHECK(day.reached == Approx(10000).margin(400));  // 0.5 of 20,000, sd about 70
  CHECK(day.protesters > 10 * smith.protesters);
  CHECK(day.protesters > 1000);
}

TEST_CASE("organizer-in-chief: a call moves those who stand near the caller, not its opponents") {
  // Everyone is reached (reach 1); the mayor stands at -0.6 and a reached person heeds the call
  // as their fit to that position: the protesters lean far left of the city (mean near 0).
  const CallRun all = call(false, 1.0);
  INFO("protesters " << all.protesters << ", mean ideology " << all.ideology);
  CHECK(all.reached == 20000);
  CHECK(all.protesters < 0.6 * all.reached);
  CHECK(all.ideology < -0.3);
}

TEST_CASE("organizer-in-chief: no call without a left executive in office") {
  std::vector<std::string> sets = quiet_world();
  sets.push_back("mechanisms.organizer_in_chief.call_every=1");
  Simulation sim(make_scenario(small_world(2000, 4,
                                           "offices:\n  - {name: mayor, level: mayor, constituency: "
                                           "at_large, first_election: 500}\n"),
                               sets),
                 1);
  Officeholder h = holder(Origin::establishment, {0, 0, 1});
  h.org = -1;
  sim.world().politics.holders.push_back(h);
  run_all(sim);
  CHECK(sim.world().events.at("calls").rows() == 0);
}
