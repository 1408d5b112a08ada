#pragma once
// Submitting a sweep directory's unfinished runs as a SLURM array (sweep submit, compare --submit).
#include "sweep/slurm.h"
#include "sweep/sweep_dir.h"

namespace tribune {

// The SLURM options of a command's arguments (SweepArgs, CompareArgs: the same fields).
template <class Args>
sweep::SubmitOptions submit_options(const Args& a) {
  sweep::SubmitOptions o;
  o.partition = a.partition;
  o.time = a.time;
  o.max_parallel = a.max_parallel;
  o.cpus_per_task = a.cpus_per_task;
  o.runs_per_task = a.runs_per_task;
  o.checkpoint_every = a.checkpoint_every;
  o.checkpoint_lead = a.checkpoint_lead;
  o.sbatch_args = a.sbatch_args;
  return o;
}

// Exit 2 with a message when an --sbatch-arg cannot be an #SBATCH option.
int check_sbatch_args(const std::vector<std::string>& args);

// Writes DIR/submit.sbatch (and DIR/submit.options) and, unless `dry_run`, submits it; with
// `merge_to`, also a job that merges the sweep there once the array has ended. Prints what it
// did. Exit code.
int submit_sweep(const sweep::Sweep& s, const sweep::SweepDir& dir, sweep::SubmitOptions o, bool dry_run,
                 const std::string& merge_to = "");

}  // namespace tribune
