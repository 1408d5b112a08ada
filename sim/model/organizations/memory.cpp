// M7 resources and memory, per organization and week:
//   treasury += dues * members + donation * supporters
//   memory   += learn_rate * a / (a + activity_half) * (1 - memory)
//             - turnover / 52 * (1 - c / (c + continuity_half)) * loss * memory
// where a is outward (non-internal) hours per active person and c the cadre share of members.
#include "model/organizations/memory.h"

#include <algorithm>

#include "core/context.h"
#include "world/world.h"

namespace tribune {

void init(World& w, const MemoryParams&, const Context&) {
  for (auto& o : w.orgs) {
    o.memory = o.spec.memory;
    o.treasury = 0;
  }
}

void step(World& w, const MemoryParams& p, const Context&) {
  for (auto& o : w.orgs) {
    const auto& n = o.count;
    const double members = static_cast<double>(n[kMember] + n[kCadre]);
    const double active = static_cast<double>(n[kVolunteer]) + members;
    o.treasury += o.spec.dues * members + p.donation * static_cast<double>(n[kSupporter]);
    double outward = 0;
    for (int a = 0; a < kActivities; ++a)
      if (a != kInternal) outward += o.hours[a];
    const double activity = active > 0 ? outward / active : 0.0;
    const double cadre = members > 0 ? static_cast<double>(n[kCadre]) / members : 0.0;
    const double learn = p.learn_rate * activity / (activity + p.activity_half) * (1 - o.memory);
    const double turnover = o.spec.leadership_turnover / 52.0 * (1 - cadre / (cadre + p.continuity_half));
    o.memory = std::clamp(o.memory + learn - turnover * p.loss * o.memory, 0.0, 1.0);
  }
}

}  // namespace tribune
