// M19 campaigns: more volunteer hours raise turnout and the candidate's share, with diminishing
// returns; the ledger records who delivered the win.
#include <catch2/catch.hpp>

#include "elections_helpers.h"
#include "model/elections/seating.h"

using namespace tribune;
using namespace tribune::test;

namespace {
struct Result {
  double share = 0, turnout = 0, org_held = 0;
};

// An organization's independent centre-left candidate for an at-large seat; `electoral` is the share of its
// hours that goes to the campaign. Signatures are not needed (ballot access off).
Result run(double electoral, const std::string& origin = "cadre_campaign", std::vector<std::string> sets = {}) {
  for (auto& s : quiet_world()) sets.push_back(s);
  for (const char* m : {"time_budget", "strategy"}) sets.push_back(std::string("mechanisms.") + m + ".enabled=true");
  sets.push_back("mechanisms.ballot_access.enabled=false");
  const double rest = (1 - electoral) / 4;
  const std::string strategy = "{electoral: " + std::to_string(electoral) + ", movement: " + std::to_string(rest) +
                               ", union: " + std::to_string(rest) + ", base_building: " + std::to_string(rest) +
                               ", internal: " + std::to_string(1 - electoral - 3 * rest) + "}";
  Simulation sim(make_scenario(small_world(20000, 27,
                                           "organizations:\n  - {name: left, members_per_resident: 0.01, "
                                           "platform: -0.25, candidates: " +
                                               origin + ", ballot_line: independent, strategy: " + strategy +
                                               "}\n"
                                               "offices:\n  - {name: mayor, level: mayor, constituency: at_large, "
                                               "first_election: 26}\n"),
                               sets),
                 2);
  run_all(sim);
  const auto& pol = sim.world().politics;
  Result r;
  double total = 0;
  for (const auto& k : pol.candidates) {
    total += k.votes;
    if (k.org == 0) {
      r.share += k.votes;
      r.org_held = held_shares(k, pol.vote, 20000)[kByOrganization];
    }
  }
  r.share /= total;
  r.turnout = pol.races.at(0).turnout;
  return r;
}
}  // namespace

TEST_CASE("campaigns: more volunteer hours raise turnout and share, with diminishing returns") {
  const Result low = run(0.05), mid = run(0.45), high = run(0.85);
  INFO("share " << low.share << " " << mid.share << " " << high.share << "; turnout " << low.turnout << " "
                << mid.turnout << " " << high.turnout);
  CHECK(mid.share > low.share + 0.01);
  CHECK(high.share > mid.share);
  CHECK(mid.turnout > low.turnout);
  // Equal steps of hours, smaller second gain: contact reaches 1 - exp(-contacts / residents).
  CHECK(high.share - mid.share < mid.share - low.share);
}

TEST_CASE("campaigns: a cadre campaign's win is held by the organization, a candidate-centred one's less") {
  const Result campaign = run(0.6, "cadre_campaign"), candidate = run(0.6, "cadre_candidate");
  CHECK(campaign.org_held > 0.9);
  CHECK(candidate.org_held < campaign.org_held - 0.1);
}
