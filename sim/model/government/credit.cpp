// M27 credit for reforms passed this week.
#include "model/government/credit.h"

#include <algorithm>

#include "core/context.h"
#include "world/world.h"

namespace tribune {

void init(World&, const CreditParams&, const Context&) {}

void step(World& w, const CreditParams& p, const Context& c) {
  auto& pol = w.politics;
  auto& P = w.persons;
  for (int r : pol.passed_this_tick) {
    const ReformSpec& a = pol.agenda[static_cast<size_t>(r)];
    const float cut = static_cast<float>(p.grievance_cut * a.depth);
    const double seen = p.credit_visible * pol.sponsor_visibility;
    // Each beneficiary's update reads only their own state: in place, any order.
    c.pool.for_each(w.size(), [&](int64_t i) {
      if (!(a.class_mask >> P.klass[i] & 1u)) return;
      P.grievance_offset[i] = std::max(-1.0f, P.grievance_offset[i] - cut);
      const bool contacted = P.last_contact[i] >= 0 && c.tick - P.last_contact[i] <= p.contact_weeks;
      const double credit = seen + (contacted ? p.credit_contact : 0.0);
      P.hope_impulse[i] += static_cast<float>(credit);
      P.ideology[i] += static_cast<float>(std::min(1.0, p.support * credit)) * (-1.0f - P.ideology[i]);
    });
    w.hope_impulses_pending = true;
  }
}

}  // namespace tribune
