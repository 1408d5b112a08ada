#include "engine/simulation.h"

#include "core/fields.h"
#include "core/stop.h"
#include "model/elections/seating.h"
#include "model/movements/episodes.h"
#include "model/movements/organizer_in_chief.h"
#include "model/society/influence.h"
#include "model/unions/union_tables.h"

namespace tribune {

namespace {
// Visits each mechanism's params in the order Mechanisms::fields() lists them.
template <class F>
struct EachMechanism {
  F f;
  template <class P>
  void object(const char*, P& p, const Meta&) {
    f(static_cast<const P&>(p));
  }
};
template <class F>
EachMechanism(F) -> EachMechanism<F>;
}  // namespace

Simulation::Simulation(Scenario scenario, int threads)
    : scenario_(std::move(scenario)), pool_(threads, scenario_.engine.chunk_size) {
  auto t0 = std::chrono::steady_clock::now();
  const uint64_t seed = uint64_t(scenario_.seed), rep = uint64_t(scenario_.replicate);
  build_population(world_, scenario_.world, Streams(seed, rep, "population"), pool_);
  if (!scenario_.engine.compact_ties) world_.network.nbr.widen();
  for (const auto& spec : scenario_.organizations) world_.orgs.emplace_back().spec = spec;
  setup_unions(world_, scenario_.unions);
  world_.politics.parties = scenario_.parties;
  world_.politics.office_specs = scenario_.offices;
  world_.politics.agenda = scenario_.agenda;
  // Every mechanism draws its initial state, switched on or not: the world is the same either way.
  Mechanisms copy = scenario_.mechanisms;
  EachMechanism each{[&](const auto& p) {
    throw_if_stopped("building the world (initial states)");
    init(world_, p, context(p.kName));
  }};
  copy.fields(each);
  seat_at_start(world_, scenario_.officeholders);  // M17: a city is governed before its first election
  recorder_ = Recorder(world_);
  build_seconds_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

void Simulation::finish() {
  close_open_episodes(world_);
  close_open_call(world_);
}

// M4 opinion and M3 hope read the same ties: with both on (and opinion over ties), one pass serves
// both (model/influence.h), timed as "influence"; otherwise each runs alone.
void Simulation::influence() {
  const Mechanisms& m = scenario_.mechanisms;
  if (!m.opinion.enabled || !m.hope.enabled || m.opinion.rule != OpinionRule::ties) {
    run(&Mechanisms::opinion);
    run(&Mechanisms::hope);
    return;
  }
  const auto t0 = profiling_ ? Clock::now() : Clock::time_point{};
  step_influence(world_, m.opinion, m.hope, context(HopeParams::kName));
  if (profiling_) add_time("influence", t0);
}

void Simulation::record() {
  const auto t0 = profiling_ ? Clock::now() : Clock::time_point{};
  count_levels(world_, pool_);
  recorder_.record(world_, pool_);
  if (profiling_) add_time("record", t0);
}

void Simulation::add_time(const char* phase, Clock::time_point since) {
  const double dt = std::chrono::duration<double>(Clock::now() - since).count();
  for (auto& [name, sec] : phase_seconds_)
    if (name == phase) {
      sec += dt;
      return;
    }
  phase_seconds_.emplace_back(phase, dt);
}

}  // namespace tribune
