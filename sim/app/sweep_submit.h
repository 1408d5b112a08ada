#pragma once
// Submitting a sweep directory's unfinished runs as a SLURM array (sweep submit, compare --submit).
#include "sweep/slurm.h"
#include "sweep/sweep_dir.h"

namespace tribune {

// Writes DIR/submit.sbatch and, unless `dry_run`, submits it; prints what it did. Exit code.
int submit_sweep(const sweep::Sweep& s, const sweep::SweepDir& dir, sweep::SubmitOptions o, bool dry_run);

}  // namespace tribune
