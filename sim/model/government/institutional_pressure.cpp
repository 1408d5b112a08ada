// M22 institutional pressure and drift.
#include "model/government/institutional_pressure.h"

#include <algorithm>

#include "core/context.h"
#include "world/world.h"

namespace tribune {

double strength(const Org& org, double residents, double strength_members) {
  const double members = static_cast<double>(org.count[kMember] + org.count[kCadre]);
  return residents > 0 ? std::min(1.0, members / residents / strength_members) : 0.0;
}

void init(World& w, const InstitutionalPressureParams&, const Context&) {
  w.politics.hope_history.clear();
  w.politics.strength_history.assign(w.orgs.size(), {});
}

void step(World& w, const InstitutionalPressureParams& p, const Context& c) {
  auto& pol = w.politics;
  const double n = static_cast<double>(w.size());
  const auto& P = w.persons;
  const double hope = n > 0 ? c.pool.sum(w.size(), P.hope.data()) / n : 0.0;
  auto remember = [](std::vector<double>& history, double x) {
    history.push_back(x);
    if (history.size() > 53) history.erase(history.begin());
    return std::max(0.0, history.front() - x);  // the fall over the last year
  };
  const double hope_fall = remember(pol.hope_history, hope);
  std::vector<double> fall(w.orgs.size()), str(w.orgs.size());
  for (size_t o = 0; o < w.orgs.size(); ++o) {
    str[o] = strength(w.orgs[o], n, p.strength_members);
    fall[o] = hope_fall + remember(pol.strength_history[o], str[o]);
  }
  const double target = pol.establishment >= 0 ? pol.parties[static_cast<size_t>(pol.establishment)].position : 0.0;
  for (auto& h : pol.holders) {
    // An establishment officeholder no organization backs is already where the establishment
    // wants it; one an organization endorsed promised to move and is pulled back.
    if (h.origin == Origin::establishment && h.org < 0) continue;
    // An organization that withdrew its endorsement no longer resists for it.
    const bool backed = h.org >= 0 && !h.endorsement_withdrawn;
    const size_t o = static_cast<size_t>(std::max(0, h.org));
    const double resist = backed ? h.held[kByOrganization] * str[o] : 0.0;
    const double down = backed ? fall[o] : hope_fall;
    const bool cadre = h.origin == Origin::cadre_candidate || h.origin == Origin::cadre_campaign;
    const double rate = p.rate * (1 + p.downswing * down) * (1 + p.establishment_weight * h.held[kByEstablishment]) *
                        (1 - resist) * (cadre ? 1 - p.cadre_commitment : 1.0);
    h.position += std::clamp(rate, 0.0, 1.0) * (target - h.position);
  }
}

}  // namespace tribune
