// M16 union politics: Union::insurgent_endorsement = logistic(base + growth_weight x growth +
// density_weight x density + left_leadership [if left-led] + rank_and_file_weight x organized share).
#include "model/union_politics.h"

#include <cmath>

#include "core/context.h"
#include "core/world.h"
#include "model/union.h"

namespace tribune {

void init(World& w, const UnionPoliticsParams&, const Context&) {
  for (auto& u : w.unions) u.insurgent_endorsement = 0;
}

void step(World& w, const UnionPoliticsParams& p, const Context&) {
  const UnionTally t = tally_unions(w);
  for (size_t u = 0; u < w.unions.size(); ++u) {
    Union& un = w.unions[u];
    const double density = t.employees[u] > 0 ? t.members[u] / t.employees[u] : 0.0;
    const double organized = t.members[u] > 0 ? t.organizers[u] / t.members[u] : 0.0;
    const double x = p.base_logit + p.growth_weight * un.growth() + p.density_weight * density +
                     (un.left_led ? p.left_leadership : 0.0) + p.rank_and_file_weight * organized;
    un.insurgent_endorsement = logistic(x);
  }
}

}  // namespace tribune
