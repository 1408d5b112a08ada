// `tribune sweep plan|run|submit|status|merge|task`: parameter sweeps on this machine and on a
// SLURM cluster (docs/sweeps.md).
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <thread>

#include "app/commands.h"
#include "app/load.h"
#include "app/progress.h"
#include "app/signals.h"
#include "app/sweep_submit.h"
#include "core/format.h"
#include "core/parallel.h"
#include "engine/simulation.h"
#include "scenario/error.h"
#include "scenario/load.h"
#include "sweep/execute.h"
#include "sweep/merge.h"
#include "sweep/slurm.h"
#include "sweep/time_limit.h"

namespace tribune {

namespace fs = std::filesystem;
using namespace sweep;

namespace {

std::string self_path() {
  std::error_code ec;
  const fs::path p = fs::read_symlink("/proc/self/exe", ec);
  return ec ? std::string("tribune") : p.string();
}

int cores() {
  return std::max(1u, std::thread::hardware_concurrency());
}

// Seconds per run, estimated from the first run: building its world and timing a few ticks.
double probe(const Sweep& s, int threads, double& build, double& tick) {
  LoadOptions o;
  o.overrides = s.overrides(s.runs.front());
  Scenario sc = load_scenario_text(s.base_yaml, s.base_file, o);
  const int64_t horizon = sc.horizon_weeks;
  Simulation sim(std::move(sc), threads);
  build = sim.build_seconds();
  const int n = static_cast<int>(std::min<int64_t>(horizon, 3));
  const auto t0 = std::chrono::steady_clock::now();
  for (int k = 0; k < n; ++k) sim.tick();
  tick = n ? std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() / n : 0.0;
  return build + tick * static_cast<double>(horizon);
}

void print_summary(const Sweep& s) {
  printf("sweep          %s (%s design, %lld points x %lld replicates = %zu runs)\n", s.spec.name.c_str(),
         kDesignNames[static_cast<int>(s.spec.design.kind)], static_cast<long long>(s.points()),
         static_cast<long long>(s.replicates()), s.runs.size());
  printf("scenario       %s (seeds %lld..%lld)\n", s.base_file.c_str(), static_cast<long long>(s.base_seed),
         static_cast<long long>(s.base_seed + s.replicates() - 1));
  for (const auto& p : s.spec.parameters) {
    std::string what;
    if (!p.values.empty()) {
      // Appended piece by piece ("literal" + std::string&& trips g++ 12's -Wrestrict, GCC bug 105329).
      for (const auto& v : p.values) {
        if (!what.empty()) what += ", ";
        what += v;
      }
      what = std::string("{") + what + "}";
    } else {
      what = format_range(p.min, p.max);
      if (p.scale == Scale::log) what += " log";
      if (p.integer) what += " integers";
      if (p.steps) {
        what += ", ";
        what += std::to_string(p.steps);
        what += " steps";
      }
    }
    printf("parameter      %s %s\n", p.path.c_str(), what.c_str());
  }
}

// Load the sweep frozen in a directory; 0, or the exit code after reporting why not.
int load_dir(const std::string& path, Sweep& s) {
  try {
    s = SweepDir(path).load();
    return 0;
  } catch (const ScenarioError& e) {
    return report(e);
  }
}

struct Counts {
  int64_t n[5] = {0, 0, 0, 0, 0};  // by RunState
};
Counts count(const std::vector<RunState>& st) {
  Counts c;
  for (RunState x : st) ++c.n[static_cast<int>(x)];
  return c;
}

// After a stop by the checkpoint signal: `scontrol requeue` this job, so that it starts again and
// continues from the checkpoints; not when it made no progress (the time limit is too short for
// a run to get anywhere, and requeueing would loop).
void requeue_self(bool progressed) {
  const char* job = std::getenv("SLURM_JOB_ID");
  if (!job || !*job) {
    fprintf(stderr, "tribune: not in a SLURM job (no SLURM_JOB_ID); not requeued\n");
    return;
  }
  if (!progressed) {
    fprintf(stderr,
            "error: no run got further in this attempt than the last; not requeued, as it would loop: raise the time "
            "limit (sweep submit --resume DIR --time ...) or lower --checkpoint-lead\n");
    return;
  }
  const std::string id(job);
  if (id.find_first_not_of("0123456789_") != std::string::npos) {
    fprintf(stderr, "error: SLURM_JOB_ID '%s' is not a job id; not requeued\n", job);
    return;
  }
  const std::string cmd = "scontrol requeue " + id + " 2>&1";
  fprintf(stderr, "tribune: requeueing job %s (restarted %s times before)\n", job,
          std::getenv("SLURM_RESTART_COUNT") ? std::getenv("SLURM_RESTART_COUNT") : "0");
  fflush(stderr);
  const int rc = std::system(cmd.c_str());
  if (rc != 0)
    fprintf(stderr, "error: `%s` failed (status %d); `tribune sweep submit --resume` continues the runs\n",
            cmd.c_str(), rc);
}

// A requeueable task's time limit (sweep/time_limit.h): SIGUSR1 is held as a warning from here on.
std::unique_ptr<TimeLimit> task_time_limit(int64_t lead) {
  const char* job = std::getenv("SLURM_JOB_ID");
  hold_warning_signal();
  const auto t0 = std::chrono::steady_clock::now();
  auto limit = std::make_unique<TimeLimit>(
      lead, [id = std::string(job ? job : "")] { return job_time_left(id); },
      [t0] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(); });
  if (limit->last_time_left() >= 0)
    fprintf(stderr, "tribune: %llds left of the job's time limit; checkpointing %llds before it\n",
            static_cast<long long>(limit->last_time_left()), static_cast<long long>(lead));
  return limit;
}

// Whether to stop now for the time limit: SLURM's warning, if the time left bears it out, or the
// task's own deadline. Either stops as SIGUSR1 would (the run checkpoints, the task requeues).
bool time_is_up(TimeLimit& limit) {
  if (take_warning()) {
    if (!limit.confirm_warning()) {
      fprintf(stderr,
              "tribune: SIGUSR1 with %llds left of the time limit, more than the %llds lead: not the time-limit "
              "warning (Slurm sends it again as a requeued job starts); carrying on\n",
              static_cast<long long>(limit.last_time_left()), static_cast<long long>(limit.lead()));
      return false;
    }
    request_stop(SIGUSR1);
    return true;
  }
  if (!limit.past_deadline()) return false;
  fprintf(stderr, "tribune: %llds before the time limit and no SIGUSR1 from SLURM: stopping to checkpoint\n",
          static_cast<long long>(limit.lead()));
  request_stop(SIGUSR1);
  return true;
}

}  // namespace

