// M24 tribune effect.
#include "model/government/tribune_effect.h"

#include <algorithm>
#include <vector>

#include "core/context.h"
#include "world/world.h"

namespace tribune {

void init(World&, const TribuneEffectParams&, const Context&) {}

void step(World& w, const TribuneEffectParams& p, const Context& c) {
  auto& pol = w.politics;
  if (pol.office_specs.empty()) return;  // without offices the brand is left to M10's own tests
  auto& P = w.persons;
  for (auto& o : w.orgs) o.endorsed.clear();
  // Each endorsed officeholder pulls its constituency's residents toward its position and lifts
  // their hope, one holder after another.
  struct Pull {
    int64_t lo, hi;
    float pull, lift, x;
  };
  std::vector<Pull> pulls;
  for (const auto& h : pol.holders) {
    if (h.org < 0 || h.endorsement_withdrawn) continue;
    const bool blurred = h.party >= 0 && h.party == pol.establishment;
    w.orgs[static_cast<size_t>(h.org)].endorsed.push_back(
        {h.position, h.visibility * (blurred ? 1 - p.democratic_blur : 1.0)});
    const District where = w.constituency(h.district);
    pulls.push_back({where.begin, where.end, static_cast<float>(p.ideology_pull * h.visibility),
                     static_cast<float>(p.hope_gain * h.visibility), static_cast<float>(h.position)});
  }
  if (pulls.empty()) return;
  // Each resident's update reads only their own state, so one pass over the persons, taking the
  // holders in their order for each chunk, gives each resident the same updates in the same order
  // as a pass per holder would.
  float* ideology = P.ideology.data();
  float* hope = P.hope.data();
  c.pool.for_chunks(w.size(), [&](int64_t lo, int64_t hi) {
    for (const Pull& u : pulls)
      for (int64_t i = std::max(lo, u.lo), end = std::min(hi, u.hi); i < end; ++i) {
        ideology[i] += u.pull * (u.x - ideology[i]);
        hope[i] += u.lift * (1.0f - hope[i]);
      }
  });
}

}  // namespace tribune
