#pragma once
// A checkpoint of a run (`tribune run --checkpoint-every K`, `tribune resume`): everything needed
// to continue it to the same output. One file, written under a temporary name, synced and
// renamed, so a kill leaves the previous checkpoint or the new one, never half of one:
//   "TRIBUNE-CHECKPOINT 1\n", then length-prefixed fields (the scenario file as given, the
//   resolved scenario, the output's final path) and integers (the checkpoint interval, the
//   tick), then the run's state (Simulation::save_state, streamed: it runs to the last 4 bytes),
//   then the CRC-32 of everything after the first line.
#include <cstdint>
#include <functional>
#include <string>

namespace tribune {

struct Checkpoint {
  std::string scenario_file;  // as given on the command line (provenance)
  std::string scenario_yaml;  // resolved: the run is rebuilt from it
  std::string output;         // the final path of the run's HDF5 file
  int64_t every = 0;          // ticks between checkpoints
  int64_t tick = 0;           // ticks run when it was taken
  std::string state;          // Simulation::save_state() (when read)
};

using StateWriter = std::function<void(const std::function<void(const char*, size_t)>& sink)>;

// Write `c` (its `state` ignored) with the state produced by `state`. Throws std::runtime_error
// naming the path and the cause.
void write_checkpoint(const std::string& path, const Checkpoint& c, const StateWriter& state);
// Remove the checkpoint and any half-written one a kill left (PATH.tmp); quiet when neither exists.
void remove_checkpoint(const std::string& path);
// Throws std::runtime_error when the file is missing, not a checkpoint, truncated or damaged.
Checkpoint read_checkpoint(const std::string& path);

}  // namespace tribune
