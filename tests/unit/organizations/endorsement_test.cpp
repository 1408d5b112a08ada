// M10 endorsement: stricter endorsement endorses fewer candidates, whose positions are closer to
// the platform, and voters learn a clearer brand from them.
#include <catch2/catch.hpp>
#include <cmath>

#include "core/context.h"
#include "helpers.h"
#include "model/organizations/endorsement.h"

using namespace tribune;
using namespace tribune::test;

namespace {
struct Outcome {
  int endorsed = 0;
  double alignment = 0;  // mean distance of the endorsed (after binding) from the platform, negated
  double brand = 0;
};

// 400 candidates on [-1, 1], each against an opponent at +0.3, a quarter of them members; the
// organization (platform -0.6) endorses as its stringency says; voters then watch its
// officeholders for four years.
Outcome endorse_pool(double stringency) {
  World w;
  Org& org = w.orgs.emplace_back();
  org.spec.platform = -0.6;
  org.spec.endorsement_stringency = stringency;
  const EndorsementParams p;
  Outcome out;
  double distance = 0;
  for (int k = 0; k < 400; ++k) {
    const Prospect c{-1.0 + 2.0 * (k + 0.5) / 400, 0.3, k % 4 == 0};
    if (!endorses(org, p, c)) continue;
    const double x = bind(org, p, c.position);
    org.endorsed.push_back({x, 0.05});
    distance += std::abs(x - org.spec.platform);
    ++out.endorsed;
  }
  out.alignment = out.endorsed ? -distance / out.endorsed : 0;
  const Pool pool(1, 1024);
  const Context ctx{0, pool, Streams(1, 0, EndorsementParams::kName)};
  for (int t = 0; t < 208; ++t) step(w, p, ctx);
  out.brand = org.brand;
  return out;
}
}  // namespace

TEST_CASE("endorsement: stricter endorsement raises alignment and brand, and lowers the number endorsed") {
  const Outcome loose = endorse_pool(0.1), strict = endorse_pool(0.7), members_only = endorse_pool(0.9);
  CHECK(strict.endorsed < loose.endorsed);
  CHECK(members_only.endorsed < strict.endorsed);
  CHECK(members_only.endorsed > 0);
  CHECK(strict.alignment > loose.alignment);
  CHECK(members_only.alignment > strict.alignment);
  CHECK(strict.brand > loose.brand);
}

TEST_CASE("endorsement: nobody worse than the opponent is endorsed, however loose") {
  Org org;
  org.spec.platform = -0.6;
  org.spec.endorsement_stringency = 0;
  const EndorsementParams p;
  CHECK(endorses(org, p, {-0.1, 0.3, false}));
  CHECK_FALSE(endorses(org, p, {0.5, 0.3, false}));
}

TEST_CASE("endorsement: without officeholders the brand fades") {
  World w;
  Org& org = w.orgs.emplace_back();
  org.brand = 0.5;
  const Pool pool(1, 1024);
  const Context ctx{0, pool, Streams(1, 0, EndorsementParams::kName)};
  for (int t = 0; t < 52; ++t) step(w, EndorsementParams{}, ctx);
  CHECK(org.brand < 0.5);
  CHECK(org.brand > 0.4);  // slowly: decay 0.002 a week
}

namespace {
// A mayor's race in a left-leaning city whose organization (platform -0.6) does not run there
// (races: strength, a tie it cannot reach): it endorses by its rule. The parties are stickers at
// -0.15 (the establishment) and 0.35.
const Officeholder* mayor_after(Simulation& sim) {
  run_all(sim);
  for (const auto& h : sim.world().politics.holders)
    if (h.office == 0) return &h;
  return nullptr;
}
Scenario endorsing(double stringency) {
  return make_scenario(
      small_world(8000, 32,
                  "organizations:\n  - {name: left, members_per_resident: 0.01, candidates: cadre_campaign, races: "
                  "strength, decisive_tie: 1, endorsement_stringency: " +
                      std::to_string(stringency) +
                      "}\n"
                      "parties:\n  - {name: democratic, position: -0.15, establishment: true}\n"
                      "  - {name: republican, position: 0.35}\n"
                      "offices:\n  - {name: mayor, level: mayor, constituency: at_large, first_election: 30}\n"
                      "mechanisms:\n  opinion: {initial_mean: {worker: -0.3, professional: -0.3, owner: -0.3}}\n"
                      "  candidates: {newcomer_spread: 0}\n"),
      {"mechanisms.institutional_pressure.enabled=false", "mechanisms.movement_pressure.enabled=false",
       "mechanisms.tribune_effect.enabled=false"});
}
}  // namespace

TEST_CASE("endorsement: where it runs no one, an organization endorses by its rule, binds, and backs the winner") {
  Simulation loose(endorsing(0.4), 2), strict(endorsing(0.9), 2);
  const Officeholder* a = mayor_after(loose);
  const Officeholder* b = mayor_after(strict);
  REQUIRE(a != nullptr);
  REQUIRE(b != nullptr);
  REQUIRE(a->party == 0);  // the Democrat wins this city
  // Stringency 0.4 accepts within 0.6 x 0.8 = 0.48 of -0.6: the Democrat (0.45 away) is endorsed
  // and bound 0.4 x 0.5 of the way to the platform; it then governs as the organization's.
  CHECK(a->org == 0);
  CHECK(a->position == Approx(-0.15 + 0.2 * (-0.6 + 0.15)));
  CHECK(a->platform == Approx(a->position));  // what it promised
  // At 0.9 only members are endorsed: no one here.
  CHECK(b->org == -1);
  CHECK(b->position == Approx(-0.15));
}
