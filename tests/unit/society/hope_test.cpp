// M3 hope: wins raise hope where they happen and, through ties, around them; hope returns to
// its baseline; diffusion pulls ties together.
#include <catch2/catch.hpp>

#include "helpers.h"

using namespace tribune;
using namespace tribune::test;

namespace {
// The largest workplace and everyone tied to one of its employees (but not employed there).
struct Site {
  std::vector<int32_t> workers, neighbours;
};
Site largest_workplace(const World& w) {
  int64_t best = 0;
  for (int64_t k = 1; k < w.workplaces.count(); ++k)
    if (w.workplaces.size(k) > w.workplaces.size(best)) best = k;
  Site s;
  std::vector<char> mark(static_cast<size_t>(w.size()), 0);
  for (int64_t m = w.workplaces.member_offsets[best]; m < w.workplaces.member_offsets[best + 1]; ++m) {
    s.workers.push_back(w.workplaces.members[m]);
    mark[w.workplaces.members[m]] = 1;
  }
  for (int32_t i : s.workers)
    for (int64_t k = w.network.offsets[i]; k < w.network.offsets[i + 1]; ++k)
      if (!mark[w.network.nbr[k]]) {
        mark[w.network.nbr[k]] = 2;
        s.neighbours.push_back(w.network.nbr[k]);
      }
  return s;
}
double mean_hope(const World& w, const std::vector<int32_t>& who) {
  double s = 0;
  for (int32_t i : who) s += w.persons.hope[i];
  return s / double(who.size());
}
}  // namespace

TEST_CASE("hope: a won strike raises the hope of its workplace and of their neighbours") {
  // The strike itself arrives with M14; here a win is delivered as the impulse M14 will write.
  Simulation control(make_scenario(small_world(20000, 6)), 2), won(make_scenario(small_world(20000, 6)), 2);
  const Site site = largest_workplace(won.world());
  REQUIRE(site.workers.size() > 20);
  control.tick();
  won.tick();
  for (int32_t i : site.workers) won.world().persons.hope_impulse[i] = 0.2f;
  won.world().hope_impulses_pending = true;
  for (int t = 0; t < 3; ++t) {
    control.tick();
    won.tick();
  }
  const double dw = mean_hope(won.world(), site.workers) - mean_hope(control.world(), site.workers);
  const double dn = mean_hope(won.world(), site.neighbours) - mean_hope(control.world(), site.neighbours);
  INFO("workers +" << dw << ", neighbours +" << dn);
  CHECK(dw > 0.1);
  CHECK(dn > 0.01);
  CHECK(dw > dn);
}

TEST_CASE("hope: a defeat lowers hope where it happens") {
  Simulation control(make_scenario(small_world(8000, 4)), 2), lost(make_scenario(small_world(8000, 4)), 2);
  const Site site = largest_workplace(lost.world());
  for (int32_t i : site.workers) lost.world().persons.hope_impulse[i] = -0.2f;
  lost.world().hope_impulses_pending = true;
  run_all(control);
  run_all(lost);
  CHECK(mean_hope(lost.world(), site.workers) < mean_hope(control.world(), site.workers) - 0.1);
}

TEST_CASE("hope: without wins or defeats hope relaxes to the class baseline") {
  // Start everyone at 0.9 hope; workers' baseline is 0.35.
  Simulation sim(make_scenario(small_world(4000, 200), {"mechanisms.hope.initial_sd=0", "mechanisms.hope.noise_sd=0",
                                                        "mechanisms.hope.relax_rate=0.05"}),
                 2);
  auto& h = sim.world().persons.hope;
  std::fill(h.begin(), h.end(), 0.9f);
  run_all(sim);
  double s = 0;
  int64_t c = 0;
  for (int64_t i = 0; i < sim.world().size(); ++i)
    if (sim.world().persons.klass[i] == 0) {
      s += h[i];
      ++c;
    }
  CHECK(s / double(c) == Approx(0.35).margin(0.05));
}

TEST_CASE("hope: diffusion narrows the spread of hope between ties") {
  auto spread = [](double diffusion) {
    Simulation sim(
        make_scenario(small_world(6000, 30), {"mechanisms.hope.diffusion=" + std::to_string(diffusion),
                                              "mechanisms.hope.initial_sd=0.3", "mechanisms.hope.relax_rate=0"}),
        2);
    run_all(sim);
    const auto& h = sim.world().persons.hope;
    double m = mean(h), v = 0;
    for (float x : h) v += (x - m) * (x - m);
    return v / double(h.size());
  };
  CHECK(spread(0.3) < 0.5 * spread(0.0));
}
