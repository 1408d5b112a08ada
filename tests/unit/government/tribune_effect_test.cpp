// M24 tribune effect: a visible left officeholder moves its constituency leftward over time; where
// constituencies overlap, the holders pull one after another.
#include <catch2/catch.hpp>

#include "core/context.h"
#include "elections_helpers.h"
#include "model/government/tribune_effect.h"

using namespace tribune;
using namespace tribune::test;

namespace {
double district_ideology(const Simulation& sim, int d) {
  const auto& w = sim.world();
  double s = 0;
  for (int64_t i = w.districts[d].begin; i < w.districts[d].end; ++i) s += w.persons.ideology[i];
  return s / static_cast<double>(w.districts[d].size());
}
}  // namespace

TEST_CASE("tribune effect: a visible left officeholder shifts the district's mean ideology leftward") {
  std::vector<std::string> sets = quiet_world();
  sets.push_back("mechanisms.institutional_pressure.enabled=false");
  // A district seat needs an office to exist for the effect to run.
  const std::string world = small_world(10000, 104, one_org() + "offices:\n  - {name: council, first_election: 500}\n");
  Simulation with(make_scenario(world, sets), 2), without(make_scenario(world, sets), 2);
  with.world().politics.holders.push_back(holder(Origin::cadre_campaign, {1, 0, 0}, -0.6, 0));
  const double start = district_ideology(with, 0);
  run_all(with);
  run_all(without);
  // A district seat (visibility 0.3) at the default pull of 0.002 a week closes 1 - (1 - 0.0006)^104,
  // about 6%, of the distance from about 0 to -0.6 in two years: about 0.035.
  CHECK(district_ideology(with, 0) < start - 0.02);
  CHECK(district_ideology(with, 0) < district_ideology(without, 0) - 0.02);
  CHECK(district_ideology(with, 1) == Approx(district_ideology(without, 1)));  // the other district is untouched
  CHECK(with.world().orgs[0].endorsed.size() == 1);                            // and it feeds the brand (M10)
}

TEST_CASE("tribune effect: overlapping constituencies get each holder's pull in the holders' order") {
  const std::string world = small_world(5003, 1, one_org() + "offices:\n  - {name: council, first_election: 500}\n");
  Simulation sim(make_scenario(world, quiet_world()), 1);
  World& w = sim.world();
  auto& pol = w.politics;
  pol.holders.push_back(holder(Origin::cadre_campaign, {1, 0, 0}, -0.6, -1));  // at large
  pol.holders.push_back(holder(Origin::cadre_campaign, {1, 0, 0}, 0.4, 0));    // district 0
  pol.holders.push_back(holder(Origin::cadre_campaign, {1, 0, 0}, -0.9, 1));   // district 1
  pol.holders[2].endorsement_withdrawn = true;                                  // pulls nobody
  TribuneEffectParams p;
  p.ideology_pull = 0.3;  // large, so that applying the holders in another order shows in the floats
  p.hope_gain = 0.2;
  std::vector<float> x = w.persons.ideology, h = w.persons.hope;
  for (int k = 0; k < 2; ++k) {  // the reference: holder after holder over its constituency
    const auto& hd = pol.holders[static_cast<size_t>(k)];
    const District where = w.constituency(hd.district);
    const float pull = static_cast<float>(p.ideology_pull * hd.visibility);
    const float lift = static_cast<float>(p.hope_gain * hd.visibility);
    const float to = static_cast<float>(hd.position);
    for (int64_t i = where.begin; i < where.end; ++i) {
      x[static_cast<size_t>(i)] += pull * (to - x[static_cast<size_t>(i)]);
      h[static_cast<size_t>(i)] += lift * (1.0f - h[static_cast<size_t>(i)]);
    }
  }
  const Pool pool(2, 1024);
  step(w, p, Context{3, pool, Streams(1, 0, TribuneEffectParams::kName)});
  CHECK(w.persons.ideology == x);
  CHECK(w.persons.hope == h);
  CHECK(w.orgs[0].endorsed.size() == 2);
}
