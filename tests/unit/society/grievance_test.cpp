// M2 grievance: a shock raises the grievance of the classes and districts it hits, and only those.
#include <catch2/catch.hpp>

#include "helpers.h"

using namespace tribune;
using namespace tribune::test;

namespace {
double class_mean(const World& w, int k, int district = -1) {
  double s = 0;
  int64_t c = 0;
  for (int64_t i = 0; i < w.size(); ++i)
    if (w.persons.klass[i] == k && (district < 0 || w.persons.district[i] == district)) {
      s += w.persons.grievance[i];
      ++c;
    }
  return s / double(c);
}
}  // namespace

TEST_CASE("grievance: an economic shock raises workers' grievance in the district hit") {
  const std::string shock =
      "timeline:\n  - {week: 2, kind: economic_shock, magnitude: 0.2, duration_weeks: 20, classes: [worker], "
      "districts: [b]}\n";
  // Repression off: arrests would carry the shock to the ties of those arrested (M29 backlash).
  const std::vector<std::string> no_arrests = {"mechanisms.repression.enabled=false"};
  Simulation calm(make_scenario(small_world(6000, 12), no_arrests), 2),
      hit(make_scenario(small_world(6000, 12, shock), no_arrests), 2);
  run_all(calm);
  run_all(hit);
  CHECK(class_mean(hit.world(), 0, 1) > class_mean(calm.world(), 0, 1) + 0.1);
  // Classes and districts not hit are unchanged: same draws, same dynamics.
  CHECK(class_mean(hit.world(), 1) == class_mean(calm.world(), 1));
  CHECK(class_mean(hit.world(), 0, 0) == class_mean(calm.world(), 0, 0));
}

TEST_CASE("grievance: after the shock ends grievance falls back") {
  const std::string shock =
      "timeline:\n  - {week: 1, kind: economic_shock, magnitude: 0.3, duration_weeks: 10, recovery_weeks: 4}\n";
  Simulation sim(make_scenario(small_world(4000, 60, shock)), 2);
  double peak = 0;
  while (!sim.done()) {
    sim.tick();
    if (sim.world().tick == 11) peak = sim.recorder().last("grievance_mean");
  }
  const double end = sim.recorder().last("grievance_mean");
  const double before = sim.recorder().city()[1][0];
  CHECK(peak > before + 0.2);
  CHECK(end < before + 0.01);
}

TEST_CASE("grievance: switched off, grievance stays at its initial values") {
  const std::string shock = "timeline:\n  - {week: 1, kind: economic_shock, magnitude: 0.3}\n";
  Simulation sim(make_scenario(small_world(2000, 8, shock), {"mechanisms.grievance.enabled=false"}), 1);
  const auto g0 = sim.world().persons.grievance;
  run_all(sim);
  CHECK(sim.world().persons.grievance == g0);
}

TEST_CASE("grievance: outrage fades with its half-life") {
  // A police killing adds 0.4 of outrage everywhere at week 1 (before M2 runs that week); with a
  // half-life of 4 weeks, after week k it is 0.4 x 2^(-k/4), and grievance comes back to where it
  // was.
  const std::string killing = "timeline:\n  - {week: 1, kind: police_killing, outrage: 0.4, legitimacy_loss: 0}\n";
  Simulation sim(make_scenario(small_world(4000, 30, killing),
                               {"mechanisms.mobilization.enabled=false", "mechanisms.grievance.outrage_half_life=4"}), 2);
  std::vector<double> outrage, grievance;
  while (!sim.done()) {
    sim.tick();
    double o = 0;
    for (float x : sim.world().persons.outrage) o += x;
    outrage.push_back(o / double(sim.world().size()));
    grievance.push_back(sim.recorder().last("grievance_mean"));
  }
  CHECK(outrage[0] == 0);
  CHECK(outrage[2] == Approx(0.4 * std::exp2(-2.0 / 4)).epsilon(0.001));
  CHECK(outrage[17] == Approx(0.4 * std::exp2(-17.0 / 4)).epsilon(0.001));
  CHECK(grievance[5] > grievance[0] + 0.15);
  CHECK(grievance[29] < grievance[0] + 0.01);
}

TEST_CASE("grievance: initial uniform draws U(0, 1) for everyone, whatever their class, and keeps it") {
  // 6,000 draws: the mean's standard error is 0.289 / sqrt(6000) = 0.0037 and a quartile's share
  // has standard error 0.0056; the tolerances are about five of them.
  Simulation sim(make_scenario(small_world(6000, 12), {"mechanisms.grievance.initial=uniform",
                                                       "mechanisms.grievance.noise_sd=0",
                                                       "mechanisms.repression.enabled=false"}),
                 2);
  const auto g0 = sim.world().persons.grievance;
  double sum = 0;
  int64_t low = 0, owners_high = 0, owners = 0;
  for (int64_t i = 0; i < sim.world().size(); ++i) {
    sum += g0[i];
    low += g0[i] < 0.25f;
    if (sim.world().persons.klass[i] == 2) owners_high += g0[i] > 0.5f, ++owners;
  }
  CHECK(sum / double(g0.size()) == Approx(0.5).margin(0.02));
  CHECK(double(low) / double(g0.size()) == Approx(0.25).margin(0.03));
  // Owners' baseline (0.1) is not used: half of them are above one half too.
  CHECK(double(owners_high) / double(owners) == Approx(0.5).margin(0.1));
  run_all(sim);
  for (int64_t i = 0; i < sim.world().size(); ++i) REQUIRE(sim.world().persons.grievance[i] == Approx(g0[i]).margin(1e-5));
}
