#pragma once
// What a mechanism's init() and step() get besides the world and their params.
#include <cstdint>

#include "core/parallel.h"
#include "core/rng.h"

namespace tribune {

struct Context {
  int64_t tick;  // weeks since the start; kSetupTick-valued streams are used in init()
  const Pool& pool;
  Streams rng;  // keyed by this mechanism's name
};

}  // namespace tribune
