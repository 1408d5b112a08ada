// `tribune run SCENARIO --replicates N`: the scenario N times, replicate r with seed SEED + r and
// `replicate: r` (the convention of sweeps and comparisons), as a sweep of replicates alone:
// one file per replicate in OUT's run directory (OUT.runs/runs/run-NNNNNN.h5, read by `sweep
// status`; an interrupted command resumes) and one file OUT stacking them along `run`, as
// `sweep merge` writes it (tribune_analysis.open_sweep reads it). docs/output_format.md.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <thread>

#include "app/commands.h"
#include "app/load.h"
#include "app/progress.h"
#include "app/signals.h"
#include "sweep/execute.h"
#include "sweep/merge.h"
#include "sweep/sweep_dir.h"
#include "sweep/sweep_spec.h"

namespace tribune {

namespace fs = std::filesystem;
using namespace sweep;

namespace {

// The sweep of replicates: no parameter, N replicates, the command's overrides.
std::string sweep_text(const RunArgs& a, const std::string& name) {
  std::string t = "# written by `tribune run --replicates`: the scenario's replicates, as a sweep without parameters\n";
  t += "name: " + yaml_quoted(name) + "\n";
  t += "scenario: " + yaml_quoted(fs::absolute(a.scenario).lexically_normal().string()) + "\n";
  t += "replicates: " + std::to_string(a.replicates) + "\n";
  if (a.seed >= 0) t += "seed: " + std::to_string(a.seed) + "\n";
  t += "set: " + yaml_list(a.overrides) + "\ndesign: {kind: factorial}\nparameters: []\n";
  return t;
}

}  // namespace

int replicates_command(const RunArgs& a) {
  if (a.checkpoint_every > 0 || a.profile) {
    fprintf(stderr, "error: --replicates runs its replicates as a sweep; --checkpoint-every and --profile are for one run\n");
    return 2;
  }
  // The scenario and the overrides first, so that their errors name the scenario's lines.
  std::vector<std::string> overrides = a.overrides;
  if (a.seed >= 0) overrides.push_back("seed=" + std::to_string(a.seed));
  try {
    load_for_command(a.scenario, overrides);
  } catch (const ScenarioError& e) {
    return report(e);
  }
  const std::string stem = fs::path(a.scenario).stem().string();
  const std::string out = a.output.empty() ? "results/" + stem + ".h5" : a.output;
  if (out.back() == '/' || fs::is_directory(out)) {
    fprintf(stderr, "error: the output '%s' is a directory; give a file name (-o DIR/NAME.h5)\n", out.c_str());
    return 2;
  }
  const fs::path dir = fs::path(out).replace_extension(".runs");
  Sweep s;
  try {
    fs::create_directories(dir);
    const fs::path file = dir / (stem + ".sweep.yaml");
    std::ofstream(file) << sweep_text(a, stem);
    s = load_sweep(file.string());
    SweepDir(dir).create(s);
  } catch (const ScenarioError& e) {
    return report(e);
  } catch (const std::exception& e) {
    fprintf(stderr, "error: %s\n", e.what());
    return 1;
  }
  const SweepDir sd(dir);
  const int jobs = std::max(1, a.jobs);
  const int threads =
      a.threads > 0 ? a.threads : std::max(1, static_cast<int>(std::max(1u, std::thread::hardware_concurrency())) / jobs);
  std::vector<int64_t> ids;
  int64_t already = 0;
  for (const auto& r : s.runs) ids.push_back(r.id), already += sd.state(r.id) == RunState::done;
  if (!a.quiet)
    fprintf(stderr, "tribune: %lld replicates of '%s' (seeds %lld to %lld), %d at a time with %d thread%s each, in %s\n",
            static_cast<long long>(s.runs.size()), stem.c_str(), static_cast<long long>(s.runs.front().seed),
            static_cast<long long>(s.runs.back().seed), jobs, threads, threads == 1 ? "" : "s", dir.c_str());
  Progress progress("replicates", static_cast<int64_t>(ids.size()), !a.quiet);
  const BatchResult b = execute_all(
      s, sd, ids, ExecOptions{jobs, threads, 0}, [] { return stop_signal() != 0; },
      [&](int64_t n) { progress.update(already + n); });
  progress.finish();
  if (b.interrupted) {
    fprintf(stderr, "tribune: interrupted; finished replicates are kept in %s, the same command resumes\n", dir.c_str());
    return 130;
  }
  if (b.failed) {
    fprintf(stderr, "tribune: %lld replicates failed; `tribune sweep status %s` says why\n",
            static_cast<long long>(b.failed), dir.c_str());
    return 1;
  }
  try {
    merge(s, sd, out);
  } catch (const std::exception& e) {
    fprintf(stderr, "error: merging the replicates into %s: %s\n", out.c_str(), e.what());
    return 1;
  }
  printf("replicates     %zu of '%s', seeds %lld to %lld\n", s.runs.size(), stem.c_str(),
         static_cast<long long>(s.runs.front().seed), static_cast<long long>(s.runs.back().seed));
  printf("runs           %s (one file per replicate)\n", (dir / "runs").c_str());
  printf("output         %s (stacked along `run`: tribune_analysis.open_sweep)\n", out.c_str());
  return 0;
}

}  // namespace tribune
