// M28 mobilization: Granovetter's riot reproduced exactly; police deter; grievance and
// illegitimacy bring people out; the rounding switch changes the estimated arrest risk.
#include <algorithm>
#include <catch2/catch.hpp>

#include "elections_helpers.h"
#include "model/movements/mobilization.h"

using namespace tribune;
using namespace tribune::test;

namespace {
// Granovetter (1978): 100 persons with thresholds 0, 1, ..., 99 counted in others protesting,
// complete mixing, nothing else at work.
int64_t riot(const std::vector<std::string>& edits) {
  std::vector<std::string> sets = quiet_world();
  for (const char* s : {"mechanisms.mobilization.enabled=true", "mechanisms.mobilization.mixing=complete",
                        "mechanisms.mobilization.thresholds=sequence", "mechanisms.mobilization.social=1",
                        "mechanisms.mobilization.grievance_weight=0", "mechanisms.mobilization.police_per_1000=0",
                        "mechanisms.mobilization.fatigue=0"})
    sets.push_back(s);
  for (const auto& e : edits) sets.push_back(e);
  Simulation sim(
      make_scenario("name: riot\nhorizon_weeks: 120\nworld:\n  persons: 100\n  districts: [{name: a}]\n", sets), 2);
  run_all(sim);
  return sim.world().movement.protesters;
}
}  // namespace

TEST_CASE("mobilization: Granovetter's riot: thresholds 0..99 all protest; move the 1 to a 2 and one does") {
  CHECK(riot({}) == 100);
  CHECK(riot({"mechanisms.mobilization.threshold_edits=[{person: 1, value: 2}]"}) == 1);
}

TEST_CASE("mobilization: Epstein's arrest probability and its rounding") {
  CHECK(arrest_probability(1, 1, 2.3, Rounding::exact) == Approx(1 - std::exp(-2.3)));
  CHECK(arrest_probability(1, 2, 2.3, Rounding::floor) == 0);  // floor(0.5) = 0: no perceived risk
  CHECK(arrest_probability(1, 2, 2.3, Rounding::round) == Approx(1 - std::exp(-2.3)));  // round(0.5) = 1
  CHECK(arrest_probability(3, 2, 2.3, Rounding::exact) > arrest_probability(1, 2, 2.3, Rounding::exact));
  CHECK(arrest_probability(5, 0, 2.3, Rounding::exact) == 0);
}

namespace {
int64_t protesters(std::vector<std::string> sets) {
  for (auto& s : quiet_world()) sets.push_back(s);
  sets.push_back("mechanisms.mobilization.enabled=true");
  sets.push_back("mechanisms.mobilization.rounding=exact");
  Simulation sim(make_scenario(small_world(20000, 8), sets), 2);
  run_all(sim);
  return sim.world().movement.protesters;
}
}  // namespace

TEST_CASE("mobilization: more police lowers participation; more illegitimacy raises it") {
  const std::vector<std::string> restless = {"mechanisms.mobilization.threshold_mean=0.3",
                                             "mechanisms.mobilization.threshold_sd=0.1"};
  auto with = [&](std::vector<std::string> more) {
    auto s = restless;
    s.insert(s.end(), more.begin(), more.end());
    return protesters(s);
  };
  const int64_t few_police = with({"mechanisms.mobilization.police_per_1000=0.5"});
  const int64_t many_police = with({"mechanisms.mobilization.police_per_1000=20"});
  INFO("protesters: " << few_police << " with few police, " << many_police << " with many");
  CHECK(few_police > 0);
  CHECK(many_police < few_police);
  CHECK(with({"timeline=[{week: 0, kind: legitimacy_shift, delta: -0.4}]"}) > with({}));
}

TEST_CASE("mobilization: a burst of protest is detected as an episode with its peak") {
  std::vector<std::string> sets = quiet_world();
  for (const char* s : {"mechanisms.mobilization.enabled=true", "mechanisms.mobilization.mixing=complete",
                        "mechanisms.mobilization.thresholds=sequence", "mechanisms.mobilization.social=1",
                        "mechanisms.mobilization.grievance_weight=0", "mechanisms.mobilization.police_per_1000=0",
                        "mechanisms.mobilization.fatigue=0", "mechanisms.episodes.start_share=0.05"})
    sets.push_back(s);
  Simulation sim(
      make_scenario("name: riot\nhorizon_weeks: 120\nworld:\n  persons: 100\n  districts: [{name: a}]\n", sets), 2);
  run_all(sim);
  const EventTable& ep = sim.world().events.at("episodes");
  REQUIRE(ep.rows() == 2);                 // the city and its one district, both still under way at the end
  CHECK(ep.column("start").ints[0] == 4);  // 5 of 100 protest in week 4 (one more each week)
  CHECK(ep.column("end").ints[0] == -1);
  CHECK(ep.column("peak").ints[0] == 100);
  CHECK(sim.world().movement.episodes_started == 1);
}

TEST_CASE("mobilization: fatigue wears a burst of protest down") {
  // A restless city (thresholds around 0.3) after a legitimacy collapse at week 0.
  const std::vector<std::string> restless = {"mechanisms.mobilization.threshold_mean=0.3",
                                             "mechanisms.mobilization.threshold_sd=0.1",
                                             "timeline=[{week: 0, kind: legitimacy_shift, delta: -0.4}]"};
  auto at = [&](double fatigue) {
    std::vector<std::string> sets = restless;
    sets.push_back("mechanisms.mobilization.fatigue=" + std::to_string(fatigue));
    for (auto& s : quiet_world()) sets.push_back(s);
    sets.push_back("mechanisms.mobilization.enabled=true");
    sets.push_back("mechanisms.repression.enabled=false");
    Simulation sim(make_scenario(small_world(20000, 30), sets), 2);
    std::vector<int64_t> n;
    while (!sim.done()) {
      sim.tick();
      n.push_back(sim.world().movement.protesters);
    }
    return n;
  };
  const auto tireless = at(0), tired = at(0.05);
  // Everyone tires at about the same pace, so participation comes in waves (here about nine
  // weeks apart) instead of holding at its peak; over weeks 10-29 it averages well below.
  double a = 0, b = 0;
  for (size_t k = 10; k < 30; ++k) a += double(tireless[k]), b += double(tired[k]);
  INFO("mean over weeks 10-29: " << a / 20 << " tireless, " << b / 20 << " tired");
  CHECK(tired[0] == tireless[0]);  // nobody has protested yet in week 0
  CHECK(b < 0.7 * a);
  CHECK(*std::min_element(tired.begin() + 10, tired.end()) < 0.1 * double(tireless[29]));
}
