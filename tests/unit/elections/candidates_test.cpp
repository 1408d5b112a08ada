// M17 candidates: vote-seeking hunters facing a symmetric electorate end near the median voter;
// organizations run candidates where their rules say, incumbents run again.
#include <catch2/catch.hpp>
#include <cmath>

#include "elections_helpers.h"

using namespace tribune;
using namespace tribune::test;

TEST_CASE("candidates: two hunters facing a symmetric electorate end near the median voter") {
  // One at-large race, a long season of weekly polls, no partisanship, no campaigns: only
  // positions matter. Voters: ideology symmetric around 0 (median 0), choosing almost
  // deterministically by proximity (Downs): proximity 50 against Gumbel noise of scale 1.
  std::vector<std::string> off = quiet_world();
  off.push_back("mechanisms.campaigns.enabled=false");
  for (int seed : {1, 2, 3}) {
    auto sets = off;
    sets.push_back("seed=" + std::to_string(seed));
    Simulation sim(make_scenario(small_world(20000, 199,
                                             "parties:\n"
                                             "  - {name: a, position: -0.5, positioning: hunter, identifiers: 0}\n"
                                             "  - {name: b, position: 0.5, positioning: hunter, identifiers: 0}\n"
                                             "offices:\n  - {name: mayor, level: mayor, constituency: at_large, "
                                             "first_election: 200}\n"
                                             "mechanisms:\n"
                                             "  opinion: {initial_mean: {worker: 0, professional: 0, owner: 0}}\n"
                                             "  voting: {proximity: 50}\n"
                                             "  candidates: {season_weeks: 190, primary_weeks: 5, poll_weeks: 1, "
                                             "poll_sample: 3000, quality_sd: 0}\n"),
                                 sets),
                   2);
    run_all(sim);
    const auto& cands = sim.world().politics.candidates;
    REQUIRE(cands.size() == 2);
    // Hunters leapfrog around the centre in steps of 0.02 (seen: within 0.03 for these seeds);
    // 0.08 is a quarter of the electorate's spread (sd 0.35) from the median.
    for (const auto& k : cands) {
      INFO("seed " << seed << ": " << k.name << " at " << k.position);
      CHECK(std::abs(k.position) < 0.08);
    }
  }
}

TEST_CASE("candidates: an organization runs where its race-selection rule lets it, and incumbents run again") {
  std::vector<std::string> off = quiet_world();
  auto offices = [](const std::string& races) {
    return "offices:\n  - {name: council, first_election: 30, term_weeks: 52}\n"
           "organizations:\n  - {name: left, members_per_resident: 0.01, candidates: cadre_campaign, races: " +
           races + ", decisive_tie: 0.5}\n";
  };
  Simulation none(make_scenario(small_world(8000, 31, offices("strength")), off), 2);  // initial ties 0.05 < 0.5
  run_all(none);
  int org_candidates = 0;
  for (const auto& k : none.world().politics.candidates) org_candidates += k.org == 0;
  CHECK(org_candidates == 0);
  Simulation any(make_scenario(small_world(8000, 90, offices("any"))), 2);
  run_all(any);
  const auto& pol = any.world().politics;
  org_candidates = 0;
  int incumbents = 0;
  for (const auto& k : pol.candidates) org_candidates += k.org == 0, incumbents += k.incumbent >= 0;
  CHECK(org_candidates >= 2 * 2);  // both districts, both cycles
  CHECK(incumbents == 2);          // the second cycle: each seat's holder runs again
}
