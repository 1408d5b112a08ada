#include "core/prefetch.h"

#include <unistd.h>

namespace tribune {

bool prefetch_pays(int64_t column_bytes) {
  static const int64_t l2 = [] {
#ifdef _SC_LEVEL2_CACHE_SIZE
    const long v = sysconf(_SC_LEVEL2_CACHE_SIZE);
    if (v > 0) return static_cast<int64_t>(v);
#endif
    return int64_t{1} << 20;  // 1 MiB: this machine's L2 per core (lscpu)
  }();
  return column_bytes > l2;
}

}  // namespace tribune
