#include <hdf5.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/commands.h"
#include "app/load.h"
#include "app/progress.h"
#include "app/signals.h"
#include "engine/simulation.h"
#include "io/output.h"
#include "scenario/error.h"
#include "scenario/load.h"

namespace tribune {

int run_command(const RunArgs& a) {
  std::vector<std::string> overrides = a.overrides;
  if (a.seed >= 0) overrides.push_back("seed=" + std::to_string(a.seed));
  Scenario s;
  try {
    s = load_for_command(a.scenario, overrides);
  } catch (const ScenarioError& e) {
    return report(e);
  }
  std::string out = a.output;
  if (out.empty()) out = "results/" + std::filesystem::path(a.scenario).stem().string() + ".h5";
  if (out.back() == '/' || std::filesystem::is_directory(out)) {
    fprintf(stderr, "error: the output '%s' is a directory; give a file name (-o DIR/NAME.h5)\n", out.c_str());
    return 2;
  }
  const int threads = a.threads > 0 ? a.threads : default_threads();
  const std::string yaml = resolved_yaml(s);

  install_stop_handlers();
  auto t0 = std::chrono::steady_clock::now();
  std::unique_ptr<Output> output;
  try {
    output = std::make_unique<Output>(out);
  } catch (const std::exception& e) {
    fprintf(stderr, "error: cannot create the output file %s.partial: %s\n", out.c_str(), e.what());
    return 1;
  }
  try {
    if (!a.quiet)
      fprintf(stderr, "tribune: building '%s': %lld persons, %zu districts, %d threads\n", s.name.c_str(),
              static_cast<long long>(s.world.persons), s.world.districts.size(), threads);
    Simulation sim(std::move(s), threads);
    sim.set_profiling(a.profile);
    const Scenario& sc = sim.scenario();
    if (!a.quiet)
      fprintf(stderr, "tribune: world built in %.2f s (%lld ties, %lld workplaces)\n", sim.build_seconds(),
              static_cast<long long>(sim.world().network.nbr.size()),
              static_cast<long long>(sim.world().workplaces.count()));
    Progress progress("run " + sc.name, sc.horizon_weeks, !a.quiet);
    simulate(
        sim, *output, [] { return stop_signal() != 0; }, [&](int64_t t) { progress.update(t); });
    progress.finish();
    for (const auto& [phase, sec] : sim.phase_seconds())
      fprintf(stderr, "profile: %-10s %8.3f s  %7.2f ms/tick\n", phase.c_str(), sec,
              1e3 * sec / double(std::max<int64_t>(1, sim.world().tick)));
    const bool complete = sim.done();
    Provenance prov{a.scenario, yaml, threads,
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(), sim.build_seconds()};
    std::string written = output->finish(sim, prov, complete);
    if (!complete) {
      fprintf(stderr,
              "tribune: interrupted by signal %d after %lld of %lld ticks; partial results kept in %s "
              "(complete=0)\n",
              stop_signal(), static_cast<long long>(sim.world().tick), static_cast<long long>(sc.horizon_weeks),
              written.c_str());
      return 130;
    }
    const auto& r = sim.recorder();
    printf("scenario       %s (seed %lld, replicate %lld)\n", sc.name.c_str(), static_cast<long long>(sc.seed),
           static_cast<long long>(sc.replicate));
    printf("ticks run      %lld weeks\n", static_cast<long long>(sim.world().tick));
    printf("persons        %lld in %zu districts, %lld ties, %lld workplaces\n",
           static_cast<long long>(sim.world().size()), sim.world().districts.size(),
           static_cast<long long>(sim.world().network.nbr.size() / 2),
           static_cast<long long>(sim.world().workplaces.count()));
    printf("wall time      %.2f s (build %.2f s, %d threads)\n", prov.wall_seconds, prov.build_seconds, threads);
    printf("end of run     hope %.3f  grievance %.3f  ideology %.3f (sd %.3f)  union density %.3f  legitimacy %.3f\n",
           r.last("hope_mean"), r.last("grievance_mean"), r.last("ideology_mean"), r.last("ideology_sd"),
           r.last("union_density"), r.last("legitimacy"));
    printf("output         %s\n", written.c_str());
    return 0;
  } catch (const std::exception& e) {
    output->discard();
    fprintf(stderr, "error: run failed: %s\n", e.what());
    return 1;
  }
}

}  // namespace tribune
