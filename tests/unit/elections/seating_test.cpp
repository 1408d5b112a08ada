// M17 seating at the start: the scenario's officeholders, and establishment officeholders in the
// seats of offices `seated_at_start` that it leaves empty; they run again as incumbents.
#include <catch2/catch.hpp>

#include "elections_helpers.h"
#include "scenario/error.h"

using namespace tribune;
using namespace tribune::test;

namespace {
// Four districts from left (d0) to right (d3); a council per district and a mayor, both seated.
std::string governed(const std::string& holders, int weeks = 2) {
  return many_districts(4, 2000, weeks,
                        one_org() +
                            "offices:\n  - {name: council, first_election: 30, seated_at_start: true}\n"
                            "  - {name: mayor, level: mayor, constituency: at_large, first_election: 30, "
                            "seated_at_start: true}\n" +
                            holders,
                        0.6);
}
const char* kLeftMayor =
    "officeholders:\n  - {office: mayor, origin: cadre_campaign, organization: left, held_by_organization: 0.7, "
    "held_by_candidate: 0.2, held_by_establishment: 0.1}\n";
}  // namespace

TEST_CASE("seating: the scenario's officeholders and the establishment fill every seat at week 0") {
  Simulation sim(make_scenario(governed(kLeftMayor)), 2);
  const auto& H = sim.world().politics.holders;
  REQUIRE(H.size() == 5);  // the mayor named, and four council seats
  const Officeholder& mayor = H[0];
  CHECK(mayor.origin == Origin::cadre_campaign);
  CHECK(mayor.org == 0);
  CHECK(mayor.platform == -0.6);  // the organization's platform, by default
  CHECK(mayor.position == -0.6);
  CHECK(mayor.held[kByOrganization] == 0.7);
  CHECK(mayor.term_end == 30);
  int mayors = 0, democrats = 0, republicans = 0;
  for (const auto& h : H) {
    mayors += h.office == 1;
    if (h.office == 0) {
      CHECK(h.origin == Origin::establishment);
      CHECK(h.held[kByEstablishment] == 1);
      democrats += h.party == 0, republicans += h.party == 1;
    }
  }
  CHECK(mayors == 1);  // the seat the scenario filled is not filled twice
  // The party most residents identify with: the left districts seat Democrats, the right ones
  // Republicans (party identification follows ideology, M20).
  CHECK(democrats >= 1);
  CHECK(republicans >= 1);
  CHECK(H[1].party == 0);  // d0, the leftmost
  CHECK(H[4].party == 1);  // d3, the rightmost
}

TEST_CASE("seating: officeholders seated at the start run again as incumbents at the first election") {
  Simulation sim(make_scenario(governed(kLeftMayor, 12)), 2);
  run_all(sim);  // the season of the week-30 election opens at week 4
  int incumbents = 0, left_incumbent = 0;
  for (const auto& k : sim.world().politics.candidates) {
    incumbents += k.incumbent >= 0;
    left_incumbent += k.incumbent >= 0 && k.org == 0 && k.origin == Origin::cadre_campaign;
  }
  CHECK(incumbents == 5);
  CHECK(left_incumbent == 1);
}

TEST_CASE("seating: officeholders are checked against the offices, districts and organizations") {
  auto error = [](const std::string& holders) {
    try {
      make_scenario(governed(holders));
    } catch (const ScenarioError& e) {
      return e.diagnostics().front().str();
    }
    return std::string();
  };
  CHECK(error("officeholders: [{office: senate}]").find("officeholders[0].office: no office named 'senate'") !=
        std::string::npos);
  CHECK(error("officeholders: [{office: council}]").find("officeholders[0].district: missing") != std::string::npos);
  CHECK(error("officeholders: [{office: mayor, district: d0}]").find("elected at large") != std::string::npos);
  CHECK(error("officeholders: [{office: mayor, origin: insurgent}]").find("needs its organization") !=
        std::string::npos);
  CHECK(error("officeholders: [{office: mayor}, {office: mayor}]").find("more officeholders for this seat") !=
        std::string::npos);
  CHECK(error("officeholders: [{office: mayor, held_by_organization: 0.5}]").find("must sum to 1") !=
        std::string::npos);
}
