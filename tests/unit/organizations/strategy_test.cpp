// M9 strategy: the adaptive allocation follows opportunities (a fixed one does not); race
// selection by strength needs decisive ties; the flexible ballot line goes independent only
// where partisanship and ballot access allow.
#include <catch2/catch.hpp>
#include <numeric>

#include "helpers.h"
#include "model/organizations/strategy.h"

using namespace tribune;
using namespace tribune::test;

namespace {
std::string campaign_world(const std::string& rule, int weeks) {
  return small_world(
      10000, weeks,
      "organizations:\n"
      "  - {name: left, members_per_resident: 0.005, strategy: {electoral: 0.3, movement: 0.2, union: 0.1, "
      "base_building: 0.2, internal: 0.2, rule: " +
          rule +
          "}}\n"
          "  - {name: bernie, kind: campaign, structure: gaseous, platform: -0.4, members_per_resident: 0,\n"
          "     strategy: {electoral: 1, movement: 0, union: 0, base_building: 0, internal: 0}}\n"
          "timeline:\n"
          "  - {week: 10, kind: national_campaign, campaign: bernie, duration_weeks: 30, volunteer_demand: 0.01,\n"
          "     list_growth: 0.001}\n");
}
std::array<double, kActivities> shares_at(const std::string& rule, int weeks) {
  Simulation sim(make_scenario(campaign_world(rule, weeks)), 2);
  run_all(sim);
  return sim.world().orgs.at(0).share;
}
}  // namespace

TEST_CASE("strategy: an adaptive organization moves hours into elections while a campaign runs") {
  const auto before = shares_at("adaptive", 9), during = shares_at("adaptive", 30), fixed = shares_at("fixed", 30);
  CHECK(during[kElectoral] > before[kElectoral] + 0.05);
  CHECK(during[kMovement] < before[kMovement]);
  CHECK(fixed[kElectoral] == Approx(0.3).margin(1e-12));
  CHECK(std::accumulate(during.begin(), during.end(), 0.0) == Approx(1.0).epsilon(1e-9));
}

TEST_CASE("strategy: after the campaign the adaptive shares fall back toward the declared ones") {
  const auto during = shares_at("adaptive", 38), after = shares_at("adaptive", 120);
  CHECK(after[kElectoral] < during[kElectoral] - 0.05);
  CHECK(std::abs(after[kElectoral] - 0.3) < std::abs(during[kElectoral] - 0.3));
}

TEST_CASE("strategy: race selection by strength contests only where the organization's ties are decisive") {
  Org org;
  const TieLayout L{1, 2};
  org.ties.resize(L.size());
  org.spec.decisive_tie = 0.3;
  org.ties.org[L.bloc(0)] = org.ties.org[L.community(0)] = 0.5;  // strong in district 0
  org.ties.person[L.bloc(1)] = 0.1;                              // weak in district 1
  org.spec.races = RaceSelection::any;
  CHECK(contests(org, L, 0));
  CHECK(contests(org, L, 1));
  org.spec.races = RaceSelection::strength;
  CHECK(contests(org, L, 0));
  CHECK_FALSE(contests(org, L, 1));
  CHECK_FALSE(contests(org, L, -1));  // at large: the mean over districts, about 0.28
  org.spec.decisive_tie = 0.25;
  CHECK(contests(org, L, -1));
}

TEST_CASE("strategy: the flexible ballot line goes independent only where partisanship and access allow") {
  Org org;
  org.spec.flexible_partisanship = 0.5;
  org.spec.ballot_line = BallotLineRule::flexible;
  CHECK(runs_independent(org, 0.3, 100, 500));
  CHECK_FALSE(runs_independent(org, 0.7, 100, 500));  // strong Democratic partisanship
  CHECK_FALSE(runs_independent(org, 0.3, 600, 500));  // cannot gather the signatures
  org.spec.ballot_line = BallotLineRule::democratic;
  CHECK_FALSE(runs_independent(org, 0.1, 0, 500));
  org.spec.ballot_line = BallotLineRule::independent;
  CHECK(runs_independent(org, 0.9, 600, 500));
}
