#pragma once
// A sweep's directory: what was planned and what has been done, on disk, so that any process
// (a local runner, a SLURM task, `status`, `merge`) learns the state from the files alone.
//
//   DIR/sweep.yaml        the sweep file as given (its `scenario:` is not read again)
//   DIR/base.yaml         the base scenario, resolved, with the sweep's `set:` applied
//   DIR/runs.tsv          the run table: run, point, replicate, seed, one column per parameter
//   DIR/runs/run-NNNNNN.h5       a completed run (written as .partial, renamed when complete)
//   DIR/runs/run-NNNNNN.failed   why the run failed (removed when it later succeeds)
//   DIR/runs/run-NNNNNN.h5.ckpt  a stopped run's checkpoint, and .h5.partial.d/ its snapshots so
//                                far (both removed when the run completes; sweep/execute.h)
//   DIR/logs/             SLURM task logs
//   DIR/submit.sbatch, DIR/jobs.tsv   the array job script and the jobs submitted
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "sweep/sweep_spec.h"

namespace tribune::sweep {

// stopped: interrupted with a checkpoint written; the next attempt continues from it.
enum class RunState { done, failed, running, missing, stopped };
inline constexpr const char* kRunStateNames[] = {"done", "failed", "running", "missing", "stopped"};

class SweepDir {
 public:
  explicit SweepDir(std::filesystem::path root) : root_(std::move(root)) {}
  // Create the directory for `s`, or check that an existing one holds the same sweep. Throws
  // ScenarioError when DIR holds a different sweep.
  void create(const Sweep& s) const;
  // Load the sweep frozen in the directory. Throws ScenarioError when DIR is not a sweep.
  Sweep load() const;

  const std::filesystem::path& root() const { return root_; }
  std::filesystem::path run_file(int64_t id) const;
  std::filesystem::path failed_file(int64_t id) const;
  std::filesystem::path checkpoint_file(int64_t id) const;
  std::filesystem::path logs() const { return root_ / "logs"; }

  RunState state(int64_t id) const;
  std::vector<RunState> states(const Sweep& s) const;
  std::string failure(int64_t id) const;  // the .failed file's text

 private:
  std::filesystem::path root_;
};

// The run table as TSV text.
std::string run_table(const Sweep& s);

}  // namespace tribune::sweep
