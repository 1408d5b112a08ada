// M10 endorsement: the decision, the binding platform and the brand voters learn.
#include "model/organizations/endorsement.h"

#include <cmath>

#include "core/context.h"
#include "world/world.h"

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

namespace {
// Each organization backs its own candidate in each race in season; where it has none on the
// ballot it endorses the candidate closest to its platform that passes its rule, against the
// candidate farthest from it (again if that one leaves the ballot). A candidate first backed is
// bound to the platform.
void endorse_races(World& w, const EndorsementParams& p, int64_t tick) {
  auto& pol = w.politics;
  for (auto& race : pol.races) {
    if (race.held || tick <= race.season_start || tick >= race.general) continue;
    for (size_t o = 0; o < w.orgs.size(); ++o) {
      const Org& org = w.orgs[o];
      int pick = race.org_backs[o];
      if (pick < 0 || !pol.candidates[static_cast<size_t>(pick)].on_ballot) {
        pick = -1;
        double opponent = org.spec.platform, far = -1;
        for (int id : race.candidates) {
          const Candidate& k = pol.candidates[static_cast<size_t>(id)];
          if (k.on_ballot && k.org == static_cast<int>(o)) pick = id;  // its own, still running
          if (k.on_ballot && std::abs(k.position - org.spec.platform) > far)
            far = std::abs(k.position - org.spec.platform), opponent = k.position;
        }
        for (int id : race.candidates) {
          if (pick >= 0 && pol.candidates[static_cast<size_t>(pick)].org == static_cast<int>(o)) break;
          const Candidate& k = pol.candidates[static_cast<size_t>(id)];
          if (!k.on_ballot || !endorses(org, p, Prospect{k.position, opponent, k.org == static_cast<int>(o)})) continue;
          if (pick < 0 || std::abs(k.position - org.spec.platform) <
                              std::abs(pol.candidates[static_cast<size_t>(pick)].position - org.spec.platform))
            pick = id;
        }
        race.org_backs[o] = pick;
      }
      if (pick < 0) continue;
      Candidate& k = pol.candidates[static_cast<size_t>(pick)];
      if (k.bound) continue;
      k.bound = true;
      k.position = bind(org, p, k.position);
      if (k.org != static_cast<int>(o)) k.platform = k.position;  // an endorsed candidate promised this
    }
  }
}
}  // namespace

void step(World& w, const EndorsementParams& p, const Context& c) {
  endorse_races(w, p, c.tick);
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
