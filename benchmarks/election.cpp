// Election benchmark (issue #4): the cost of a general-election tick against ordinary ticks.
// Runs a scenario whose general election falls on its last tick and prints one JSON line:
// the election tick, the primary tick, the season-opening tick, and the median of the ticks
// with no election event, and their ratios, all measured in the same process.
//
//   bench_election SCENARIO --threads T [--persons N] [--set key=value ...]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "engine/simulation.h"
#include "scenario/load.h"

using namespace tribune;

int main(int argc, char** argv) {
  std::string path;
  int threads = 1;
  long long persons = 0;
  std::vector<std::string> sets;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--threads" && i + 1 < argc)
      threads = std::atoi(argv[++i]);
    else if (a == "--persons" && i + 1 < argc)
      persons = std::atoll(argv[++i]);
    else if (a == "--set" && i + 1 < argc)
      sets.push_back(argv[++i]);
    else
      path = a;
  }
  if (path.empty()) {
    fprintf(stderr, "usage: bench_election SCENARIO --threads T [--persons N] [--set key=value ...]\n");
    return 2;
  }
  LoadOptions opts;
  opts.overrides = sets;
  if (persons > 0) opts.overrides.push_back("world.persons=" + std::to_string(persons));
  Simulation sim(load_scenario(path, opts), threads);
  std::vector<double> ms;
  while (!sim.done()) {
    const auto t0 = std::chrono::steady_clock::now();
    sim.tick();
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  }
  const auto& pol = sim.world().politics;
  int64_t general = -1, primary = -1, season = -1;
  for (const auto& r : pol.races) general = r.general, primary = std::max(primary, r.primary), season = r.season_start;
  if (general < 0 || general >= static_cast<int64_t>(ms.size())) {
    fprintf(stderr, "bench_election: no general election inside the run\n");
    return 1;
  }
  std::vector<double> ordinary;
  for (int64_t t = 0; t < static_cast<int64_t>(ms.size()); ++t)
    if (t != general && t != primary && t != season && t > 0) ordinary.push_back(ms[static_cast<size_t>(t)]);
  std::sort(ordinary.begin(), ordinary.end());
  const double med = ordinary[ordinary.size() / 2];
  auto at = [&](int64_t t) { return t >= 0 ? ms[static_cast<size_t>(t)] : 0.0; };
  printf(
      "{\"persons\": %lld, \"threads\": %d, \"districts\": %zu, \"races\": %zu, \"candidates\": %zu, "
      "\"ordinary_tick_median_ms\": %.3f, \"election_tick_ms\": %.3f, \"primary_tick_ms\": %.3f, "
      "\"season_tick_ms\": %.3f, \"election_over_ordinary\": %.3f, \"primary_over_ordinary\": %.3f}\n",
      static_cast<long long>(sim.world().size()), threads, sim.world().districts.size(), pol.races.size(),
      pol.candidates.size(), med, at(general), at(primary), at(season), at(general) / med, at(primary) / med);
  return 0;
}
