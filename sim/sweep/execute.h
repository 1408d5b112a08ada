#pragma once
// Running the runs of a sweep, in this process: one by one (a SLURM task) or several at a time
// on worker threads (the local runner). A run that is already done is never run again.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "sweep/sweep_dir.h"

namespace tribune::sweep {

struct RunOutcome {
  bool ok = false;
  bool interrupted = false;
  double seconds = 0;  // the run's own wall time: building the world and every tick
  std::string error;
};

// Run one run into its file; on failure write its .failed file. For tests, the environment
// variable TRIBUNE_SWEEP_FAIL_RUNS (a comma-separated list of run ids) makes those runs fail.
RunOutcome execute(const Sweep& s, const SweepDir& dir, const Run& run, int threads, const std::function<bool()>& stop);

struct BatchResult {
  int64_t done = 0, failed = 0, skipped = 0;
  bool interrupted = false;
  double run_seconds = 0;  // sum of the runs' own wall times
};

// Run `ids` (skipping those already done) on `jobs` worker threads of `threads` threads each;
// `on_done(finished so far)` is called after each run, under a lock.
BatchResult execute_all(const Sweep& s, const SweepDir& dir, const std::vector<int64_t>& ids, int jobs, int threads,
                        const std::function<bool()>& stop, const std::function<void(int64_t)>& on_done);

}  // namespace tribune::sweep
