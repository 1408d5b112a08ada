// M21 electoral reform: sustained vote splitting raises the chance of adoption; without
// splitting there is no reform.
#include <catch2/catch.hpp>

#include "elections_helpers.h"
#include "model/elections/electoral_reform.h"

using namespace tribune;
using namespace tribune::test;

TEST_CASE("electoral reform: the chance of adoption rises with the splitting record and is zero without it") {
  const ElectoralReformParams p;
  CHECK(adoption_probability(0, p) == 0);
  CHECK(adoption_probability(0.2, p) > adoption_probability(0.1, p));
  CHECK(adoption_probability(100, p) == 1);
}

namespace {
// A left-leaning city of 20 districts and yearly council elections over six years; a left
// organization runs independents (or nobody) against the establishment Democrats.
std::pair<int64_t, double> reforms(const std::string& candidates) {
  std::vector<std::string> sets = quiet_world();
  for (const char* m : {"time_budget", "strategy"}) sets.push_back(std::string("mechanisms.") + m + ".enabled=true");
  sets.push_back("mechanisms.ballot_access.enabled=false");
  sets.push_back("mechanisms.electoral_reform.adoption=2");
  Simulation sim(make_scenario(many_districts(20, 500, 320,
                                              "organizations:\n  - {name: left, members_per_resident: 0.02, "
                                              "platform: -0.4, ballot_line: independent, candidates: " +
                                                  candidates +
                                                  "}\n"
                                                  "offices:\n  - {name: council, first_election: 30, term_weeks: 52}\n"
                                                  "mechanisms:\n  opinion: {initial_mean: {worker: -0.2, "
                                                  "professional: -0.2, owner: 0.2}}\n",
                                              0.2),
                               sets),
                 2);
  run_all(sim);
  return {sim.world().events.at("electoral_reforms").rows(), sim.world().politics.offices[0].splits};
}
}  // namespace

TEST_CASE("electoral reform: independents who split the vote bring reform; without them, none") {
  const auto [with_split, record] = reforms("cadre_campaign");
  const auto [without, no_record] = reforms("none");
  INFO("splitting record " << record);
  CHECK(record > 0);
  CHECK(with_split == 1);
  CHECK(no_record == 0);
  CHECK(without == 0);
}
