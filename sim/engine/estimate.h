#pragma once
// What a run will need, reckoned from the scenario before the world is built: memory at its
// peak (the person columns, the network while it is built, the recorder's series), the
// person-ticks, and the output's size. `tribune run` refuses a run whose memory exceeds what the
// machine (or its cgroup, or its address-space limit) has available, unless --force.
#include <cstdint>

namespace tribune {

struct Scenario;

struct Estimate {
  double peak_bytes = 0;      // resident memory at the peak
  double person_ticks = 0;    // persons x horizon
  double snapshot_bytes = 0;  // the snapshots before compression
  double series_bytes = 0;    // the recorder's series, held in memory to the end
};

Estimate estimate(const Scenario& s);

// Person columns, bytes per person (the sum of the column types).
double person_column_bytes();

}  // namespace tribune
