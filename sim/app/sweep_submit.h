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
  return o;
}

// Writes DIR/submit.sbatch and, unless `dry_run`, submits it; prints what it did. Exit code.
int submit_sweep(const sweep::Sweep& s, const sweep::SweepDir& dir, sweep::SubmitOptions o, bool dry_run);

}  // namespace tribune
