#pragma once
// The run's HDF5 file (layout in docs/output_format.md). It is written as NAME.partial and
// renamed to NAME only when the run completed, so a file at the final path is always complete.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace tribune {

class Simulation;

struct Provenance {
  std::string scenario_file;
  std::string scenario_yaml;  // resolved
  int threads = 1;
  double wall_seconds = 0;
  double build_seconds = 0;
};

class Output {
 public:
  explicit Output(std::string final_path);  // creates final_path + ".partial"
  ~Output();                                // closes; an unfinished file stays .partial
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  // Per-person columns of the current tick (those marked snapshot in core/persons.h).
  void snapshot(const Simulation& sim);
  // Write series, events and provenance; close; rename when `complete`. Returns the path written.
  std::string finish(const Simulation& sim, const Provenance& prov, bool complete);
  // Close and delete the partial file (after a failure that makes it useless).
  void discard();

  const std::string& partial_path() const { return partial_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string final_, partial_;
};

// Run `sim` to its horizon, snapshots included, until `stop` says to stop (checked before each
// tick); `after_tick` is told each tick reached. Returns whether the run completed.
bool simulate(Simulation& sim, Output& out, const std::function<bool()>& stop,
              const std::function<void(int64_t)>& after_tick);

}  // namespace tribune
