#pragma once
// A request to stop (SIGINT, SIGTERM) as the engine sees it. The program's signal handlers
// (app/signals.cpp) set the flag; long work checks it at safe points: between ticks, and between
// the phases of building a world, where a stop throws Interrupted (nothing half-built escapes).
#include <atomic>
#include <stdexcept>
#include <string>

namespace tribune {

// The signal that asked to stop, 0 while none has.
std::atomic<int>& stop_flag();

inline bool stop_requested() {
  return stop_flag().load(std::memory_order_relaxed) != 0;
}

struct Interrupted : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Throws Interrupted, saying what was under way, when a stop has been requested.
inline void throw_if_stopped(const char* during) {
  if (stop_requested())
    throw Interrupted(std::string("interrupted by signal ") + std::to_string(stop_flag().load()) + " while " + during);
}

}  // namespace tribune
