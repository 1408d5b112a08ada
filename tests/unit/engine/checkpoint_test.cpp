// A run's state saved at a tick and restored into a simulation built from the same scenario
// continues bit for bit as the uninterrupted run: every person column, every series, every event
// table, for 1 and 2 threads, at several ticks (the state behind checkpoints, issue 18).
#include <catch2/catch.hpp>
#include <cstring>

#include "helpers.h"

using namespace tribune;
using namespace tribune::test;

namespace {
// A city with most of the model at work: an organization running cadre campaigns, council and
// mayor elections with a primary, a reform agenda, a union, a shock, a mass call and a pandemic.
Scenario city() {
  const std::string extra = one_org("{electoral: 0.4, movement: 0.2, union: 0.1, base_building: 0.2, internal: 0.1}",
                                    ", candidates: cadre_campaign") +
                            "offices:\n"
                            "  - {name: council, first_election: 20, term_weeks: 30}\n"
                            "  - {name: mayor, level: mayor, constituency: at_large, rule: irv, first_election: 25, "
                            "term_weeks: 30, veto: true}\n"
                            "agenda:\n  - {name: transit, legislature: council, executive: mayor}\n"
                            "timeline:\n  - {week: 5, kind: economic_shock, magnitude: 0.2, classes: [worker]}\n"
                            "  - {week: 9, kind: mass_call}\n  - {week: 30, kind: pandemic, duration_weeks: 4}\n"
                            "  - {week: 12, kind: police_killing}\n";
  return make_scenario(small_world(8000, 70, extra), {"mechanisms.mobilization.threshold_mean=0.3"});
}

template <class T>
bool same_bits(const std::vector<T>& a, const std::vector<T>& b) {
  return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(T)) == 0);
}

// Everything a run's output holds, compared bit for bit.
void check_same(const Simulation& a, const Simulation& b) {
  const Recorder &ra = a.recorder(), &rb = b.recorder();
  REQUIRE(ra.ticks() == rb.ticks());
  for (size_t k = 0; k < ra.city().size(); ++k) {
    INFO("city series " << ra.city_series()[k].name);
    CHECK(same_bits(ra.city()[k], rb.city()[k]));
  }
  for (size_t k = 0; k < ra.district().size(); ++k) CHECK(same_bits(ra.district()[k], rb.district()[k]));
  for (size_t k = 0; k < ra.org().size(); ++k) CHECK(same_bits(ra.org()[k], rb.org()[k]));
  for (size_t k = 0; k < ra.parties().size(); ++k) CHECK(same_bits(ra.parties()[k], rb.parties()[k]));
  a.world().persons.for_each_field([&](const FieldInfo& f, const auto& col) {
    INFO("person column " << f.name);
    b.world().persons.for_each_field([&](const FieldInfo& g, const auto& other) {
      if constexpr (std::is_same_v<decltype(col), decltype(other)>)
        if (std::string(f.name) == g.name) CHECK(same_bits(col, other));
    });
  });
  for (const auto& [name, table] : a.world().events) {
    INFO("event table " << name);
    const auto& other = b.world().events.at(name);
    REQUIRE(table.rows() == other.rows());
    for (size_t c = 0; c < table.columns().size(); ++c) {
      CHECK(same_bits(table.columns()[c].ints, other.columns()[c].ints));
      CHECK(same_bits(table.columns()[c].reals, other.columns()[c].reals));
      CHECK(table.columns()[c].texts == other.columns()[c].texts);
    }
  }
}
}  // namespace

TEST_CASE("checkpoint: a state restored at any tick continues bit for bit as the uninterrupted run") {
  Simulation whole(city(), 1);
  std::vector<std::pair<int64_t, std::string>> saved;
  while (!whole.done()) {
    if (whole.world().tick == 1 || whole.world().tick == 17 || whole.world().tick == 44)
      saved.emplace_back(whole.world().tick, whole.save_state());
    whole.tick();
  }
  whole.finish();
  REQUIRE(saved.size() == 3);
  REQUIRE(whole.world().events.at("elections").rows() > 0);  // the run went through elections
  for (const auto& [tick, bytes] : saved)
    for (int threads : {1, 2}) {
      INFO("restored at tick " << tick << " with " << threads << " threads");
      Simulation resumed(city(), threads);
      resumed.restore_state(bytes);
      REQUIRE(resumed.world().tick == tick);
      while (!resumed.done()) resumed.tick();
      resumed.finish();
      check_same(whole, resumed);
    }
}

TEST_CASE("checkpoint: a state is refused by a simulation of another scenario, and when damaged") {
  Simulation a(city(), 1);
  for (int t = 0; t < 3; ++t) a.tick();
  const std::string bytes = a.save_state();
  Simulation other(make_scenario(small_world(5000, 70)), 1);
  CHECK_THROWS_AS(other.restore_state(bytes), std::runtime_error);
  Simulation same(city(), 1);
  CHECK_THROWS_AS(same.restore_state(bytes.substr(0, bytes.size() / 2)), std::runtime_error);
  CHECK_THROWS_AS(same.restore_state("not a state"), std::runtime_error);
}
