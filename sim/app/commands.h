#pragma once
// The subcommands behind the CLI. Each returns the process exit code:
// 0 success, 1 runtime failure, 2 invalid input or usage, 130 interrupted.
#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace tribune {

struct RunArgs {
  std::string scenario;
  std::string output;   // empty: results/<scenario file stem>.h5
  long long seed = -1;  // -1: the scenario's
  int threads = 0;      // 0: default_threads()
  std::vector<std::string> overrides;
  bool quiet = false;
  bool profile = false;  // per-phase wall time on stderr at the end
  bool force = false;    // run even when the estimate exceeds the memory available
  int64_t checkpoint_every = 0;  // 0: none
  int64_t replicates = 0;        // > 0: that many replicates, as a sweep (replicates_command)
  int jobs = 1;                  // with replicates: runs at a time
};

struct ResumeArgs {
  std::string checkpoint;
  int threads = 0;
  bool quiet = false;
};

// `tribune sweep ...`: which fields each subcommand reads is said in main.cpp.
struct SweepArgs {
  std::string sweep;   // the sweep file (plan, run, submit) or directory (merge, task)
  std::string output;  // run table (plan), directory (run, submit, status), merged file (merge)
  std::string resume;  // submit --resume DIR
  int jobs = 1, threads = 0;
  std::string partition, time;
  int64_t max_parallel = 0, runs_per_task = 0, cpus_per_task = 1, task = 0;
  int64_t checkpoint_every = 0;  // run, submit, task: ticks between a run's checkpoints (0: only when stopped)
  int64_t checkpoint_lead = 300;  // submit: seconds before the time limit that SLURM sends SIGUSR1
  bool requeue = false;           // task: requeue itself after a stop by SIGUSR1
  bool dry_run = false, allow_partial = false, quiet = false, probe = true;
  std::vector<std::string> sbatch_args;  // submit: more #SBATCH options
  bool merge = false;                    // submit: a dependent job merges the sweep when the array ends
  std::string merge_output;              // submit --merge FILE (default: DIR/<sweep name>.h5)
  std::set<std::string> given;           // submit: the SLURM options the command line set (they override kept ones)
};

// `tribune compare`: scenarios side by side over the same seeds (docs/compare.md).
struct CompareArgs {
  std::vector<std::string> scenarios;
  int64_t replicates = 0;  // 0: 10, or the experiment file's
  int64_t seed = -1;       // seed of replicate 0, the same for every scenario; -1: 1, or the experiment's
  std::vector<std::string> overrides;
  std::string output;  // empty: results/<experiment name, or compare>.h5
  std::string dir;     // run directory; empty: OUT with .runs for .h5
  std::string csv;     // also write the table as CSV here
  int jobs = 1, threads = 0;
  bool json = false, quiet = false;
  bool submit = false, dry_run = false;
  std::string partition, time;
  int64_t max_parallel = 0, runs_per_task = 0, cpus_per_task = 1;
  int64_t checkpoint_every = 0, checkpoint_lead = 300;  // as for sweeps
  std::vector<std::string> sbatch_args;                 // with --submit: more #SBATCH options
};

int run_command(const RunArgs& a);
int replicates_command(const RunArgs& a);
int resume_command(const ResumeArgs& a);
int compare_command(const CompareArgs& a);
int sweep_plan_command(const SweepArgs& a);
int sweep_run_command(const SweepArgs& a);
int sweep_submit_command(const SweepArgs& a);
int sweep_status_command(const SweepArgs& a);
int sweep_merge_command(const SweepArgs& a);
int sweep_task_command(const SweepArgs& a);
int validate_command(const std::string& scenario, const std::vector<std::string>& overrides);
int info_command(const std::string& path, bool json);

// `tribune export FILE`: series or an event table as CSV.
struct ExportArgs {
  std::string file, output, format = "csv", level = "city", events;
};
int export_command(const ExportArgs& a);
int schema_command(bool sweep, bool experiment);
int reference_command();

}  // namespace tribune
