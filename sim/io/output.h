#pragma once
// The run's HDF5 file (layout in docs/output_format.md). It is written as NAME.partial and
// renamed to NAME only when the run completed and the file closed and sealed without error
// (io/seal.h), so a file at the final path is always complete. Any write error (a full disk,
// EIO, a quota) is thrown as WriteError naming the file and the cause; the caller discards the
// partial file.
#include <cstdint>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>

namespace tribune {

class Simulation;
struct Persons;

struct WriteError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct Provenance {
  std::string scenario_file;
  std::string scenario_yaml;  // resolved
  int threads = 1;
  double wall_seconds = 0;
  double build_seconds = 0;
};

class Output {
 public:
  // Creates final_path + ".partial". With `spool` (runs with checkpoints) snapshots go to files
  // of their own in final_path + ".partial.d/" as the run goes (a kill leaves whole files only)
  // and the HDF5 file is written at finish() from them and the rest.
  explicit Output(std::string final_path, bool spool = false);
  ~Output();                                // closes; an unfinished file stays .partial
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  // Per-person columns of the current tick (those marked snapshot in core/persons.h).
  void snapshot(const Simulation& sim);
  // Write series, events and provenance; close; seal; rename when `complete` (an interrupted
  // run's file is sealed and stays NAME.partial). Returns the path written.
  std::string finish(const Simulation& sim, const Provenance& prov, bool complete);
  // Close and delete the partial file (after a failure that makes it useless).
  void discard();

  const std::string& partial_path() const { return partial_; }
  std::string spool_dir() const;
  // Spooled snapshots of `tick` and later removed (a resume from a checkpoint taken at `tick`).
  void drop_snapshots_from(int64_t tick);

 private:
  void write_snapshot(const Persons& persons, int64_t tick);
  void spool_snapshot(const Persons& persons, int64_t tick);
  void gather_snapshots(int64_t persons);
  std::string write_and_seal(const Simulation& sim, const Provenance& prov, bool complete);
  void close_all();  // every handle and the file, checked
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string final_, partial_;
  bool spool_ = false;
  size_t errors_before_ = 0;
};

// Run `sim` to its horizon, snapshots included, until `stop` says to stop (checked before each
// tick); `after_tick` is told each tick reached. Returns whether the run completed.
bool simulate(Simulation& sim, Output& out, const std::function<bool()>& stop,
              const std::function<void(int64_t)>& after_tick);

}  // namespace tribune
