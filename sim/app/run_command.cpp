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
#include "app/resources.h"
#include "app/signals.h"
#include "core/stop.h"
#include "engine/estimate.h"
#include "engine/simulation.h"
#include "io/checkpoint_file.h"
#include "io/output.h"
#include "scenario/error.h"
#include "scenario/load.h"

namespace tribune {

namespace {
// The estimate of what the run needs against what the machine has: refused (false, message on
// stderr) when memory would not suffice, unless --force; a warning when the snapshots may not
// fit on the output's filesystem.
bool fits(const Scenario& s, const RunArgs& a, const std::string& out) {
  const Estimate e = estimate(s);
  const MemoryLimit m = available_memory();
  if (!a.quiet)
    fprintf(stderr, "tribune: estimate: %s of memory at the peak, %.3g person-ticks%s%s\n",
            human_bytes(e.peak_bytes).c_str(), e.person_ticks, e.snapshot_bytes > 0 ? ", snapshots " : "",
            e.snapshot_bytes > 0 ? (human_bytes(e.snapshot_bytes) + " before compression").c_str() : "");
  if (e.peak_bytes > 0.9 * m.bytes) {
    fprintf(stderr,
            "%s: %s: this run needs about %s of memory at its peak (%lld persons, mean degree %g, %s of series); "
            "%s available (%s). Make the world smaller (world.persons, world.network.mean_degree, fewer "
            "districts or weeks), or pass --force to run anyway\n",
            a.force ? "warning" : "error", a.scenario.c_str(), human_bytes(e.peak_bytes).c_str(),
            static_cast<long long>(s.world.persons), s.world.network.mean_degree, human_bytes(e.series_bytes).c_str(),
            human_bytes(m.bytes).c_str(), m.what.c_str());
    if (!a.force) return false;
  }
  const double space = free_space(out);
  if (space >= 0 && e.snapshot_bytes / 4 > space)
    fprintf(stderr,
            "warning: the snapshots come to %s before compression and %s is free where %s goes; the run may "
            "stop when the disk is full\n",
            human_bytes(e.snapshot_bytes).c_str(), human_bytes(space).c_str(), out.c_str());
  return true;
}
}  // namespace

namespace {
// What drive() needs besides the simulation and its output.
struct Drive {
  std::string scenario_file, yaml, out;
  int threads = 1;
  bool quiet = false;
  int64_t checkpoint_every = 0;  // 0: no checkpoints
  std::chrono::steady_clock::time_point t0;
};

std::string checkpoint_path(const std::string& out) {
  return out + ".ckpt";
}

void take_checkpoint(const Simulation& sim, const Drive& d) {
  write_checkpoint(checkpoint_path(d.out), Checkpoint{d.scenario_file, d.yaml, d.out, d.checkpoint_every, sim.world().tick, {}},
                   [&sim](const auto& sink) { sim.save_state(sink); });
}

// Run `sim` to its horizon (or a stop), checkpointing every d.checkpoint_every ticks, and write
// the output; print the summary. The exit code.
int drive(Simulation& sim, Output& output, const Drive& d) {
  const Scenario& sc = sim.scenario();
  Progress progress("run " + sc.name, sc.horizon_weeks, !d.quiet);
  simulate(
      sim, output, [] { return stop_signal() != 0; },
      [&](int64_t t) {
        progress.update(t);
        if (d.checkpoint_every > 0 && t % d.checkpoint_every == 0 && !sim.done()) take_checkpoint(sim, d);
      });
  progress.finish();
  for (const auto& [phase, sec] : sim.phase_seconds())
    fprintf(stderr, "profile: %-10s %8.3f s  %7.2f ms/tick\n", phase.c_str(), sec,
            1e3 * sec / double(std::max<int64_t>(1, sim.world().tick)));
  const bool complete = sim.done();
  if (!complete && d.checkpoint_every > 0) {
    take_checkpoint(sim, d);
    fprintf(stderr,
            "tribune: interrupted by signal %d after %lld of %lld ticks; checkpoint written to %s: `tribune resume "
            "%s` continues the run\n",
            stop_signal(), static_cast<long long>(sim.world().tick), static_cast<long long>(sc.horizon_weeks),
            checkpoint_path(d.out).c_str(), checkpoint_path(d.out).c_str());
    return 130;
  }
  Provenance prov{d.scenario_file, d.yaml, d.threads,
                  std::chrono::duration<double>(std::chrono::steady_clock::now() - d.t0).count(), sim.build_seconds()};
  std::string written = output.finish(sim, prov, complete);
  if (!complete) {
    fprintf(stderr,
            "tribune: interrupted by signal %d after %lld of %lld ticks; partial results kept in %s "
            "(complete=0)\n",
            stop_signal(), static_cast<long long>(sim.world().tick), static_cast<long long>(sc.horizon_weeks),
            written.c_str());
    return 130;
  }
  if (d.checkpoint_every > 0) {
    remove_checkpoint(checkpoint_path(d.out));  // the run is complete: nothing to resume
  }
  const auto& r = sim.recorder();
  printf("scenario       %s (seed %lld, replicate %lld)\n", sc.name.c_str(), static_cast<long long>(sc.seed),
         static_cast<long long>(sc.replicate));
  printf("ticks run      %lld weeks\n", static_cast<long long>(sim.world().tick));
  printf("persons        %lld in %zu districts, %lld ties, %lld workplaces\n",
         static_cast<long long>(sim.world().size()), sim.world().districts.size(),
         static_cast<long long>(sim.world().network.ties()),
         static_cast<long long>(sim.world().workplaces.count()));
  printf("wall time      %.2f s (build %.2f s, %d threads)\n", prov.wall_seconds, prov.build_seconds, d.threads);
  printf("end of run     hope %.3f  grievance %.3f  ideology %.3f (sd %.3f)  union density %.3f  legitimacy %.3f\n",
         r.last("hope_mean"), r.last("grievance_mean"), r.last("ideology_mean"), r.last("ideology_sd"),
         r.last("union_density"), r.last("legitimacy"));
  printf("output         %s\n", written.c_str());
  return 0;
}

// drive() with the failures every run can meet turned into messages and exit codes.
template <class Build>
int guarded(Output& output, Build&& build) {
  try {
    return build();
  } catch (const Interrupted& e) {
    output.discard();
    fprintf(stderr, "tribune: %s; nothing was written (a run keeps a partial file once its first tick has run)\n",
            e.what());
    return 130;
  } catch (const WriteError& e) {
    output.discard();
    fprintf(stderr, "error: %s; the partial file was removed\n", e.what());
    return 1;
  } catch (const std::exception& e) {
    output.discard();
    fprintf(stderr, "error: run failed: %s\n", e.what());
    return 1;
  }
}
}  // namespace

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
  if (!fits(s, a, out)) return 2;
  Drive d{a.scenario, resolved_yaml(s), out, threads, a.quiet, a.checkpoint_every, std::chrono::steady_clock::now()};
  std::unique_ptr<Output> output;
  try {
    if (a.checkpoint_every > 0) {  // a fresh run: an earlier run's spooled snapshots and checkpoint go
      std::error_code ec;
      std::filesystem::remove_all(out + ".partial.d", ec);
      remove_checkpoint(checkpoint_path(out));
    }
    output = std::make_unique<Output>(out, a.checkpoint_every > 0);
  } catch (const std::exception& e) {
    fprintf(stderr, "error: cannot create the output file %s.partial: %s\n", out.c_str(), e.what());
    return 1;
  }
  return guarded(*output, [&] {
    if (!a.quiet)
      fprintf(stderr, "tribune: building '%s': %lld persons, %zu districts, %d threads\n", s.name.c_str(),
              static_cast<long long>(s.world.persons), s.world.districts.size(), threads);
    Simulation sim(std::move(s), threads);
    sim.set_profiling(a.profile);
    if (!a.quiet)
      fprintf(stderr, "tribune: world built in %.2f s (%lld ties, %lld workplaces)\n", sim.build_seconds(),
              static_cast<long long>(sim.world().network.ties()),
              static_cast<long long>(sim.world().workplaces.count()));
    return drive(sim, *output, d);
  });
}

