#include "core/stop.h"

namespace tribune {

std::atomic<int>& stop_flag() {
  static std::atomic<int> flag{0};
  return flag;
}

}  // namespace tribune
