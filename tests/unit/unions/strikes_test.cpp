// M14 strikes: community support raises strike win rates; a strike raises militancy in its sector.
#include <catch2/catch.hpp>
#include <cmath>

#include "helpers.h"

using namespace tribune;
using namespace tribune::test;

namespace {
// Every contract expiry becomes a strike (threshold 0) and contracts last 10 weeks.
std::string strike_world(const std::string& strategy, int weeks) {
  return small_world(30000, weeks,
                     "organizations:\n  - {name: left, members_per_resident: 0.02, volunteers_per_member: 1, "
                     "strategy: " +
                         strategy +
                         "}\n"
                         "unions:\n  - {name: all, sectors: [health_education, trade_transport, professional_business, "
                         "public, manufacturing, hospitality, other], contract_weeks: 10}\n");
}
const std::vector<std::string> kAlwaysStrike = {"mechanisms.strikes.threshold=0", "world.unions.density=0.3",
                                                "mechanisms.union_growth.enabled=false"};
}  // namespace

TEST_CASE("strikes: more community support raises strike win rates") {
  auto win_rate = [](const std::string& strategy, double& n) {
    Simulation sim(make_scenario(strike_world(strategy, 60), kAlwaysStrike), 2);
    run_all(sim);
    const auto& won = sim.world().events.at("strikes").columns()[7].ints;
    n = double(won.size());
    double w = 0;
    for (int64_t x : won) w += double(x);
    return w / n;
  };
  double n0 = 0, n1 = 0;
  const double a = win_rate("{electoral: 0.5, movement: 0.1, union: 0, base_building: 0.3, internal: 0.1}", n0);
  const double b = win_rate("{electoral: 0.1, movement: 0.1, union: 0.6, base_building: 0.1, internal: 0.1}", n1);
  REQUIRE(n0 > 300);
  REQUIRE(n1 > 300);
  const double se = std::sqrt(a * (1 - a) / n0 + b * (1 - b) / n1);
  INFO("win rate without support " << a << " (" << n0 << " strikes), with " << b << " (" << n1 << "), se " << se);
  CHECK(b - a > 3 * se);
}

TEST_CASE("strikes: a strike raises militancy in its sector (strike waves)") {
  auto militancy_after_first_strikes = [](double wave) {
    Simulation sim(make_scenario(strike_world("{electoral: 0.4, movement: 0.15, union: 0.1, base_building: 0.2, "
                                              "internal: 0.15}",
                                              3),
                                 {"mechanisms.strikes.threshold=0.2", "world.unions.density=0.3",
                                  "mechanisms.strikes.wave=" + std::to_string(wave)}),
                   2);
    run_all(sim);
    const auto& W = sim.world().workplaces;
    double m = 0, n = 0;
    for (int64_t k = 0; k < W.count(); ++k)
      if (W.union_id[k] >= 0 && W.strike[k] == 0) m += W.militancy[k], n += 1;  // those not on strike
    return m / n;
  };
  CHECK(militancy_after_first_strikes(1.0) > militancy_after_first_strikes(0.0) + 0.02);
}

TEST_CASE("strikes: a win lowers the strikers' grievance and raises their hope") {
  Simulation sim(
      make_scenario(strike_world("{electoral: 0.1, movement: 0.1, union: 0.6, base_building: 0.1, "
                                 "internal: 0.1}",
                                 30),
                    {"mechanisms.strikes.threshold=0", "world.unions.density=0.3", "mechanisms.strikes.base_logit=10"}),
      2);
  const auto offsets = sim.world().persons.grievance_offset;
  run_all(sim);
  const auto& P = sim.world().persons;
  double before = 0, after = 0, n = 0;
  for (int64_t i = 0; i < sim.world().size(); ++i)
    if (P.workplace[i] >= 0 && sim.world().workplaces.union_id[P.workplace[i]] >= 0)
      before += offsets[i], after += P.grievance_offset[i], n += 1;
  CHECK(after / n < before / n - 0.02);
  CHECK(sim.recorder().last("hope_mean") > sim.recorder().city()[0][0]);
}