int sweep_plan_command(const SweepArgs& a) {
  try {
    const Sweep s = load_sweep(a.sweep);
    print_summary(s);
    if (!a.output.empty()) {  // only where asked: never into the current directory by default
      const std::string partial = a.output + ".partial";
      {
        std::ofstream out(partial);
        out << run_table(s);
        if (!out.flush()) {
          std::error_code ec;
          fs::remove(partial, ec);
          fprintf(stderr, "error: %s: cannot write the run table\n", a.output.c_str());
          return 1;
        }
      }
      std::error_code ec;
      fs::rename(partial, a.output, ec);
      if (ec) {
        fs::remove(partial, ec);
        fprintf(stderr, "error: %s: cannot write the run table\n", a.output.c_str());
        return 1;
      }
      printf("run table      %s\n", a.output.c_str());
    }
    if (a.probe) {
      double build = 0, tick = 0;
      const double per_run = probe(s, 1, build, tick);
      const double total = per_run * static_cast<double>(s.runs.size());
      printf(
          "estimated cost %s per run on 1 thread (build %.2f s, %.1f ms per tick, from the first run), "
          "%s in all; about %s with --jobs %d on this machine\n",
          format_duration(per_run).c_str(), build, 1e3 * tick, format_duration(total).c_str(),
          format_duration(total / cores()).c_str(), cores());
    }
    return 0;
  } catch (const ScenarioError& e) {
    return report(e);
  }
}

