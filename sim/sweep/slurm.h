#pragma once
// SLURM array jobs for sweeps: the sbatch script (kept in the sweep directory so a user can read
// and edit it), submission, and the record of jobs submitted (DIR/jobs.tsv).
#include <cstdint>
#include <string>
#include <vector>

#include "sweep/sweep_dir.h"

namespace tribune::sweep {

struct SubmitOptions {
  std::string partition, time;  // empty: the cluster's defaults
  int64_t max_parallel = 0;     // 0: no limit (%M)
  int64_t runs_per_task = 1;
  int64_t cpus_per_task = 1;
  int64_t checkpoint_every = 0;  // ticks between a run's checkpoints; 0: only when stopped
  int64_t checkpoint_lead = 300;  // seconds before the time limit that SLURM sends SIGUSR1
  std::vector<std::string> sbatch_args;  // more #SBATCH options, as given ("--account=lab", "--mem=4G")
  std::string binary;  // absolute path of this tribune
};

// The options tribune writes itself into the script; --sbatch-arg may not set them (each has its
// own option, or is how tasks checkpoint and log).
bool managed_option(const std::string& arg);
// Why `arg` cannot be an #SBATCH option ("" when it can): it must start with '-', hold no line
// break or tab, and not be one tribune manages.
std::string sbatch_arg_problem(const std::string& arg);

// The options of the last submission (DIR/submit.options), so that `submit --resume` keeps what
// the user set; an absent file gives the defaults. `given` names the options the command line
// set, which override the kept ones.
SubmitOptions kept_options(const SweepDir& dir);
void keep_options(const SweepDir& dir, const SubmitOptions& o);
// The #SBATCH lines of DIR/submit.sbatch that tribune does not write itself: a user's own
// additions to the script, kept by a resubmission.
std::vector<std::string> hand_added(const SweepDir& dir);
// The script of the job that merges the sweep once the array has ended (submit --merge).
std::string merge_script(const Sweep& s, const SweepDir& dir, const SubmitOptions& o, const std::string& out);

// A SLURM time limit ("M", "M:S", "H:M:S", "D-H", "D-H:M", "D-H:M:S") in seconds; -1 when it is
// not one of those forms (or "UNLIMITED", "INFINITE").
int64_t time_limit_seconds(const std::string& t);
// The lead of the checkpoint signal: the one asked for, but at most half the time limit (when
// known), so that a short task still runs before it is told to stop; at least 1 s.
int64_t signal_lead(const SubmitOptions& o);

int64_t task_count(const Sweep& s, int64_t runs_per_task);
// The tasks that hold at least one run not done.
std::vector<int64_t> unfinished_tasks(const Sweep& s, const SweepDir& dir, int64_t runs_per_task);
// "0-9" or "3,7,8"; with a limit, "%M" appended.
std::string array_spec(const std::vector<int64_t>& tasks, int64_t max_parallel);
// The array job's script. Its tasks are requeueable: SLURM sends SIGUSR1 `signal_lead` seconds
// before the time limit, the task checkpoints its run and requeues itself, and the requeued task
// continues from the checkpoint (sweep/execute.h; logs are appended to, not truncated).
std::string sbatch_script(const Sweep& s, const SweepDir& dir, const SubmitOptions& o, const std::string& array);
// Run `sbatch --parsable [--dependency=afterany:AFTER] SCRIPT`; returns the job id. Throws
// std::runtime_error with sbatch's words.
std::string submit(const std::string& script, const std::string& after = "");
// Append a line to DIR/jobs.tsv; read the last line's runs_per_task (0 when none).
void record_job(const SweepDir& dir, const std::string& job, const std::string& array, int64_t runs_per_task);
int64_t last_runs_per_task(const SweepDir& dir);

}  // namespace tribune::sweep
