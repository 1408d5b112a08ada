#pragma once
// `tribune sweep merge`: one HDF5 file from a sweep directory. `/runs` has one row per run (run
// id, point, replicate, seed, status, every swept value); each group of series of the run files
// (timeseries, districts, organizations, unions) is stacked along a new first dimension `run`,
// with dimension scales (run, tick, and district / org / union), so xarray opens each group with
// named dimensions. Swept values, seeds, replicates and statuses are also 1-D datasets on `run`
// in every group, for xarray to use as coordinates. Runs not done are rows of NaN.
#include <cstdint>
#include <string>

#include "sweep/sweep_dir.h"

namespace tribune::sweep {

struct MergeResult {
  int64_t runs = 0, done = 0, failed = 0, missing = 0;
  std::string path;
};

// Throws std::runtime_error on I/O problems. The file is written as OUT.partial and renamed.
MergeResult merge(const Sweep& s, const SweepDir& dir, const std::string& out);

}  // namespace tribune::sweep