int sweep_run_command(const SweepArgs& a) {
  Sweep s;
  try {
    s = load_sweep(a.sweep);
    SweepDir(a.output).create(s);
  } catch (const ScenarioError& e) {
    return report(e);
  }
  const SweepDir dir(a.output);
  const int jobs = std::max(1, a.jobs);
  const int threads = a.threads > 0 ? a.threads : std::max(1, cores() / jobs);
  std::vector<int64_t> ids;
  for (const auto& r : s.runs) ids.push_back(r.id);
  if (!a.quiet)
    fprintf(stderr, "tribune: sweep '%s': %zu runs, %d at a time with %d thread%s each, into %s\n", s.spec.name.c_str(),
            s.runs.size(), jobs, threads, threads == 1 ? "" : "s", a.output.c_str());
  Progress progress("sweep " + s.spec.name, static_cast<int64_t>(s.runs.size()), !a.quiet);
  const auto t0 = std::chrono::steady_clock::now();
  int64_t already = 0;
  for (int64_t id : ids) already += dir.state(id) == RunState::done;
  progress.update(already);
  const BatchResult b = execute_all(
      s, dir, ids, ExecOptions{jobs, threads, a.checkpoint_every}, [] { return stop_signal() != 0; },
      [&](int64_t n) { progress.update(already + n); });
  progress.finish();
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  printf("sweep          %s: %lld runs done now (%lld continued from checkpoints), %lld already done, %lld failed\n",
         s.spec.name.c_str(), static_cast<long long>(b.done), static_cast<long long>(b.resumed),
         static_cast<long long>(b.skipped), static_cast<long long>(b.failed));
  printf("wall time      %.2f s for %.2f s of runs (%d jobs x %d threads)\n", wall, b.run_seconds, jobs, threads);
  printf("directory      %s\n", a.output.c_str());
  if (b.interrupted) {
    fprintf(stderr,
            "tribune: interrupted; finished runs are kept and %lld stopped run%s checkpointed; `tribune sweep run` "
            "again resumes\n",
            static_cast<long long>(b.checkpointed), b.checkpointed == 1 ? " was" : "s were");
    return 130;
  }
  if (b.failed) {
    fprintf(stderr, "tribune: %lld runs failed; `tribune sweep status %s` lists them\n",
            static_cast<long long>(b.failed), a.output.c_str());
    return 1;
  }
  return 0;
}

int check_sbatch_args(const std::vector<std::string>& args) {
  for (const auto& arg : args)
    if (const std::string why = sbatch_arg_problem(arg); !why.empty()) {
      fprintf(stderr, "error: --sbatch-arg '%s': %s\n", arg.c_str(), why.c_str());
      return 2;
    }
  return 0;
}

namespace {
// A resubmission's options: the last submission's (DIR/submit.options), with what this command
// line set on top, plus the #SBATCH lines a user added to DIR/submit.sbatch by hand.
SubmitOptions resubmit_options(const SweepArgs& a, const SweepDir& dir) {
  SubmitOptions o = kept_options(dir);
  const SubmitOptions cli = submit_options(a);
  if (a.given.count("partition")) o.partition = cli.partition;
  if (a.given.count("time")) o.time = cli.time;
  if (a.given.count("max-parallel")) o.max_parallel = cli.max_parallel;
  if (a.given.count("runs-per-task")) o.runs_per_task = cli.runs_per_task;
  if (a.given.count("cpus-per-task")) o.cpus_per_task = cli.cpus_per_task;
  if (a.given.count("checkpoint-every")) o.checkpoint_every = cli.checkpoint_every;
  if (a.given.count("checkpoint-lead")) o.checkpoint_lead = cli.checkpoint_lead;
  auto add = [&o](const std::string& arg) {
    if (std::find(o.sbatch_args.begin(), o.sbatch_args.end(), arg) == o.sbatch_args.end()) o.sbatch_args.push_back(arg);
  };
  for (const auto& arg : hand_added(dir)) {
    if (std::find(o.sbatch_args.begin(), o.sbatch_args.end(), arg) == o.sbatch_args.end())
      printf("keeping        #SBATCH %s (added to %s by hand)\n", arg.c_str(), (dir.root() / "submit.sbatch").c_str());
    add(arg);
  }
  for (const auto& arg : cli.sbatch_args) add(arg);
  return o;
}
}  // namespace

int sweep_submit_command(const SweepArgs& a) {
  if (const int rc = check_sbatch_args(a.sbatch_args)) return rc;
  Sweep s;
  const std::string dir_path = a.resume.empty() ? a.output : a.resume;
  try {
    if (a.resume.empty()) {
      s = load_sweep(a.sweep);
      SweepDir(dir_path).create(s);
    } else {
      s = SweepDir(dir_path).load();
    }
  } catch (const ScenarioError& e) {
    return report(e);
  }
  const SweepDir dir(dir_path);
  const SubmitOptions o = a.resume.empty() ? submit_options(a) : resubmit_options(a, dir);
  std::string merge_to;
  if (a.merge)
    merge_to = a.merge_output.empty() ? (dir.root() / (s.spec.name + ".h5")).string() : a.merge_output;
  if (!merge_to.empty()) merge_to = std::filesystem::absolute(merge_to).lexically_normal().string();
  return submit_sweep(s, dir, o, a.dry_run, merge_to);
}

