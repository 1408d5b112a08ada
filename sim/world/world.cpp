#include "world/world.h"

#include <cmath>

namespace tribune {

double Shock::level(int64_t tick) const {
  if (tick < start) return 0;
  if (tick < end) return magnitude;
  if (recovery_weeks <= 0) return 0;
  return magnitude * std::exp(-static_cast<double>(tick - end + 1) / recovery_weeks);
}

size_t World::bytes() const {
  return persons.bytes() + network.bytes() + workplaces.bytes() + scratch.capacity() * sizeof(float) +
         pair_scratch.capacity() * sizeof(float) + env.shock_table.capacity() * sizeof(double);
}

}  // namespace tribune
