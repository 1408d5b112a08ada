// M18 ballot access: a higher signature requirement leaves fewer independent candidacies;
// losing the establishment primary takes a candidate off the ballot.
#include <catch2/catch.hpp>

#include "elections_helpers.h"

using namespace tribune;
using namespace tribune::test;

namespace {
// Independent candidates of one organization in 20 districts; how many reach the ballot.
int on_ballot(double signatures) {
  std::vector<std::string> sets = quiet_world();
  for (const char* m : {"time_budget", "engagement", "strategy"})  // the organization's hours gather signatures
    sets.push_back(std::string("mechanisms.") + m + ".enabled=true");
  Simulation sim(make_scenario(many_districts(20, 500, 30,
                                              "organizations:\n  - {name: left, members_per_resident: 0.01, "
                                              "candidates: cadre_campaign, ballot_line: independent}\n"
                                              "offices:\n  - {name: council, first_election: 29, signatures: " +
                                                  std::to_string(signatures) + "}\n"),
                               sets),
                 2);
  run_all(sim);
  int n = 0;
  for (const auto& k : sim.world().politics.candidates) n += k.org == 0 && k.on_ballot;
  return n;
}
}  // namespace

TEST_CASE("ballot access: raising the signature requirement lowers independent candidacies") {
  const int easy = on_ballot(0.001), middling = on_ballot(0.05), hard = on_ballot(0.3);
  INFO("on the ballot: " << easy << ", " << middling << ", " << hard);
  CHECK(easy == 20);
  CHECK(hard < middling);
  CHECK(middling <= easy);
  CHECK(hard == 0);
}

TEST_CASE("ballot access: switched off, every independent stays on the ballot") {
  std::vector<std::string> sets = quiet_world();
  sets.push_back("mechanisms.ballot_access.enabled=false");
  Simulation sim(make_scenario(many_districts(5, 500, 30,
                                              "organizations:\n  - {name: left, members_per_resident: 0.01, "
                                              "candidates: cadre_campaign, ballot_line: independent}\n"
                                              "offices:\n  - {name: council, first_election: 29, signatures: 1}\n"),
                               sets),
                 2);
  run_all(sim);
  int n = 0;
  for (const auto& k : sim.world().politics.candidates) n += k.org == 0 && k.on_ballot;
  CHECK(n == 5);
}
