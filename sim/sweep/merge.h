#pragma once
// `tribune sweep merge`: one HDF5 file from a sweep directory. `/runs` has one row per run (run
// id, point, replicate, seed, status, every swept value); each group of series of the run files
// (timeseries, districts, organizations, unions) is stacked along a new first dimension `run`,
// with dimension scales (run, tick, and district / org / union), so xarray opens each group with
// named dimensions. Swept values, seeds, replicates and statuses are also 1-D datasets on `run`
// in every group, for xarray to use as coordinates. Runs not done are rows of NaN.
#include <cstdint>
#include <stdexcept>
#include <string>

#include "sweep/sweep_dir.h"

namespace tribune::sweep {

struct MergeResult {
  int64_t runs = 0, done = 0, failed = 0, missing = 0;
  int64_t unreadable = 0;  // done runs whose files failed their seal's check (merged as failed)
  std::string path;
};

// Done runs whose files fail their seal's check, named.
struct UnreadableRuns : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Throws std::runtime_error on I/O problems, and UnreadableRuns, unless `allow_unreadable`, when a done run's
// file fails its seal's check (io/seal.h). The file is written as OUT.partial and renamed.
MergeResult merge(const Sweep& s, const SweepDir& dir, const std::string& out, bool allow_unreadable = false);

}  // namespace tribune::sweep
