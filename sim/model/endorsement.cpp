// M10 endorsement: the decision, the binding platform and the brand voters learn.
#include "model/endorsement.h"

#include <cmath>

#include "core/context.h"
#include "core/world.h"

namespace tribune {

bool endorses(const Org& org, const EndorsementParams& p, const Prospect& c) {
  const double s = org.spec.endorsement_stringency, x = org.spec.platform;
  if (s >= p.members_only && !c.member) return false;
  const double distance = std::abs(c.position - x);
  return distance < std::abs(c.opponent - x) && distance <= (1 - s) * p.tolerance;
}

double bind(const Org& org, const EndorsementParams& p, double position) {
  return position + org.spec.endorsement_stringency * p.binding_pull * (org.spec.platform - position);
}

void init(World& w, const EndorsementParams&, const Context&) {
  for (auto& o : w.orgs) {
    o.brand = 0;
    o.endorsed.clear();
  }
}

void step(World& w, const EndorsementParams& p, const Context&) {
  for (auto& o : w.orgs) {
    double seen = 0, distinct = 0;
    for (const Endorsed& e : o.endorsed) {
      seen += e.visibility;
      distinct += e.visibility * fit(e.position, o.spec.platform, p.brand_width);
    }
    const double exposure = 1 - std::exp(-seen);
    const double target = seen > 0 ? distinct / seen : 0.0;
    o.brand += p.learning * exposure * (target - o.brand) - p.decay * o.brand;
  }
}

}  // namespace tribune
