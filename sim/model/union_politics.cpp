// M16 union politics: Union::insurgent_endorsement = logistic(base + growth_weight x growth +
// density_weight x density + left_leadership [if left-led] + rank_and_file_weight x organized share).
#include "model/union_politics.h"

#include <cmath>

#include "core/context.h"
#include "core/world.h"

namespace tribune {

void init(World& w, const UnionPoliticsParams&, const Context&) {
  for (auto& u : w.unions) u.insurgent_endorsement = 0;
}

void step(World& w, const UnionPoliticsParams& p, const Context&) {
  const size_t U = w.unions.size();
  const auto& W = w.workplaces;
  const auto& P = w.persons;
  std::vector<double> employees(U, 0), members(U, 0), left(U, 0);
  std::vector<int> sector_union(w.sectors.size(), -1);
  for (size_t u = 0; u < U; ++u)
    for (const auto& name : w.unions[u].spec.sectors)
      for (size_t s = 0; s < w.sectors.size(); ++s)
        if (w.sectors[s] == name) sector_union[s] = static_cast<int>(u);
  for (int64_t k = 0; k < W.count(); ++k) {
    const int u = sector_union[W.sector[k]];
    if (u < 0) continue;
    employees[u] += static_cast<double>(W.size(k));
    for (int64_t j = W.member_offsets[k]; j < W.member_offsets[k + 1]; ++j) {
      const int32_t i = W.members[j];
      if (!P.union_member[i]) continue;
      members[u] += 1;
      const int o = P.org[i];
      left[u] += o >= 0 && P.engagement[i] >= kMember && w.orgs[o].spec.kind == OrgKind::left_membership;
    }
  }
  for (size_t u = 0; u < U; ++u) {
    Union& un = w.unions[u];
    const double density = employees[u] > 0 ? members[u] / employees[u] : 0.0;
    const double organized = members[u] > 0 ? left[u] / members[u] : 0.0;
    const double x = p.base_logit + p.growth_weight * un.growth() + p.density_weight * density +
                     (un.left_led ? p.left_leadership : 0.0) + p.rank_and_file_weight * organized;
    un.insurgent_endorsement = 1.0 / (1.0 + std::exp(-x));
  }
}

}  // namespace tribune
