// tribune's command line. Parsing only: each subcommand lives in its own file.
#include <CLI/CLI.hpp>
#include <cstdio>

#include "app/commands.h"
#include "app/signals.h"
#include "core/version.h"

namespace {
// Installed before main too, as the program's static initializers run, so that the window in
// which a signal finds the default action is the loader's alone. Here, not in signals.cpp: the
// engine library is also linked into the Python module, whose host keeps its own handlers.
[[gnu::constructor]] void install_early() {
  tribune::install_stop_handlers();
}
}  // namespace

int main(int argc, char** argv) {
  using namespace tribune;
  install_stop_handlers();
  CLI::App app{
      "tribune: an agent-based simulation of electoral versus movement strategy.\n"
      "Logs and progress go to stderr, results to files. Exit codes: 0 success, 1 runtime\n"
      "failure, 2 invalid input or usage, 130 interrupted."};
  app.set_version_flag("--version", std::string("tribune ") + kVersion + " (" + kGitCommit + ", " + kBuildType + ")");
  app.require_subcommand(1);

  RunArgs run;
  auto* r = app.add_subcommand("run", "Run a scenario and write an HDF5 file");
  r->add_option("scenario", run.scenario, "Scenario YAML file")->required();
  r->add_option("-o,--output", run.output, "Output file (default: results/<scenario>.h5)");
  r->add_option("--seed", run.seed, "Random seed (overrides the scenario's)")->check(CLI::NonNegativeNumber);
  r->add_option("--threads", run.threads,
                "Threads (default: SLURM_CPUS_PER_TASK, OMP_NUM_THREADS, or the cores); never changes results")
      ->check(CLI::Range(1, 4096));
  r->add_option("--set", run.overrides, "Override a parameter: key.path=value (repeatable)")->allow_extra_args(false);
  r->add_flag("-q,--quiet", run.quiet, "No progress or log lines on stderr");
  r->add_flag("--profile", run.profile, "Print the wall time of each phase (mechanism) on stderr at the end");
  r->add_option("--checkpoint-every", run.checkpoint_every,
                "Write a checkpoint (OUTPUT.ckpt) every K ticks, and at a stop; `tribune resume` continues the run "
                "to the same output")
      ->check(CLI::Range(int64_t{1}, int64_t{100000}));
  r->add_option("--replicates", run.replicates,
                "Run N replicates (seed SEED + r, replicate r): one file each in OUTPUT's .runs directory and OUTPUT "
                "stacking them along `run`")
      ->check(CLI::Range(int64_t{1}, int64_t{1000000}));
  r->add_option("--jobs", run.jobs, "With --replicates: runs at a time (threads per run: cores / jobs)")
      ->check(CLI::Range(1, 4096));
  r->add_flag("--force", run.force,
              "Run even when the memory the run needs (estimated from the scenario) exceeds what the machine has "
              "available");

  ResumeArgs resume;
  auto* res = app.add_subcommand("resume", "Continue a run from its checkpoint (tribune run --checkpoint-every)");
  res->add_option("checkpoint", resume.checkpoint, "Checkpoint file (OUTPUT.ckpt)")->required();
  res->add_option("--threads", resume.threads, "Threads (default as for run); never changes results")
      ->check(CLI::Range(1, 4096));
  res->add_flag("-q,--quiet", resume.quiet, "No progress or log lines on stderr");

  std::string vpath;
  std::vector<std::string> voverrides;
  auto* v = app.add_subcommand("validate", "Check a scenario and report every problem with its location");
  v->add_option("scenario", vpath, "Scenario YAML file")->required();
  v->add_option("--set", voverrides, "Override a parameter: key.path=value (repeatable)")->allow_extra_args(false);

  bool sweep_schema = false;
  auto* schema = app.add_subcommand("schema",
                                    "Print the JSON Schema of the scenario format (or, with --sweep, of "
                                    "sweep files), for editors and validators");
  schema->add_flag("--sweep", sweep_schema, "The schema of sweep files instead of scenarios");
  bool experiment_schema = false;
  schema->add_flag("--experiment", experiment_schema, "The schema of experiment files (tribune compare)");
  auto* ref = app.add_subcommand("reference", "Print the scenario reference (Markdown) with every parameter");

  std::string ipath;
  ExportArgs ex;
  auto* exp = app.add_subcommand("export", "Write a run's or a merged sweep's series (or a run's event table) as a CSV table");
  exp->add_option("file", ex.file, "Output HDF5 file: a run, or a merged sweep")->required();
  exp->add_option("-o,--output", ex.output, "CSV file (default: stdout)");
  exp->add_option("--format", ex.format, "Table format: csv");
  exp->add_option("--level", ex.level, "Series of: city (default), district, org, union or party; a row per run, tick "
                                       "(and actor), a column per series");
  exp->add_option("--events", ex.events, "An event table of a run instead (elections, strikes, ...): a row per event");
  auto* info = app.add_subcommand("info", "Describe an output file: its attributes, groups and variables, read from the file");
  info->add_option("file", ipath, "Output HDF5 file (a run, a merged sweep or a comparison)")->required();
  bool info_json = false;
  info->add_flag("--json", info_json, "Print JSON on stdout: every group's attributes and variables");

  SweepArgs sw;
  auto* sweep = app.add_subcommand("sweep", "Parameter sweeps on this machine or a SLURM cluster (docs/sweeps.md)");
  sweep->require_subcommand(1);
  auto* plan = sweep->add_subcommand(
      "plan", "Check a sweep file, print its runs and estimated cost (and, with -o, write the run table)");
  plan->add_option("sweep", sw.sweep, "Sweep YAML file")->required();
  plan->add_option("-o,--output", sw.output,
                   "Write the run table (TSV: run, point, replicate, seed, parameters) here; none without -o");
  plan->add_flag("!--no-probe", sw.probe, "Do not time the first run to estimate the cost");
  auto* srun = sweep->add_subcommand("run", "Run a sweep on this machine into a directory (resumes what is done)");
  srun->add_option("sweep", sw.sweep, "Sweep YAML file")->required();
  srun->add_option("-o,--output", sw.output, "Sweep directory")->required();
  srun->add_option("--jobs", sw.jobs, "Runs at a time (threads per run: cores / jobs)")->check(CLI::Range(1, 4096));
  srun->add_option("--threads", sw.threads, "Threads per run (default: cores / jobs); never changes results")
      ->check(CLI::Range(1, 4096));
  srun->add_option("--checkpoint-every", sw.checkpoint_every,
                   "Checkpoint each run every K ticks (a run always checkpoints when stopped; the next `sweep run` "
                   "continues it)")
      ->check(CLI::Range(int64_t{1}, int64_t{1} << 40));
  srun->add_flag("-q,--quiet", sw.quiet, "No progress on stderr");
  auto* submit = sweep->add_subcommand("submit", "Write and submit a SLURM array job for a sweep");
  submit->add_option("sweep", sw.sweep, "Sweep YAML file (not with --resume)");
  submit->add_option("-o,--output", sw.output, "Sweep directory");
  submit->add_option("--resume", sw.resume, "Submit only what is not done in this sweep directory");
  submit->add_option("--partition", sw.partition, "SLURM partition");
  submit->add_option("--time", sw.time, "SLURM time limit per task (e.g. 01:00:00)");
  submit->add_option("--max-parallel", sw.max_parallel, "At most this many tasks at once (%M)")
      ->check(CLI::NonNegativeNumber);
  submit->add_option("--runs-per-task", sw.runs_per_task, "Runs per array task (default 1, or the last submission's)")
      ->check(CLI::Range(int64_t{1}, int64_t{1000000}));
  submit->add_option("--cpus-per-task", sw.cpus_per_task, "CPUs per task; runs use them as threads")
      ->check(CLI::Range(int64_t{1}, int64_t{4096}));
  submit->add_option("--checkpoint-every", sw.checkpoint_every,
                     "Checkpoint each run every K ticks too (a run always checkpoints when its task is stopped)")
      ->check(CLI::Range(int64_t{1}, int64_t{1} << 40));
  submit->add_option("--checkpoint-lead", sw.checkpoint_lead,
                     "Seconds before the time limit that SLURM signals a task to checkpoint and requeue (default "
                     "300, at most half of --time)")
      ->check(CLI::Range(int64_t{1}, int64_t{65535}));
  submit->add_option("--sbatch-arg", sw.sbatch_args,
                     "Another #SBATCH option for the script, e.g. --sbatch-arg=--account=lab (repeatable; kept by "
                     "--resume, as are #SBATCH lines added to submit.sbatch by hand)")
      ->allow_extra_args(false);
  submit->add_flag("--merge", sw.merge, "Also submit a job that merges the sweep once the array has ended");
  submit->add_option("--merge-output", sw.merge_output, "With --merge: the merged file (default: DIR/<sweep name>.h5)");
  submit->add_flag("--dry-run", sw.dry_run, "Write the script but do not submit it");
  auto* status = sweep->add_subcommand("status", "Report done, failed, running and missing runs (from the run files)");
  status->add_option("dir", sw.output, "Sweep directory")->required();
  auto* merge = sweep->add_subcommand("merge", "Merge a sweep directory's runs into one HDF5 file");
  merge->add_option("dir", sw.sweep, "Sweep directory")->required();
  merge->add_option("-o,--output", sw.output, "Merged file (default: DIR/<sweep name>.h5)");
  merge->add_flag("--allow-partial", sw.allow_partial, "Merge even if some runs are not done (their rows are NaN)");
  auto* task = sweep->add_subcommand("task", "Run one array task's runs (what submit's script calls)");
  task->add_option("dir", sw.sweep, "Sweep directory")->required();
  task->add_option("--task", sw.task, "Task index (SLURM_ARRAY_TASK_ID)")->required()->check(CLI::NonNegativeNumber);
  task->add_option("--runs-per-task", sw.runs_per_task, "Runs per task")
      ->check(CLI::Range(int64_t{1}, int64_t{1000000}));
  task->add_option("--threads", sw.threads, "Threads (default: SLURM_CPUS_PER_TASK, OMP_NUM_THREADS or the cores)")
      ->check(CLI::Range(1, 4096));
  task->add_option("--checkpoint-every", sw.checkpoint_every, "Checkpoint each run every K ticks")
      ->check(CLI::Range(int64_t{1}, int64_t{1} << 40));
  task->add_flag("--requeue", sw.requeue,
                 "In a SLURM job: stop --checkpoint-lead seconds before the time limit (on SLURM's SIGUSR1, or by "
                 "the task's own clock), checkpoint the run and requeue the job (scontrol requeue)");
  task->add_option("--checkpoint-lead", sw.checkpoint_lead,
                   "With --requeue: seconds before the time limit to stop and checkpoint (default 300)")
      ->check(CLI::Range(int64_t{1}, int64_t{65535}));

  CompareArgs cmp;
  auto* compare = app.add_subcommand(
      "compare",
      "Run scenarios over the same seeds and compare their headline outcomes with paired differences "
      "(docs/compare.md)");
  compare->add_option("scenarios", cmp.scenarios,
                      "Two or more scenario YAML files, or one experiment file (scenarios/experiments/)")
      ->required();
  compare->add_option("--replicates", cmp.replicates,
                      "Replicates per scenario and point (seeds SEED, SEED + 1, ...; default 10, or the experiment's)")
      ->check(CLI::Range(int64_t{2}, int64_t{1000000}));
  compare->add_option("--seed", cmp.seed, "Seed of replicate 0, the same for every scenario (default 1, or the experiment's)")
      ->check(CLI::NonNegativeNumber);
  compare->add_option("--set", cmp.overrides, "Override a parameter in every scenario: key.path=value (repeatable)")
      ->allow_extra_args(false);
  compare->add_option("-o,--output", cmp.output, "Merged file of headline outcomes (default: results/<experiment name, or compare>.h5)");
  compare->add_option("--dir", cmp.dir, "Run directory, one sweep per scenario (default: OUT with .runs for .h5)");
  compare->add_option("--csv", cmp.csv, "Also write the summaries and differences as CSV to this file");
  compare->add_flag("--json", cmp.json, "Print JSON on stdout instead of the table");
  compare->add_option("--jobs", cmp.jobs, "Runs at a time (threads per run: cores / jobs)")->check(CLI::Range(1, 4096));
  compare->add_option("--threads", cmp.threads, "Threads per run; never changes results")->check(CLI::Range(1, 4096));
  compare->add_flag("-q,--quiet", cmp.quiet, "No progress on stderr");
  compare->add_flag("--submit", cmp.submit, "Submit each scenario's runs as a SLURM array instead of running them here");
  compare->add_flag("--dry-run", cmp.dry_run, "With --submit: write the scripts but do not submit them");
  compare->add_option("--partition", cmp.partition, "With --submit: SLURM partition");
  compare->add_option("--time", cmp.time, "With --submit: SLURM time limit per task");
  compare->add_option("--max-parallel", cmp.max_parallel, "With --submit: at most this many tasks at once")
      ->check(CLI::NonNegativeNumber);
  compare->add_option("--runs-per-task", cmp.runs_per_task, "With --submit: runs per array task")
      ->check(CLI::Range(int64_t{1}, int64_t{1000000}));
  compare->add_option("--cpus-per-task", cmp.cpus_per_task, "With --submit: CPUs per task")
      ->check(CLI::Range(int64_t{1}, int64_t{4096}));
  compare->add_option("--sbatch-arg", cmp.sbatch_args, "With --submit: another #SBATCH option (repeatable)")
      ->allow_extra_args(false);
  compare->add_option("--checkpoint-lead", cmp.checkpoint_lead,
                      "With --submit: seconds before the time limit that SLURM signals a task to checkpoint and "
                      "requeue (default 300, at most half of --time)")
      ->check(CLI::Range(int64_t{1}, int64_t{65535}));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  auto dispatch = [&]() -> int {
    if (*r) return run.replicates > 0 ? replicates_command(run) : run_command(run);
    if (*res) return resume_command(resume);
    if (*compare) return compare_command(cmp);
    if (*v) return validate_command(vpath, voverrides);
    if (*schema) return schema_command(sweep_schema, experiment_schema);
    if (*ref) return reference_command();
    if (*info) return info_command(ipath, info_json);
    if (*exp) return export_command(ex);
    if (*plan) return sweep_plan_command(sw);
    if (*srun) return sweep_run_command(sw);
    if (*submit) {
      for (const char* o : {"partition", "time", "max-parallel", "runs-per-task", "cpus-per-task", "checkpoint-every",
                            "checkpoint-lead"})
        if (submit->count(std::string("--") + o) > 0) sw.given.insert(o);
      if (!sw.merge_output.empty()) sw.merge = true;
      if (sw.resume.empty() == sw.sweep.empty() || (sw.resume.empty() && sw.output.empty())) {
        fprintf(stderr, "error: give either SWEEP.yaml -o DIR, or --resume DIR\n");
        return 2;
      }
      return sweep_submit_command(sw);
    }
    if (*status) return sweep_status_command(sw);
    if (*merge) return sweep_merge_command(sw);
    if (*task) return sweep_task_command(sw);
    return 2;
  };
  const int rc = dispatch();
  // A signal that arrived during a command that does not stop early (validate, info, ...) is
  // still answered: 130, once the command's own output is complete. Runs, resumes, sweeps and
  // comparisons answer signals themselves (a run that completed before it stopped is complete).
  const bool answers_signals = *r || *res || *srun || *task || *compare;
  if (rc == 0 && !answers_signals && stop_signal() != 0) {
    fprintf(stderr, "tribune: interrupted by signal %d\n", stop_signal());
    return 130;
  }
  return rc;
}
