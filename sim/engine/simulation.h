#pragma once
// One run: the scenario, the world built from it, the mechanisms stepped by the tick function,
// and the recorder. Knows nothing of YAML, argv or files.
#include <chrono>
#include <functional>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/context.h"
#include "core/parallel.h"
#include "engine/recorder.h"
#include "engine/scenario.h"
#include "world/world.h"

namespace tribune {

class Simulation {
 public:
  Simulation(Scenario scenario, int threads);

  void tick();  // advance one week (core/tick.cpp: the model's table of contents)
  bool done() const { return world_.tick >= scenario_.horizon_weeks; }
  void finish();  // at the horizon: record what is still under way (open protest episodes)

  const Scenario& scenario() const { return scenario_; }
  const World& world() const { return world_; }
  World& world() { return world_; }
  const Recorder& recorder() const { return recorder_; }
  const Pool& pool() const { return pool_; }
  double build_seconds() const { return build_seconds_; }

  // Run a mechanism's weekly step if the scenario leaves it on.
  template <class P>
  void run(P Mechanisms::*member) {
    const P& p = scenario_.mechanisms.*member;
    if (!p.enabled) return;
    const auto t0 = profiling_ ? Clock::now() : Clock::time_point{};
    step(world_, p, context(P::kName));
    if (profiling_) add_time(P::kName, t0);
  }
  void influence();
  void record();

  // Wall time per phase, accumulated over ticks, when profiling is on (off by default).
  void set_profiling(bool on) { profiling_ = on; }

  // The run's whole state (world and recorder) as bytes, and its restoration into a simulation
  // built from the same scenario (engine/checkpoint.cpp). Random streams are keyed by tick, so
  // the tick restores their positions too.
  std::string save_state() const;
  // The same, handed to `sink` piece by piece as it is produced.
  void save_state(const std::function<void(const char*, size_t)>& sink) const;
  void restore_state(std::string_view bytes);
  const std::vector<std::pair<std::string, double>>& phase_seconds() const { return phase_seconds_; }

 private:
  Context context(const char* mechanism) const {
    return Context{world_.tick, pool_, Streams(uint64_t(scenario_.seed), uint64_t(scenario_.replicate), mechanism)};
  }
  using Clock = std::chrono::steady_clock;
  void add_time(const char* phase, Clock::time_point since);
  Scenario scenario_;
  Pool pool_;
  World world_;
  Recorder recorder_;
  double build_seconds_ = 0;
  bool profiling_ = false;
  std::vector<std::pair<std::string, double>> phase_seconds_;
};

}  // namespace tribune
