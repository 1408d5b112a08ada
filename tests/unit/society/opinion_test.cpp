// M4 opinion: with epsilon = 2 (plain averaging) opinions converge; with small epsilon several
// clusters survive (Hegselmann & Krause 2002; Lorenz 2007 for the cluster counts).
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>

#include "helpers.h"

using namespace tribune;
using namespace tribune::test;

namespace {
// Opinion clusters: sorted opinions split wherever two neighbours differ by more than `gap`;
// clusters with fewer than 1% of persons are ignored (stragglers between clusters).
int clusters(std::vector<float> x, double gap) {
  std::sort(x.begin(), x.end());
  int count = 0;
  size_t start = 0;
  for (size_t i = 1; i <= x.size(); ++i)
    if (i == x.size() || x[i] - x[i - 1] > gap) {
      if (i - start >= x.size() / 100) ++count;
      start = i;
    }
  return count;
}
double sd(const std::vector<float>& x) {
  double m = mean(x), v = 0;
  for (float a : x) v += (a - m) * (a - m);
  return std::sqrt(v / double(x.size()));
}
// Uniform initial opinions on [-1, 1] (sd 0.58 around 0, clamped), well-mixed ties, fast updates,
// nobody anchored: the setting in which Hegselmann-Krause's cluster counts are known.
std::vector<std::string> hk(double eps, double stubbornness = 0) {
  return {"mechanisms.opinion.epsilon=" + std::to_string(eps),
          "mechanisms.opinion.stubbornness=" + std::to_string(stubbornness),
          "mechanisms.opinion.rate=0.5",
          "mechanisms.opinion.initial_mean={worker: 0, professional: 0, owner: 0}",
          "mechanisms.opinion.initial_sd=1.0",
          "world.network.long_range_share=1",
          "world.network.workplace_share=0",
          "world.network.mean_degree=40"};
}
}  // namespace

TEST_CASE("opinion: with epsilon = 2 opinions converge to one") {
  Simulation sim(make_scenario(small_world(5000, 200), hk(2.0)), 2);
  const double before = sd(sim.world().persons.ideology);
  run_all(sim);
  const double after = sd(sim.world().persons.ideology);
  INFO("sd " << before << " -> " << after);
  CHECK(before > 0.4);
  CHECK(after < 0.01);
  CHECK(clusters(sim.world().persons.ideology, 0.05) == 1);
}

TEST_CASE("opinion: with small epsilon several clusters survive") {
  for (double eps : {0.15, 0.25}) {
    Simulation sim(make_scenario(small_world(5000, 300), hk(eps)), 2);
    run_all(sim);
    const int k = clusters(sim.world().persons.ideology, eps / 2);
    // Hegselmann-Krause on [0, 1] ends with about 1 / (2 eps) clusters; on [-1, 1], twice that.
    // Sparse ties and clamping at the ends shift the count, so accept a factor-of-two band.
    const double expected = 1.0 / eps;
    INFO("epsilon " << eps << ": " << k << " clusters, about " << expected << " expected");
    CHECK(k >= 2);
    CHECK(k >= expected / 2);
    CHECK(k <= expected * 2);
  }
}

TEST_CASE("opinion: smaller epsilon leaves more disagreement") {
  auto final_sd = [](double eps) {
    Simulation sim(make_scenario(small_world(4000, 150), hk(eps)), 2);
    run_all(sim);
    return sd(sim.world().persons.ideology);
  };
  CHECK(final_sd(0.1) > final_sd(0.6));
}

TEST_CASE("opinion: stubbornness keeps disagreement that averaging would erase") {
  // Plain averaging (epsilon 2) drives everyone to one opinion; pulled back toward their own
  // initial ideology, persons settle where the two pulls balance (Friedkin & Johnsen 1990): with
  // stubbornness s and rate r each keeps about s / (r + s) of their distance from the local mean.
  auto final_sd = [](double stubbornness) {
    Simulation sim(make_scenario(small_world(5000, 200), hk(2.0, stubbornness)), 2);
    run_all(sim);
    return sd(sim.world().persons.ideology);
  };
  const double none = final_sd(0), some = final_sd(0.1), more = final_sd(0.5);
  INFO("final sd: stubbornness 0 " << none << ", 0.1 " << some << ", 0.5 " << more);
  CHECK(none < 0.01);
  CHECK(some > 0.05);
  CHECK(more > some);
}

namespace {
std::vector<float> ideology_after(int weeks, std::vector<std::string> sets) {
  for (const char* off : {"grievance", "hope", "mobilization", "engagement", "strikes", "union_growth"})
    sets.push_back(std::string("mechanisms.") + off + ".enabled=false");
  Simulation sim(make_scenario(small_world(1000, weeks), sets), 2);
  run_all(sim);
  return sim.world().persons.ideology;
}
}  // namespace

TEST_CASE("opinion: an even start spans [initial_min, initial_max], ends included, in person order") {
  const auto x = ideology_after(0 + 1, {"mechanisms.opinion.initial=even", "mechanisms.opinion.initial_min=-0.5",
                                        "mechanisms.opinion.initial_max=0.5", "mechanisms.opinion.enabled=false"});
  CHECK(x.front() == Approx(-0.5f));
  CHECK(x.back() == Approx(0.5f));
  CHECK(std::is_sorted(x.begin(), x.end()));
}

TEST_CASE("opinion: complete mixing with a bound spanning everyone reaches the mean in one step (HK)") {
  // rate 1: each moves to the mean of all within epsilon, itself included; epsilon 2 includes all.
  const auto start = ideology_after(1, {"mechanisms.opinion.initial=uniform", "mechanisms.opinion.enabled=false"});
  const auto x = ideology_after(1, {"mechanisms.opinion.initial=uniform", "mechanisms.opinion.rule=complete",
                                    "mechanisms.opinion.epsilon=2", "mechanisms.opinion.rate=1",
                                    "mechanisms.opinion.stubbornness=0"});
  const double m = mean(start);
  for (float v : x) REQUIRE(v == Approx(m).margin(1e-5));
}

TEST_CASE("opinion: Deffuant encounters pull opinions together within the threshold, never beyond it") {
  const std::vector<std::string> base = {"mechanisms.opinion.initial=uniform", "mechanisms.opinion.rule=deffuant",
                                         "mechanisms.opinion.rate=0.5", "mechanisms.opinion.stubbornness=0",
                                         "mechanisms.opinion.encounters=20"};
  auto with = [&](const char* eps) {
    auto s = base;
    s.push_back(std::string("mechanisms.opinion.epsilon=") + eps);
    return ideology_after(10, s);
  };
  const auto start = ideology_after(1, {"mechanisms.opinion.initial=uniform", "mechanisms.opinion.enabled=false"});
  const auto wide = with("2.0"), narrow = with("0.3"), none = with("0.0");
  CHECK(sd(wide) < 0.05 * sd(start));   // everyone within reach: consensus
  CHECK(clusters(narrow, 0.02) >= 2);   // d = 0.15: floor(1 / 0.3) = 3 clusters expected
  CHECK(sd(none) == Approx(sd(start)));  // a zero threshold: nobody ever moves
}
