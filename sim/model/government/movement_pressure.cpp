// M30 movement pressure on officeholders (see movement_pressure.h).
#include "model/government/movement_pressure.h"

#include <algorithm>
#include <cmath>

#include "core/context.h"
#include "world/district_sums.h"
#include "world/world.h"

namespace tribune {

void init(World& w, const MovementPressureParams&, const Context&) {
  w.movement.demand_in.assign(w.districts.size(), 0.0);
  w.movement.conflict = 0;
}

void step(World& w, const MovementPressureParams& p, const Context& c) {
  auto& M = w.movement;
  const auto& P = w.persons;
  const std::vector<double> ideology =
      district_sums_where(w, c.pool, P.protesting.data(), [&](int64_t i) { return double(P.ideology[i]); });
  double city_sum = 0;
  for (size_t d = 0; d < ideology.size(); ++d) {
    city_sum += ideology[d];
    const double n = d < M.protesters_in.size() ? static_cast<double>(M.protesters_in[d]) : 0.0;
    M.demand_in[d] = n > 0 ? std::clamp(ideology[d] / n - p.radicalism, -1.0, 1.0) : 0.0;
  }
  const double city_demand =
      M.protesters > 0 ? std::clamp(city_sum / static_cast<double>(M.protesters) - p.radicalism, -1.0, 1.0) : 0.0;
  double conflict = 0, backed = 0;
  // What reaches the officeholder of the movement's pull: M26's translation friction takes its share.
  const double pull = p.pull * (1 - w.politics.translation_friction);
  for (auto& h : w.politics.holders) {
    const bool at_large = h.district < 0;
    const double n = at_large ? static_cast<double>(M.protesters)
                              : static_cast<double>(M.protesters_in[static_cast<size_t>(h.district)]);
    const double residents = at_large ? static_cast<double>(w.size())
                                      : static_cast<double>(w.districts[static_cast<size_t>(h.district)].size());
    const double share = residents > 0 ? n / residents : 0.0;
    const double demand = at_large ? city_demand : M.demand_in[static_cast<size_t>(h.district)];
    if (h.org >= 0 && !h.endorsement_withdrawn) {
      conflict += share * std::abs(demand - h.platform);
      backed += 1;
    }
    if (n > 0) h.position += std::min(1.0, pull * share) * (demand - h.position);
  }
  M.conflict = backed > 0 ? conflict / backed : 0.0;
}

}  // namespace tribune