int resume_command(const ResumeArgs& a) {
  Checkpoint c;
  Scenario s;
  try {
    c = read_checkpoint(a.checkpoint);
  } catch (const std::exception& e) {
    fprintf(stderr, "error: %s\n", e.what());
    return 2;
  }
  try {
    s = load_scenario_text(c.scenario_yaml, c.scenario_file + " (resolved, in " + a.checkpoint + ")");
  } catch (const ScenarioError& e) {
    return report(e);
  }
  const int threads = a.threads > 0 ? a.threads : default_threads();
  Drive d{c.scenario_file, c.scenario_yaml, c.output, threads, a.quiet, c.every, std::chrono::steady_clock::now()};
  std::unique_ptr<Output> output;
  try {
    output = std::make_unique<Output>(c.output, true);
    output->drop_snapshots_from(c.tick);  // taken after the checkpoint, before the run stopped
  } catch (const std::exception& e) {
    fprintf(stderr, "error: cannot reopen the output of %s: %s\n", a.checkpoint.c_str(), e.what());
    return 1;
  }
  if (!a.quiet)
    fprintf(stderr, "tribune: resuming '%s' at tick %lld of %lld from %s\n", s.name.c_str(),
            static_cast<long long>(c.tick), static_cast<long long>(s.horizon_weeks), a.checkpoint.c_str());
  return guarded(*output, [&] {
    Simulation sim(std::move(s), threads);
    sim.restore_state(c.state);
    return drive(sim, *output, d);
  });
}

}  // namespace tribune
