// Phase 3's single pass over the ties (model/influence.h) must give exactly what M4 opinion's
// step followed by M3 hope's step gives: same floats, bit for bit, with bounded confidence and
// with plain averaging, without hope impulses pending and with a few or everyone having one (the
// fused pass reads the ties' impulses through a bitmap when some have one, and, when only a
// handful do, sums them for the persons at their ties before the pass), for 1 and 2 threads.
#include <catch2/catch.hpp>
#include <cstring>

#include "core/context.h"
#include "helpers.h"
#include "model/society/influence.h"

using namespace tribune;
using namespace tribune::test;

namespace {
bool same_bits(const std::vector<float>& a, const std::vector<float>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0;
}

// Every stride-th person won or lost something this week (as M31 or M19 would write).
void give_impulses(World& w, int stride) {
  for (int64_t i = 0; i < w.size(); i += stride) w.persons.hope_impulse[i] = (i % (2 * stride) == 0) ? 0.05f : -0.08f;
  w.hope_impulses_pending = true;
}
}  // namespace

TEST_CASE("influence: one pass over the ties equals opinion's step then hope's") {
  for (const char* epsilon : {"0.3", "2"})
    for (int impulses : {0, 2000, 7, 1})  // none, three persons, one person in 7, everyone
      for (int threads : {1, 2}) {
        const Scenario s = make_scenario(small_world(6000, 20), {std::string("mechanisms.opinion.epsilon=") + epsilon});
        Simulation fused(s, threads), apart(s, threads);
        for (int t = 0; t < 5; ++t) {  // let ideology and hope spread out first
          fused.tick();
          apart.tick();
        }
        REQUIRE(same_bits(fused.world().persons.hope, apart.world().persons.hope));
        if (impulses) {
          give_impulses(fused.world(), impulses);
          give_impulses(apart.world(), impulses);
        }
        const Mechanisms& m = s.mechanisms;
        const auto ctx = [&](Simulation& sim, const char* name) {
          return Context{sim.world().tick, sim.pool(), Streams(uint64_t(s.seed), uint64_t(s.replicate), name)};
        };
        const std::vector<float> hope_before = fused.world().persons.hope;
        step_influence(fused.world(), m.opinion, m.hope, ctx(fused, HopeParams::kName));
        step(apart.world(), m.opinion, ctx(apart, OpinionParams::kName));
        step(apart.world(), m.hope, ctx(apart, HopeParams::kName));
        INFO("epsilon " << epsilon << ", impulses " << impulses << ", threads " << threads);
        CHECK(!same_bits(hope_before, fused.world().persons.hope));  // something did change
        CHECK(same_bits(fused.world().persons.ideology, apart.world().persons.ideology));
        CHECK(same_bits(fused.world().persons.hope, apart.world().persons.hope));
        CHECK(same_bits(fused.world().persons.hope_impulse, apart.world().persons.hope_impulse));
        CHECK(fused.world().hope_impulses_pending == apart.world().hope_impulses_pending);
      }
}

TEST_CASE("influence: a week with a handful of impulses gives the floats of reading every tie's") {
  // Three persons of 6,000 with an impulse: under influence.cpp's limit (one in 1,024), so the
  // persons at their ties get their sums before the pass; forced off, the pass tests every tie.
  for (int threads : {1, 2}) {
    const Scenario s = make_scenario(small_world(6000, 20), {"mechanisms.opinion.epsilon=0.3"});
    Simulation few(s, threads), every(s, threads), none(s, threads);
    for (int t = 0; t < 5; ++t) {
      few.tick();
      every.tick();
      none.tick();
    }
    give_impulses(few.world(), 2000);
    give_impulses(every.world(), 2000);
    const auto ctx = [&](Simulation& sim) {
      return Context{sim.world().tick, sim.pool(), Streams(uint64_t(s.seed), uint64_t(s.replicate), HopeParams::kName)};
    };
    step_influence(few.world(), s.mechanisms.opinion, s.mechanisms.hope, ctx(few));
    step_influence(none.world(), s.mechanisms.opinion, s.mechanisms.hope, ctx(none));
    few_impulses_force_off(true);
    REQUIRE(few_impulses_off());
    step_influence(every.world(), s.mechanisms.opinion, s.mechanisms.hope, ctx(every));
    few_impulses_force_off(false);
    INFO("threads " << threads);
    // The persons at the ties of those with an impulse heard of it: their hope is not what it is
    // in the same week without impulses.
    int64_t heard = 0;
    const auto& w = few.world();
    for (int64_t k = w.network.offsets[2000]; k < w.network.offsets[2001]; ++k) {
      const uint32_t i = w.network.nbr[k];
      heard += none.world().persons.hope[i] != w.persons.hope[i];
    }
    CHECK(heard == w.network.degree(2000));
    CHECK(same_bits(few.world().persons.hope, every.world().persons.hope));
    CHECK(same_bits(few.world().persons.ideology, every.world().persons.ideology));
  }
}
