// M24 tribune effect.
#include "model/government/tribune_effect.h"

#include "core/context.h"
#include "world/world.h"

namespace tribune {

void init(World&, const TribuneEffectParams&, const Context&) {}

void step(World& w, const TribuneEffectParams& p, const Context& c) {
  auto& pol = w.politics;
  if (pol.office_specs.empty()) return;  // without offices the brand is left to M10's own tests
  auto& P = w.persons;
  for (auto& o : w.orgs) o.endorsed.clear();
  for (const auto& h : pol.holders) {
    if (h.org < 0 || h.endorsement_withdrawn) continue;
    const bool blurred = h.party >= 0 && h.party == pol.establishment;
    w.orgs[static_cast<size_t>(h.org)].endorsed.push_back(
        {h.position, h.visibility * (blurred ? 1 - p.democratic_blur : 1.0)});
    const District where = w.constituency(h.district);
    const int64_t lo = where.begin, hi = where.end;
    const float pull = static_cast<float>(p.ideology_pull * h.visibility);
    const float lift = static_cast<float>(p.hope_gain * h.visibility);
    const float x = static_cast<float>(h.position);
    // Each resident's update reads only their own state: in place, any order.
    c.pool.for_each(hi - lo, [&](int64_t k) {
      const int64_t i = lo + k;
      P.ideology[i] += pull * (x - P.ideology[i]);
      P.hope[i] += lift * (1.0f - P.hope[i]);
    });
  }
}

}  // namespace tribune
