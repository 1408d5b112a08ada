#pragma once
// Running the runs of a sweep, in this process: one by one (a SLURM task) or several at a time
// on worker threads (the local runner). A run that is already done is never run again.
//
// Every run can be stopped and continued: its snapshots are spooled to files of their own
// (runs/run-NNNNNN.h5.partial.d/), and when it is asked to stop (a signal: Ctrl-C, scancel, or
// the SIGUSR1 that a task's script asks SLURM to send before the time limit) it writes a
// checkpoint, runs/run-NNNNNN.h5.ckpt, from which the next attempt continues instead of starting
// over; with `checkpoint_every` it writes one every so many ticks too (a kill -9 or a lost node
// then costs at most that many ticks). A checkpoint that does not belong to the run (the sweep
// directory was reused with another build's scenario) or is damaged is set aside, with a warning,
// and the run starts over.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "sweep/sweep_dir.h"

namespace tribune::sweep {

struct ExecOptions {
  int jobs = 1;                  // runs at a time
  int threads = 1;               // threads per run
  int64_t checkpoint_every = 0;  // ticks between checkpoints; 0: only when stopped
};

struct RunOutcome {
  bool ok = false;
  bool interrupted = false;
  int64_t resumed_from = -1;      // the checkpoint's tick when the run continued from one
  int64_t checkpointed_at = -1;   // when interrupted: the tick of the checkpoint written
  double seconds = 0;  // the run's own wall time: building the world and every tick
  std::string error;
};

// Run one run into its file; on failure write its .failed file. For tests, the environment
// variable TRIBUNE_SWEEP_FAIL_RUNS (a comma-separated list of run ids) makes those runs fail.
RunOutcome execute(const Sweep& s, const SweepDir& dir, const Run& run, const ExecOptions& o,
                   const std::function<bool()>& stop);

struct BatchResult {
  int64_t done = 0, failed = 0, skipped = 0;
  int64_t resumed = 0;       // runs continued from a checkpoint
  int64_t checkpointed = 0;  // runs stopped with a checkpoint written
  bool interrupted = false;
  bool progressed = false;   // a run finished, or a stopped run got further than where it began
  double run_seconds = 0;    // sum of the runs' own wall times
};

// Run `ids` (skipping those already done) on `o.jobs` worker threads of `o.threads` threads
// each; `on_done(finished so far)` is called after each run, under a lock.
BatchResult execute_all(const Sweep& s, const SweepDir& dir, const std::vector<int64_t>& ids, const ExecOptions& o,
                        const std::function<bool()>& stop, const std::function<void(int64_t)>& on_done);

}  // namespace tribune::sweep
