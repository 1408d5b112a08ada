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

namespace tribune {

namespace fs = std::filesystem;
using namespace sweep;

namespace {

std::string yaml_quoted(const std::string& s) {
  std::string o = "\"";
  for (char ch : s) {
    if (ch == '"' || ch == '\\') o += '\\';
    o += ch;
  }
  return o + "\"";
}

// The sweep of one scenario: its replicates, no parameters.
std::string sweep_text(const std::string& name, const fs::path& scenario, const CompareArgs& a) {
  std::string t = "# written by `tribune compare`: the replicates of one scenario of the comparison\n";
  t += "name: " + yaml_quoted(name) + "\n";
  t += "scenario: " + yaml_quoted(fs::absolute(scenario).lexically_normal().string()) + "\n";
  t += "replicates: " + std::to_string(a.replicates) + "\n";
  t += "seed: " + std::to_string(a.seed) + "\n";
  t += "set: [";
  for (size_t k = 0; k < a.overrides.size(); ++k) t += (k ? ", " : "") + yaml_quoted(a.overrides[k]);
  t += "]\ndesign: {kind: factorial}\nparameters: []\n";
  return t;
}

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

}  // namespace

int compare_command(const CompareArgs& a) {
  if (a.scenarios.size() < 2) {
    fprintf(stderr, "error: compare needs at least two scenario files\n");
    return 2;
  }
  const std::string out = a.output.empty() ? "results/compare.h5" : a.output;
  const fs::path dir = a.dir.empty() ? fs::path(out).replace_extension(".runs") : fs::path(a.dir);
  std::vector<Sweep> sweeps;
  Comparison c;
  try {
    fs::create_directories(dir);
    std::map<std::string, int> seen;
    for (size_t k = 0; k < a.scenarios.size(); ++k) {
      const fs::path file(a.scenarios[k]);
      if (!fs::exists(file)) {
        fprintf(stderr, "error: %s: no such scenario file\n", file.c_str());
        return 2;
      }
      const std::string stem = file.stem().string();
      if (seen[stem]++) {
        fprintf(stderr, "error: %s: a scenario named '%s' is already in the comparison\n", file.c_str(), stem.c_str());
        return 2;
      }
      const std::string name = std::to_string(k) + "-" + stem;
      const fs::path sweep_file = dir / (name + ".sweep.yaml");
      if (!write_file(sweep_file, sweep_text(stem, file, a))) {
        fprintf(stderr, "error: %s: cannot write\n", sweep_file.c_str());
        return 1;
      }
      Sweep s = load_sweep(sweep_file.string());
      SweepDir(dir / name).create(s);
      const Scenario sc = load_scenario_text(s.base_yaml, s.base_file, {});
      c.names.push_back(stem);
      c.files.push_back(a.scenarios[k]);
      c.success.push_back(sc.success);
      c.resolved.push_back(s.base_yaml);
      sweeps.push_back(std::move(s));
    }
  } catch (const ScenarioError& e) {
    return report(e);
  } catch (const fs::filesystem_error& e) {
    fprintf(stderr, "error: %s\n", e.what());
    return 1;
  }
  for (int64_t r = 0; r < a.replicates; ++r) c.seeds.push_back(sweeps[0].runs[static_cast<size_t>(r)].seed);
  c.headlines = headline_infos();
  c.values.assign(c.headlines.size(),
                  std::vector<double>(c.names.size() * static_cast<size_t>(a.replicates), std::nan("")));

  if (a.submit) {
    SubmitOptions o;
    o.partition = a.partition;
    o.time = a.time;
    o.max_parallel = a.max_parallel;
    o.cpus_per_task = a.cpus_per_task;
    o.runs_per_task = a.runs_per_task;
    for (size_t k = 0; k < sweeps.size(); ++k)
      if (const int rc = submit_sweep(sweeps[k], SweepDir(dir / (std::to_string(k) + "-" + c.names[k])), o, a.dry_run))
        return rc;
    printf("when the jobs have ended, run the same command without --submit: it finds the runs done and "
           "writes %s\n", out.c_str());
    return 0;
  }

  const int jobs = std::max(1, a.jobs);
  const int threads =
      a.threads > 0 ? a.threads : std::max(1, static_cast<int>(std::max(1u, std::thread::hardware_concurrency())) / jobs);
  install_stop_handlers();
  const int64_t total = static_cast<int64_t>(sweeps.size()) * a.replicates;
  if (!a.quiet)
    fprintf(stderr, "tribune: compare %zu scenarios x %lld replicates, %d at a time with %d thread%s each, runs in %s\n",
            sweeps.size(), static_cast<long long>(a.replicates), jobs, threads, threads == 1 ? "" : "s", dir.c_str());
  Progress progress("compare", total, !a.quiet);
  int64_t finished = 0, failed = 0;
  for (size_t k = 0; k < sweeps.size(); ++k) {
    const SweepDir sd(dir / (std::to_string(k) + "-" + c.names[k]));
    std::vector<int64_t> ids;
    for (const auto& r : sweeps[k].runs) ids.push_back(r.id);
    int64_t already = 0;
    for (int64_t id : ids) already += sd.state(id) == RunState::done;
    const BatchResult b = execute_all(
        sweeps[k], sd, ids, jobs, threads, [] { return stop_signal() != 0; },
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
      const SweepDir sd(dir / (std::to_string(k) + "-" + c.names[k]));
      for (int64_t r = 0; r < a.replicates; ++r)
        read_headlines(c, k, static_cast<size_t>(r), sd.run_file(r).string());
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
