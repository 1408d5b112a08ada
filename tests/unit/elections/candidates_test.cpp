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
                                             "poll_sample: 3000, quality_sd: 0, party_range: 2}\n"),
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
  off.push_back("mechanisms.candidates.retirement=0");
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
  Simulation any(make_scenario(small_world(8000, 90, offices("any")), {"mechanisms.candidates.retirement=0"}), 2);
  run_all(any);
  const auto& pol = any.world().politics;
  org_candidates = 0;
  int incumbents = 0;
  for (const auto& k : pol.candidates) org_candidates += k.org == 0, incumbents += k.incumbent >= 0;
  CHECK(org_candidates >= 2 * 2);  // both districts, both cycles
  CHECK(incumbents == 2);          // the second cycle: each seat's holder runs again
}

TEST_CASE("candidates: incumbents retire at the retirement rate") {
  // 60 seated council members face their first election; each retires with probability r.
  auto running = [](double r) {
    std::vector<std::string> sets = quiet_world();
    sets.push_back("mechanisms.candidates.retirement=" + std::to_string(r));
    Simulation sim(make_scenario(many_districts(60, 200, 10,
                                                "offices:\n  - {name: council, first_election: 30, seated_at_start: "
                                                "true}\n"),
                                 sets),
                   2);
    run_all(sim);  // the season opens at week 4
    int n = 0;
    for (const auto& k : sim.world().politics.candidates) n += k.incumbent >= 0;
    return n;
  };
  CHECK(running(0) == 60);
  CHECK(running(1) == 0);
  // Binomial(60, 0.7): mean 42, sd 3.5; four sd either side.
  CHECK(std::abs(running(0.3) - 42) < 14);
}

// Eight districts from far left to far right (shifts -0.8 .. 0.8), a council elected at week 58
// after a season of weekly polls; campaigns off, so that positions are the candidates' own.
static Simulation left_to_right_city(std::vector<std::string> extra) {
  std::vector<std::string> sets = quiet_world();
  sets.push_back("mechanisms.campaigns.enabled=false");
  sets.insert(sets.end(), extra.begin(), extra.end());
  Simulation sim(make_scenario(many_districts(8, 1500, 60,
                                              "offices:\n  - {name: council, first_election: 58}\n"
                                              "mechanisms:\n  candidates: {season_weeks: 56, primary_weeks: 4, "
                                              "poll_weeks: 1}\n",
                                              0.8),
                               sets),
                 2);
  run_all(sim);
  return sim;
}

TEST_CASE("candidates: a party's candidate stays on its side of the next party and near its own position") {
  // Democrat (hunter, -0.15) and Republican (aggregator, 0.35) in districts from far left to far
  // right: wherever the polls pull them, the Republican never stands left of the Democrat, and
  // neither strays more than party_range (0.3) from its party.
  Simulation sim = left_to_right_city({});
  const auto& pol = sim.world().politics;
  for (const auto& race : pol.races) {
    double dem = -2, rep = 2;
    for (int id : race.candidates) {
      const Candidate& k = pol.candidates[static_cast<size_t>(id)];
      if (k.party == 0) dem = k.position;
      if (k.party == 1) rep = k.position;
      if (k.party >= 0) CHECK(std::abs(k.position - pol.parties[static_cast<size_t>(k.party)].position) <= 0.3 + 1e-9);
    }
    CHECK(dem <= 0.1 + 1e-9);  // the midpoint of -0.15 and 0.35
    CHECK(rep >= 0.1 - 1e-9);
  }
}

TEST_CASE("candidates: with party_sides false only party_range bounds a candidate, so it can cross the midpoint") {
  // The same city as above with the sides lifted: the Democrat chases the right-leaning districts'
  // votes past the midpoint (0.1) somewhere, and still never strays more than 0.3 from -0.15.
  Simulation sim = left_to_right_city({"mechanisms.candidates.party_sides=false"});
  const auto& pol = sim.world().politics;
  double rightmost_dem = -2;
  for (const auto& k : pol.candidates)
    if (k.party == 0) {
      rightmost_dem = std::max(rightmost_dem, k.position);
      CHECK(std::abs(k.position - pol.parties[0].position) <= 0.3 + 1e-9);
    }
  INFO("the Democrat's rightmost candidate stands at " << rightmost_dem);
  CHECK(rightmost_dem > 0.1 + 1e-6);
}
