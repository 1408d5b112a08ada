#include "core/parallel.h"

#include <cstdlib>
#include <stdexcept>
#include <string>
#include <thread>

namespace tribune {

Pool::Pool(int threads, int64_t chunk_size) : threads_(std::max(1, threads)), chunk_(chunk_size) {
  if (chunk_ <= 0 || chunk_ % kReduceBlock != 0)
    throw std::invalid_argument("chunk size must be a positive multiple of " + std::to_string(kReduceBlock));
}

static int env_int(const char* name) {
  const char* v = std::getenv(name);
  if (!v || !*v) return 0;
  char* end = nullptr;
  long x = std::strtol(v, &end, 10);
  return (end && *end == '\0' && x > 0 && x < 4096) ? static_cast<int>(x) : 0;
}

int default_threads() {
  if (int t = env_int("SLURM_CPUS_PER_TASK")) return t;
  if (int t = env_int("OMP_NUM_THREADS")) return t;
  unsigned hc = std::thread::hardware_concurrency();
  return hc ? static_cast<int>(hc) : 1;
}

}  // namespace tribune
