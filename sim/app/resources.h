#pragma once
// What this machine lets a process use, read before a run is built: memory available (the
// least of /proc/meminfo's MemAvailable, the cgroup's limit less its usage, SLURM's
// --mem, and the address-space and data limits), and free space where the output goes.
#include <string>

namespace tribune {

struct MemoryLimit {
  double bytes = 0;
  std::string what;  // which limit binds: "MemAvailable", "cgroup memory limit", ...
};

MemoryLimit available_memory();

// Free bytes on the filesystem holding `path` (a file to be created: its directory), or a
// negative number when it cannot be told.
double free_space(const std::string& path);

// "1.5 GiB", "340 MiB", ...
std::string human_bytes(double b);

}  // namespace tribune
