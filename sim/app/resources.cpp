// Machine limits for `tribune run`'s check before building (see resources.h).
#include "app/resources.h"

#include <sys/resource.h>
#include <sys/statvfs.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>

namespace tribune {

namespace {
// A number read from a file of one line ("max" and unlimited values give infinity), or NaN.
double read_number(const std::string& path) {
  std::ifstream in(path);
  std::string s;
  if (!(in >> s)) return std::nan("");
  if (s == "max") return std::numeric_limits<double>::infinity();
  char* end = nullptr;
  const double v = std::strtod(s.c_str(), &end);
  if (end == s.c_str()) return std::nan("");
  return v >= 9.2e18 ? std::numeric_limits<double>::infinity() : v;  // v1's "no limit" is 2^63 - 4096
}

double mem_available() {
  std::ifstream in("/proc/meminfo");
  std::string key;
  double kb = 0;
  std::string unit;
  while (in >> key >> kb >> unit)
    if (key == "MemAvailable:") return kb * 1024;
  return std::numeric_limits<double>::infinity();
}

// The cgroup's memory limit less its usage: cgroup v2 (memory.max, memory.current) or v1
// (memory.limit_in_bytes, memory.usage_in_bytes), at the process's own cgroup or, inside a
// container whose cgroup namespace hides the path, at the mount's root.
double cgroup_room() {
  std::ifstream in("/proc/self/cgroup");
  std::string line, v2, v1;
  while (std::getline(in, line)) {
    const auto a = line.find(':'), b = line.find(':', a + 1);
    if (a == std::string::npos || b == std::string::npos) continue;
    const std::string controllers = line.substr(a + 1, b - a - 1), path = line.substr(b + 1);
    if (controllers.empty()) v2 = path;
    if (controllers == "memory") v1 = path;
  }
  double room = std::numeric_limits<double>::infinity();
  auto consider = [&](const std::string& dir, const char* limit, const char* usage) {
    const double l = read_number(dir + "/" + limit), u = read_number(dir + "/" + usage);
    if (!std::isnan(l) && std::isfinite(l)) room = std::min(room, l - (std::isnan(u) ? 0 : u));
  };
  if (!v2.empty()) {
    consider("/sys/fs/cgroup" + v2, "memory.max", "memory.current");
    consider("/sys/fs/cgroup", "memory.max", "memory.current");
  }
  if (!v1.empty()) {
    consider("/sys/fs/cgroup/memory" + v1, "memory.limit_in_bytes", "memory.usage_in_bytes");
    consider("/sys/fs/cgroup/memory", "memory.limit_in_bytes", "memory.usage_in_bytes");
  }
  return room;
}

double rlimit(int resource) {
  struct rlimit r {};
  if (getrlimit(resource, &r) != 0 || r.rlim_cur == RLIM_INFINITY) return std::numeric_limits<double>::infinity();
  return static_cast<double>(r.rlim_cur);
}

// SLURM's --mem (SLURM_MEM_PER_NODE, MB) or --mem-per-cpu (SLURM_MEM_PER_CPU x the task's CPUs).
double slurm_mem() {
  auto env = [](const char* k) -> double {
    const char* v = std::getenv(k);
    return v && *v ? std::strtod(v, nullptr) : 0.0;
  };
  if (const double node = env("SLURM_MEM_PER_NODE"); node > 0) return node * (1 << 20);
  if (const double cpu = env("SLURM_MEM_PER_CPU"); cpu > 0)
    return cpu * (1 << 20) * std::max(1.0, env("SLURM_CPUS_PER_TASK"));
  return std::numeric_limits<double>::infinity();
}
}  // namespace

MemoryLimit available_memory() {
  MemoryLimit m{mem_available(), "MemAvailable in /proc/meminfo"};
  auto tighter = [&m](double b, const char* what) {
    if (b < m.bytes) m = MemoryLimit{b, what};
  };
  tighter(cgroup_room(), "the cgroup's memory limit less its usage");
  tighter(slurm_mem(), "SLURM's memory allocation (--mem / --mem-per-cpu)");
  tighter(rlimit(RLIMIT_AS), "the address-space limit (ulimit -v)");
  tighter(rlimit(RLIMIT_DATA), "the data-segment limit (ulimit -d)");
  return m;
}

double free_space(const std::string& path) {
  std::filesystem::path dir = std::filesystem::path(path).parent_path();
  if (dir.empty()) dir = ".";
  struct statvfs v {};
  while (statvfs(dir.c_str(), &v) != 0) {
    if (!dir.has_parent_path() || dir == dir.parent_path()) return -1;
    dir = dir.parent_path();  // not created yet: its nearest existing parent
  }
  return static_cast<double>(v.f_bavail) * static_cast<double>(v.f_frsize);
}

std::string human_bytes(double b) {
  const char* units[] = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB"};
  int u = 0;
  while (b >= 1024 && u < 5) b /= 1024, ++u;
  char buf[48];
  snprintf(buf, sizeof buf, u == 0 ? "%.0f %s" : "%.1f %s", b, units[u]);
  return buf;
}

}  // namespace tribune
