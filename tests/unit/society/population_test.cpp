// M1 population: realized shares match the scenario within sampling error; the network is a
// proper undirected CSR with persons ordered by district.
#include <catch2/catch.hpp>
#include <cmath>

#include "helpers.h"

using namespace tribune;
using namespace tribune::test;

TEST_CASE("population: class shares and college shares match the scenario within sampling error") {
  const int n = 50000;
  Simulation sim(make_scenario(small_world(n, 1)), 2);
  const auto& P = sim.world().persons;
  const auto& wp = sim.scenario().world;
  int count[kClasses] = {0, 0, 0}, college[kClasses] = {0, 0, 0};
  for (int64_t i = 0; i < n; ++i) {
    ++count[P.klass[i]];
    college[P.klass[i]] += P.college[i];
  }
  for (int k = 0; k < kClasses; ++k) {
    // Binomial sampling: 4 standard deviations.
    const double p = wp.class_shares[k];
    CHECK(std::fabs(count[k] / double(n) - p) < 4 * std::sqrt(p * (1 - p) / n));
    const double q = wp.college_share[k];
    CHECK(std::fabs(college[k] / double(count[k]) - q) < 4 * std::sqrt(q * (1 - q) / count[k]));
  }
}

TEST_CASE("population: realized union density matches the target within sampling error") {
  // Unionization happens workplace by workplace and workplace sizes are heavy-tailed, so the
  // spread of one world's density is hard to write down (one unionized 5,000-person workplace
  // moves a 30,000-person world's density by several points); instead the mean over 12 seeds
  // must lie within 4 standard errors, estimated from those seeds, of the target.
  for (double target : {0.10, 0.30}) {
    std::vector<double> d;
    for (int seed = 1; seed <= 12; ++seed) {
      Simulation sim(make_scenario(small_world(30000, 1),
                                   {"seed=" + std::to_string(seed), "world.unions.density=" + std::to_string(target)}),
                     2);
      sim.record();
      d.push_back(sim.recorder().last("union_density"));
    }
    double m = mean(d), v = 0;
    for (double x : d) v += (x - m) * (x - m);
    const double se = std::sqrt(v / (d.size() - 1) / d.size());
    INFO("target " << target << " mean " << m << " se " << se);
    CHECK(std::fabs(m - target) < 4 * se + 1e-3);
  }
}

TEST_CASE("population: mean degree matches the scenario; ties are symmetric with no self-loops") {
  const int n = 20000;
  for (double degree : {8.0, 16.0, 11.0}) {
    Simulation sim(make_scenario(small_world(n, 1), {"world.network.mean_degree=" + std::to_string(degree)}), 2);
    const auto& N = sim.world().network;
    const double realized = double(N.nbr.size()) / n;
    const std::vector<int32_t> nbr = N.nbr.to_vector();
    INFO("degree " << degree << " realized " << realized);
    // Per-person fractional ties are Bernoulli; duplicates come only from random ties (rare).
    CHECK(std::fabs(realized - degree) < 0.02 * degree);
    for (int64_t i = 0; i < n; i += 97)
      for (int64_t k = N.offsets[i]; k < N.offsets[i + 1]; ++k) {
        const int32_t j = nbr[k];
        REQUIRE(j != i);
        auto b = nbr.begin() + N.offsets[j], e = nbr.begin() + N.offsets[j + 1];
        REQUIRE(std::binary_search(b, e, static_cast<int32_t>(i)));
      }
  }
}

TEST_CASE("population: persons are ordered by district and district sizes follow weights") {
  Simulation sim(make_scenario(small_world(9000, 1)), 1);
  const auto& w = sim.world();
  REQUIRE(w.districts.size() == 2);
  CHECK(w.districts[0].size() == 3000);  // weights 1 and 2
  CHECK(w.districts[1].size() == 6000);
  for (int64_t i = 1; i < w.size(); ++i) REQUIRE(w.persons.district[i - 1] <= w.persons.district[i]);
}

TEST_CASE("population: workplaces are heavy-tailed and only workers and professionals are employed") {
  Simulation sim(make_scenario(small_world(60000, 1)), 2);
  const auto& w = sim.world();
  int64_t largest = 0, small = 0;
  for (int64_t k = 0; k < w.workplaces.count(); ++k) {
    largest = std::max(largest, w.workplaces.size(k));
    small += w.workplaces.size(k) <= 5;
  }
  // A power law with exponent 2.06 puts most workplaces at the bottom and a few far above.
  CHECK(small > w.workplaces.count() / 2);
  CHECK(largest > 100);
  for (int64_t i = 0; i < w.size(); ++i)
    if (w.persons.klass[i] == 2) REQUIRE(w.persons.workplace[i] == -1);
}
