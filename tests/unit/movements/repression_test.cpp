// M29 repression: more police lowers participation in the short run; with strong backlash,
// participation later rises; arrests put people in jail and cost the state legitimacy; the jailed
// are counted by their week of release.
#include <catch2/catch.hpp>

#include <array>

#include "core/context.h"
#include "elections_helpers.h"
#include "model/movements/repression.h"

using namespace tribune;
using namespace tribune::test;

namespace {
struct Run {
  std::vector<double> protesters;
  double legitimacy = 0, jailed_max = 0;
};

Run run(double police, double backlash, int weeks) {
  std::vector<std::string> sets = quiet_world();
  for (const std::string& s :
       std::vector<std::string>{"mechanisms.mobilization.enabled=true", "mechanisms.grievance.enabled=true",
                                "mechanisms.mobilization.rounding=exact", "mechanisms.mobilization.threshold_mean=0.3",
                                "mechanisms.mobilization.police_per_1000=" + std::to_string(police),
                                "mechanisms.repression.backlash=" + std::to_string(backlash),
                                // Arrests as many as the police can make, so that backlash has arrests to feed on.
                                "mechanisms.repression.arrest_cap=1"})
    sets.push_back(s);
  Simulation sim(make_scenario(small_world(20000, weeks), sets), 2);
  run_all(sim);
  const auto& r = sim.recorder();
  Run out;
  for (size_t k = 0; k < r.city_series().size(); ++k) {
    if (r.city_series()[k].name == "protesters") out.protesters = r.city()[k];
    if (r.city_series()[k].name == "jailed")
      for (double j : r.city()[k]) out.jailed_max = std::max(out.jailed_max, j);
  }
  out.legitimacy = r.last("legitimacy");
  return out;
}
}  // namespace

TEST_CASE("repression: more police lowers participation in the short run") {
  const Run few = run(0.5, 0.0, 6), many = run(10, 0.0, 6);
  INFO("week 5: " << few.protesters.back() << " with few police, " << many.protesters.back() << " with many");
  CHECK(many.protesters.back() < few.protesters.back());
  CHECK(many.jailed_max > 0);
  CHECK(many.legitimacy < 0.5);  // arrests cost legitimacy (it starts at 0.5)
}

TEST_CASE("repression: with strong backlash, participation later rises") {
  const Run calm = run(10, 0.0, 60), outraged = run(10, 0.05, 60);
  INFO("week 59: " << calm.protesters.back() << " without backlash, " << outraged.protesters.back() << " with");
  CHECK(outraged.protesters.back() > calm.protesters.back());
  // Early on the two runs are alike: backlash needs arrests to accumulate first.
  CHECK(outraged.protesters[1] == Approx(calm.protesters[1]).epsilon(0.2));
}

TEST_CASE("repression: the police arrest at most arrest_cap of the protesters in a week, however many they are") {
  // Half the city in the street (threshold -1: everyone who is free protests) against a police
  // force big enough to arrest all of them; the cap, 0.01, is what binds.
  std::vector<std::string> sets = quiet_world();
  for (const char* s : {"mechanisms.mobilization.enabled=true", "mechanisms.mobilization.threshold_mean=-1",
                        "mechanisms.mobilization.threshold_sd=0", "mechanisms.mobilization.police_per_1000=500",
                        "mechanisms.mobilization.fatigue=0"})
    sets.push_back(s);
  Simulation sim(make_scenario(small_world(20000, 8), sets), 2);
  int64_t arrested = 0, protested = 0;
  while (!sim.done()) {
    sim.tick();
    const int64_t a = sim.world().movement.arrests, n = sim.world().movement.protesters;
    // Binomial(n, 0.01) per district; 5 sd over the city is far above what chance gives.
    CHECK(double(a) <= 0.01 * double(n) + 5 * std::sqrt(0.01 * double(n)));
    CHECK(a <= n);  // the arrested protested: they are counted among the protesters
    arrested += a, protested += n;
  }
  CHECK(arrested > 0);
  CHECK(protested > 100000);
}

TEST_CASE("repression: the jailed are those whose release is after this week") {
  Simulation sim(make_scenario(small_world(5000, 1), quiet_world()), 1);
  World& w = sim.world();
  auto& P = w.persons;
  const int64_t now = 30;
  int64_t expected = 0;
  for (int64_t i = 0; i < w.size(); ++i) {
    P.protesting[i] = 0;
    // Released before, at, just after and well after this week, and never jailed.
    const int32_t until = std::array<int32_t, 5>{-1, int32_t(now - 1), int32_t(now), int32_t(now + 1), 1000}[i % 5];
    P.jailed_until[i] = until;
    expected += until > now;
  }
  w.movement.protesters_in.assign(w.districts.size(), 0);
  for (int threads : {1, 2}) {
    const Pool pool(threads, 1024);
    step(w, RepressionParams{}, Context{now, pool, Streams(1, 0, RepressionParams::kName)});
    CHECK(w.movement.jailed == expected);
  }
}
