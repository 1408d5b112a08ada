// Timeline events of the movements issue: police_killing, scandal, strike_wave.
#include <catch2/catch.hpp>

#include "elections_helpers.h"

using namespace tribune;
using namespace tribune::test;

namespace {
double district_grievance(const World& w, int d) {
  double s = 0;
  for (int64_t i = w.districts[d].begin; i < w.districts[d].end; ++i) s += w.persons.grievance[i];
  return s / static_cast<double>(w.districts[d].size());
}
}  // namespace

TEST_CASE("timeline: a police killing outrages its district, costs legitimacy and brings people out") {
  const std::vector<std::string> sets = {"mechanisms.repression.enabled=false"};
  Simulation calm(make_scenario(small_world(10000, 6), sets), 2);
  Simulation killed(make_scenario(small_world(10000, 6,
                                              "timeline:\n  - {week: 2, kind: police_killing, districts: [b], "
                                              "outrage: 0.3, legitimacy_loss: 0.2}\n"),
                                  sets),
                    2);
  run_all(calm);
  run_all(killed);
  CHECK(district_grievance(killed.world(), 1) > district_grievance(calm.world(), 1) + 0.1);
  CHECK(district_grievance(killed.world(), 0) == Approx(district_grievance(calm.world(), 0)));
  CHECK(killed.recorder().last("legitimacy") == Approx(calm.recorder().last("legitimacy") - 0.2));
  CHECK(killed.world().movement.protesters > calm.world().movement.protesters);
}

TEST_CASE("timeline: a scandal lowers legitimacy and hope") {
  const std::vector<std::string> sets = {"mechanisms.repression.enabled=false"};
  Simulation calm(make_scenario(small_world(5000, 5), sets), 2);
  Simulation scandal(
      make_scenario(small_world(5000, 5, "timeline:\n  - {week: 1, kind: scandal, legitimacy_loss: 0.15}\n"), sets), 2);
  run_all(calm);
  run_all(scandal);
  CHECK(scandal.recorder().last("legitimacy") == Approx(calm.recorder().last("legitimacy") - 0.15));
  CHECK(scandal.recorder().last("hope_mean") < calm.recorder().last("hope_mean"));
}

TEST_CASE("timeline: a strike wave raises militancy in the sectors it reaches") {
  auto militancy = [](const std::string& extra) {
    Simulation sim(make_scenario(small_world(20000, 3, extra), {"world.unions.density=0.3"}), 2);
    run_all(sim);
    const auto& W = sim.world().workplaces;
    double in = 0, out = 0, n_in = 0, n_out = 0;
    for (int64_t k = 0; k < W.count(); ++k) {
      if (W.union_id[k] < 0) continue;
      const bool public_sector = sim.world().sectors[W.sector[k]] == "public";
      (public_sector ? in : out) += W.militancy[k];
      (public_sector ? n_in : n_out) += 1;
    }
    return std::pair<double, double>{in / n_in, out / n_out};
  };
  const auto calm = militancy(""), wave = militancy("timeline:\n  - {week: 1, kind: strike_wave, sectors: [public]}\n");
  CHECK(wave.first > calm.first + 0.2);
  CHECK(wave.second == Approx(calm.second));
}

TEST_CASE("timeline: a pandemic cuts organizations' hours and protest, and raises workers' grievance") {
  const std::vector<std::string> sets = {"mechanisms.repression.enabled=false",
                                         "mechanisms.mobilization.threshold_mean=0.15"};
  const std::string org = one_org();
  Simulation calm(make_scenario(small_world(10000, 8, org), sets), 2);
  Simulation sick(make_scenario(small_world(10000, 8,
                                            org + "timeline:\n  - {week: 2, kind: pandemic, duration_weeks: 20, "
                                                  "hours_cut: 0.6, gathering_risk: 0.5, grievance: 0.1}\n"),
                                sets),
                  2);
  run_all(calm);
  run_all(sick);
  const Org &a = calm.world().orgs[0], &b = sick.world().orgs[0];
  double ha = 0, hb = 0;
  for (int k = 0; k < kActivities; ++k) ha += a.hours[k], hb += b.hours[k];
  INFO("hours " << ha << " -> " << hb << ", protesters " << calm.world().movement.protesters << " -> "
                << sick.world().movement.protesters);
  CHECK(hb < 0.8 * ha);
  REQUIRE(calm.world().movement.protesters > 500);
  CHECK(sick.world().movement.protesters < calm.world().movement.protesters / 2);
  CHECK(sick.recorder().last("grievance_mean") > calm.recorder().last("grievance_mean") + 0.02);
}