int submit_sweep(const Sweep& s, const SweepDir& dir, SubmitOptions o, bool dry_run, const std::string& merge_to) {
  o.binary = self_path();
  o.runs_per_task = o.runs_per_task > 0 ? o.runs_per_task : std::max<int64_t>(1, last_runs_per_task(dir));
  const std::vector<int64_t> tasks = unfinished_tasks(s, dir, o.runs_per_task);
  if (tasks.empty()) {
    printf("sweep          %s: every run is done; nothing to submit\n", s.spec.name.c_str());
    return 0;
  }
  if (tasks.back() > 1000)
    fprintf(stderr, "warning: array index %lld exceeds SLURM's default MaxArraySize (1001); raise --runs-per-task\n",
            static_cast<long long>(tasks.back()));
  const std::string array = array_spec(tasks, o.max_parallel);
  const std::string script = (dir.root() / "submit.sbatch").string();
  std::ofstream(script) << sbatch_script(s, dir, o, array);
  keep_options(dir, o);
  printf("script         %s (array %s, %lld runs per task)\n", script.c_str(), array.c_str(),
         static_cast<long long>(o.runs_per_task));
  const std::string merge_sh = (dir.root() / "merge.sbatch").string();
  if (!merge_to.empty()) {
    std::ofstream(merge_sh) << merge_script(s, dir, o, merge_to);
    printf("merge script   %s (-> %s)\n", merge_sh.c_str(), merge_to.c_str());
  }
  if (dry_run) {
    printf("dry run        not submitted; submit with: sbatch %s\n", script.c_str());
    if (!merge_to.empty()) printf("               then: sbatch --dependency=afterany:JOB %s\n", merge_sh.c_str());
    return 0;
  }
  try {
    const std::string job = submit(script);
    record_job(dir, job, array, o.runs_per_task);
    printf("submitted      job %s (recorded in %s)\n", job.c_str(), (dir.root() / "jobs.tsv").c_str());
    if (!merge_to.empty()) {
      const std::string merge_job = submit(merge_sh, job);
      record_job(dir, merge_job, "merge", 0);
      printf("submitted      job %s: merges into %s after job %s ends\n", merge_job.c_str(), merge_to.c_str(),
             job.c_str());
    }
    return 0;
  } catch (const std::exception& e) {
    fprintf(stderr, "error: %s\n", e.what());
    return 1;
  }
}

int sweep_status_command(const SweepArgs& a) {
  Sweep s;
  if (const int rc = load_dir(a.output, s)) return rc;
  const SweepDir dir(a.output);
  const std::vector<RunState> st = dir.states(s);
  const Counts c = count(st);
  printf("sweep          %s: %zu runs: %lld done, %lld failed, %lld running, %lld missing, %lld stopped\n",
         s.spec.name.c_str(), s.runs.size(), static_cast<long long>(c.n[0]), static_cast<long long>(c.n[1]),
         static_cast<long long>(c.n[2]), static_cast<long long>(c.n[3]), static_cast<long long>(c.n[4]));
  for (size_t r = 0; r < st.size(); ++r) {
    if (st[r] == RunState::failed) {
      std::string why = dir.failure(static_cast<int64_t>(r));
      while (!why.empty() && why.back() == '\n') why.pop_back();
      printf("failed         run %zu: %s\n", r, why.c_str());
    }
  }
  std::string missing;
  int shown = 0;
  for (size_t r = 0; r < st.size(); ++r)
    if (st[r] == RunState::missing && shown++ < 20) missing += (missing.empty() ? "" : ", ") + std::to_string(r);
  if (!missing.empty()) printf("missing        runs %s%s\n", missing.c_str(), c.n[3] > 20 ? ", ..." : "");
  if (c.n[4] > 0)
    printf("stopped        %lld runs hold a checkpoint; `sweep run` or `sweep submit --resume` continues them\n",
           static_cast<long long>(c.n[4]));
  // Exit 0 only when every run is done, so that a script can wait on it; 1 while runs are
  // failed, missing, under way or stopped.
  return c.n[0] == static_cast<int64_t>(s.runs.size()) ? 0 : 1;
}

