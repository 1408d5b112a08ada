// A run's needs from its scenario (see estimate.h). The coefficients were measured on the
// release build: /usr/bin/time's peak resident size of `tribune run scenarios/baseline.yaml
// --set world.persons=1000000 --set horizon_weeks=2 --set output.snapshot_every=0 --threads 2`
// at mean degrees 8, 16 and 48 was 146.4, 177.2 and 299.0 MiB (4.0 bytes per unit of mean degree
// per person, and 89 bytes besides the 32 MiB base; since issue 19 the network's build keeps no
// copy of the ties). 4.2 bytes per unit of degree and a margin of 16 bytes per person put the
// estimate 5-6% above each.
#include "engine/estimate.h"

#include <algorithm>

#include "engine/recorder.h"
#include "engine/scenario.h"
#include "world/persons.h"

namespace tribune {

namespace {
constexpr double kBaseBytes = 32.0 * (1 << 20);  // the program, libraries and thread stacks
constexpr double kPerTieBytes = 4.2;             // per unit of mean degree and person: the CSR ties
constexpr double kPerPersonExtra = 16;           // a margin over the fit, so that the estimate bounds the peak
}  // namespace

double person_column_bytes() {
  double b = 0;
  Persons p;
  p.for_each_field([&b](const FieldInfo&, const auto& col) { b += sizeof(col[0]); });
  return b;
}

Estimate estimate(const Scenario& s) {
  Estimate e;
  const double n = static_cast<double>(s.world.persons);
  const double ticks = static_cast<double>(s.horizon_weeks) + 1;
  e.person_ticks = n * static_cast<double>(s.horizon_weeks);
  const double per_tick = static_cast<double>(Recorder::values_per_tick(
      static_cast<int64_t>(s.world.districts.size()), static_cast<int64_t>(s.organizations.size()),
      static_cast<int64_t>(s.unions.size()) + static_cast<int64_t>(s.world.workplaces.sectors.size()),
      static_cast<int64_t>(s.parties.size())));
  e.series_bytes = 8 * per_tick * ticks;
  double snapshot_person = 0;
  Persons p;
  p.for_each_field([&](const FieldInfo& f, const auto& col) {
    if (f.snapshot) snapshot_person += sizeof(col[0]);
  });
  const int64_t every = s.output.snapshot_every;
  const double snapshots = every > 0 ? static_cast<double>(s.horizon_weeks / every + 1) : 0;
  e.snapshot_bytes = n * snapshot_person * snapshots;
  // One snapshot's rows are buffered (and compressed) at a time.
  const double snapshot_buffer = every > 0 ? n * snapshot_person : 0;
  e.peak_bytes = kBaseBytes + n * (person_column_bytes() + kPerPersonExtra + kPerTieBytes * s.world.network.mean_degree) +
                 e.series_bytes + snapshot_buffer;
  return e;
}

}  // namespace tribune
