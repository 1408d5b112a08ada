#include "core/cpu.h"

namespace tribune {

// Asked once, on first use (not in a static initializer, where __builtin_cpu_supports may run
// before the CPU model is known unless __builtin_cpu_init is called first).
bool cpu_has_avx2() {
#ifdef TRIBUNE_HAVE_AVX2_PATH
  static const bool yes = [] {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") != 0;
  }();
  return yes;
#else
  return false;
#endif
}

}  // namespace tribune
