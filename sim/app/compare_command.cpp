// `tribune compare A.yaml B.yaml ...`: each scenario over the same seeds (common random numbers),
// locally or as SLURM arrays, then the headline outcomes side by side with paired differences
// (docs/compare.md). Each scenario is a sweep of replicates in OUT's run directory, so an
// interrupted comparison resumes, and `--submit` uses the sweep machinery's arrays.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <thread>

#include "app/commands.h"
#include "app/load.h"
#include "app/progress.h"
#include "app/signals.h"
#include "app/sweep_submit.h"
#include "sweep/comparison.h"
#include "sweep/execute.h"
#include "sweep/experiment.h"

namespace tribune {

namespace fs = std::filesystem;
using namespace sweep;

namespace {

bool write_file(const fs::path& path, const std::string& text) {
  const fs::path partial = path.string() + ".partial";
  {
    std::ofstream out(partial);
    out << text;
    if (!out.flush()) return false;
  }
  std::error_code ec;
  fs::rename(partial, path, ec);
  return !ec;
}

// The experiment a comparison runs: the one in the file, or the scenarios' replicates alone.
int make_experiment(const CompareArgs& a, Experiment& e) {
  if (a.scenarios.size() == 1 && is_experiment_file(a.scenarios[0])) {
    e = load_experiment(a.scenarios[0]);
    for (const auto& o : a.overrides) e.spec.set.push_back(o);
    if (a.replicates > 0) e.spec.replicates = a.replicates;
    if (a.seed >= 0) e.spec.seed = a.seed;
    return 0;
  }
  if (a.scenarios.size() < 2) {
    fprintf(stderr, "error: compare needs two or more scenario files, or one experiment file (with `scenarios:`)\n");
    return 2;
  }
  e.spec.name = "compare";
  e.spec.scenarios = a.scenarios;
  e.spec.replicates = a.replicates > 0 ? a.replicates : 10;
  e.spec.seed = a.seed >= 0 ? a.seed : 1;
  e.spec.set = a.overrides;
  for (const auto& f : a.scenarios) {
    if (!fs::exists(f)) {
      fprintf(stderr, "error: %s: no such scenario file\n", f.c_str());
      return 2;
    }
    e.scenario_files.push_back(fs::absolute(f).lexically_normal().string());
  }
  return 0;
}

}  // namespace

int compare_command(const CompareArgs& a) {
  Experiment e;
  std::vector<Sweep> sweeps;
  Comparison c;
  std::vector<std::string> names;
  try {
    if (const int rc = make_experiment(a, e)) return rc;
  } catch (const ScenarioError& err) {
    return report(err);
  }
  const std::string out = a.output.empty() ? "results/" + e.spec.name + ".h5" : a.output;
  const fs::path dir = a.dir.empty() ? fs::path(out).replace_extension(".runs") : fs::path(a.dir);
  const int64_t R = e.spec.replicates;
  try {
    fs::create_directories(dir);
    std::map<std::string, int> seen;
    for (size_t k = 0; k < e.scenario_files.size(); ++k) {
      const fs::path file(e.scenario_files[k]);
      const std::string stem = file.stem().string();
      if (seen[stem]++) {
        fprintf(stderr, "error: %s: a scenario named '%s' is already in the comparison\n", file.c_str(), stem.c_str());
        return 2;
      }
      const std::string name = std::to_string(k) + "-" + stem;
      const fs::path sweep_file = dir / (name + ".sweep.yaml");
      if (!write_file(sweep_file, e.sweep_text(k, stem))) {
        fprintf(stderr, "error: %s: cannot write\n", sweep_file.c_str());
        return 1;
      }
      Sweep s;
      try {
        s = load_sweep(sweep_file.string());
      } catch (const ScenarioError& err) {
        throw e.relocate(err, k);
      }
      SweepDir(dir / name).create(s);
      const Scenario sc = load_scenario_text(s.base_yaml, s.base_file, {});
      names.push_back(name);
      c.names.push_back(stem);
      c.files.push_back(e.spec.scenarios[k]);
      c.success.push_back(sc.success);
      c.resolved.push_back(s.base_yaml);
      if (!sweeps.empty() && sweeps.front().runs.size() != s.runs.size()) {
        fprintf(stderr, "error: %s: the design has a different number of points on %s than on %s\n",
                a.scenarios[0].c_str(), stem.c_str(), c.names.front().c_str());
        return 2;
      }
      sweeps.push_back(std::move(s));
    }
  } catch (const ScenarioError& err) {
    return report(err);
  } catch (const fs::filesystem_error& err) {
    fprintf(stderr, "error: %s\n", err.what());
    return 1;
  }
  c.name = e.spec.name;
  c.experiment = e.text;
  for (const auto& p : e.spec.parameters) c.params.push_back(p.path);
  const int64_t P = sweeps[0].points();
  for (int64_t p = 0; p < P; ++p) c.points.push_back(sweeps[0].runs[static_cast<size_t>(p * R)].values);
  for (int64_t r = 0; r < R; ++r) c.seeds.push_back(sweeps[0].runs[static_cast<size_t>(r)].seed);
  c.headlines = headline_infos();
  c.values.assign(c.headlines.size(), std::vector<double>(c.names.size() * static_cast<size_t>(P * R), std::nan("")));

  if (a.submit) {
    if (const int rc = check_sbatch_args(a.sbatch_args)) return rc;
    const SubmitOptions o = submit_options(a);
    for (size_t k = 0; k < sweeps.size(); ++k)
      if (const int rc = submit_sweep(sweeps[k], SweepDir(dir / names[k]), o, a.dry_run))
        return rc;
    printf("when the jobs have ended, run the same command without --submit: it finds the runs done and "
           "writes %s\n", out.c_str());
    return 0;
  }

  const int jobs = std::max(1, a.jobs);
  const int threads =
      a.threads > 0 ? a.threads : std::max(1, static_cast<int>(std::max(1u, std::thread::hardware_concurrency())) / jobs);
  const int64_t total = static_cast<int64_t>(sweeps.size()) * P * R;
  if (!a.quiet)
    fprintf(stderr,
            "tribune: compare %zu scenarios x %lld points x %lld replicates, %d at a time with %d thread%s each, runs in "
            "%s\n",
            sweeps.size(), static_cast<long long>(P), static_cast<long long>(R), jobs, threads, threads == 1 ? "" : "s", dir.c_str());
  Progress progress("compare", total, !a.quiet);
  int64_t finished = 0, failed = 0;
  for (size_t k = 0; k < sweeps.size(); ++k) {
    const SweepDir sd(dir / names[k]);
    std::vector<int64_t> ids;
    for (const auto& r : sweeps[k].runs) ids.push_back(r.id);
    int64_t already = 0;
    for (int64_t id : ids) already += sd.state(id) == RunState::done;
    const BatchResult b = execute_all(
        sweeps[k], sd, ids, ExecOptions{jobs, threads, 0}, [] { return stop_signal() != 0; },
        [&](int64_t n) { progress.update(finished + already + n); });
    finished += static_cast<int64_t>(ids.size());
    failed += b.failed;
    if (b.interrupted) {
      progress.finish();
      fprintf(stderr, "tribune: interrupted; finished runs are kept in %s, the same command resumes\n", dir.c_str());
      return 130;
    }
  }
  progress.finish();
  if (failed) {
    fprintf(stderr, "tribune: %lld runs failed; `tribune sweep status DIR` for each scenario's directory in %s says why\n",
            static_cast<long long>(failed), dir.c_str());
    return 1;
  }
  try {
    for (size_t k = 0; k < sweeps.size(); ++k) {
      const SweepDir sd(dir / names[k]);
      for (int64_t p = 0; p < P; ++p)
        for (int64_t r = 0; r < R; ++r)
          read_headlines(c, k, static_cast<size_t>(p), static_cast<size_t>(r), sd.run_file(p * R + r).string());
    }
    write_h5(c, out);
    if (!a.csv.empty() && !write_file(a.csv, csv(c))) {
      fprintf(stderr, "error: %s: cannot write\n", a.csv.c_str());
      return 1;
    }
  } catch (const std::exception& e) {
    fprintf(stderr, "error: %s\n", e.what());
    return 1;
  }
  if (a.json)
    fputs(json(c).c_str(), stdout);
  else
    fputs(table(c).c_str(), stdout);
  if (!a.quiet) fprintf(stderr, "tribune: wrote %s%s%s\n", out.c_str(), a.csv.empty() ? "" : " and ", a.csv.c_str());
  return 0;
}

}  // namespace tribune