int sweep_merge_command(const SweepArgs& a) {
  Sweep s;
  if (const int rc = load_dir(a.sweep, s)) return rc;
  const SweepDir dir(a.sweep);
  const Counts c = count(dir.states(s));
  if (c.n[0] < static_cast<int64_t>(s.runs.size()) && !a.allow_partial) {
    const std::vector<RunState> st = dir.states(s);
    std::string not_done;
    int shown = 0;
    for (size_t r = 0; r < st.size(); ++r)
      if (st[r] != RunState::done && shown++ < 20)
        not_done +=
            (not_done.empty() ? "" : ", ") + std::to_string(r) + " (" + kRunStateNames[static_cast<int>(st[r])] + ")";
    fprintf(stderr,
            "error: the sweep is incomplete: %lld of %zu runs done (%lld failed, %lld running, %lld missing, %lld "
            "stopped): "
            "runs %s%s; `tribune sweep status %s` says more; merge anyway with --allow-partial\n",
            static_cast<long long>(c.n[0]), s.runs.size(), static_cast<long long>(c.n[1]),
            static_cast<long long>(c.n[2]), static_cast<long long>(c.n[3]), static_cast<long long>(c.n[4]),
            not_done.c_str(),
            static_cast<int64_t>(s.runs.size()) - c.n[0] > 20 ? ", ..." : "", a.sweep.c_str());
    return 1;
  }
  const std::string out = a.output.empty() ? (dir.root() / (s.spec.name + ".h5")).string() : a.output;
  try {
    const MergeResult m = merge(s, dir, out, a.allow_partial);
    if (m.unreadable > 0)
      fprintf(stderr, "warning: %lld run file(s) could not be read and are merged as failed (NaN rows)\n",
              static_cast<long long>(m.unreadable));
    printf("merged         %lld runs (%lld done) into %s\n", static_cast<long long>(m.runs),
           static_cast<long long>(m.done), m.path.c_str());
    return 0;
  } catch (const UnreadableRuns& e) {
    fprintf(stderr, "error: %s\n", e.what());
    return 2;
  } catch (const std::exception& e) {
    fprintf(stderr, "error: merge failed: %s\n", e.what());
    return 1;
  }
}

int sweep_task_command(const SweepArgs& a) {
  Sweep s;
  if (const int rc = load_dir(a.sweep, s)) return rc;
  const SweepDir dir(a.sweep);
  const int64_t k = std::max<int64_t>(1, a.runs_per_task);
  std::vector<int64_t> ids;
  for (int64_t id = a.task * k; id < std::min<int64_t>((a.task + 1) * k, static_cast<int64_t>(s.runs.size())); ++id)
    ids.push_back(id);
  if (ids.empty()) {
    fprintf(stderr, "error: task %lld has no runs (the sweep has %zu runs, %lld per task)\n",
            static_cast<long long>(a.task), s.runs.size(), static_cast<long long>(k));
    return 2;
  }
  const int threads = a.threads > 0 ? a.threads : default_threads();
  fprintf(stderr, "tribune: sweep '%s' task %lld: runs %lld..%lld, %d threads\n", s.spec.name.c_str(),
          static_cast<long long>(a.task), static_cast<long long>(ids.front()), static_cast<long long>(ids.back()),
          threads);
  const auto limit = a.requeue ? task_time_limit(a.checkpoint_lead) : nullptr;
  const BatchResult b = execute_all(
      s, dir, ids, ExecOptions{1, threads, a.checkpoint_every},
      [&] { return stop_signal() != 0 || (limit && time_is_up(*limit)); },
      [&](int64_t n) {
        fprintf(stderr, "tribune: %lld of %zu runs finished\n", static_cast<long long>(n), ids.size());
      });
  fprintf(stderr, "tribune: task %lld: %lld done, %lld already done, %lld failed, %lld continued from checkpoints\n",
          static_cast<long long>(a.task), static_cast<long long>(b.done), static_cast<long long>(b.skipped),
          static_cast<long long>(b.failed), static_cast<long long>(b.resumed));
  if (b.interrupted) {
    fprintf(stderr, "tribune: task %lld stopped by signal %d; %lld run%s checkpointed\n", static_cast<long long>(a.task),
            stop_signal(), static_cast<long long>(b.checkpointed), b.checkpointed == 1 ? "" : "s");
    if (a.requeue && stop_signal() == SIGUSR1) requeue_self(b.progressed);
    return 130;
  }
  return b.failed ? 1 : 0;
}

}  // namespace tribune
