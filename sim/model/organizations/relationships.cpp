// M8 relationships. One pass over engaged persons collects, per organization and target, the
// body-to-body hours of the week (a sparse list per block, folded in block order); then each
// tie grows and decays as in relationships.h.
#include "model/organizations/relationships.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "core/bytes.h"
#include "core/context.h"
#include "world/world.h"

namespace tribune {

void init(World& w, const RelationshipsParams& p, const Context&) {
  const TieLayout L = w.tie_layout();
  for (auto& o : w.orgs) {
    o.ties.resize(L.size());
    std::fill(o.ties.person.begin(), o.ties.person.end(), p.initial);
  }
}

namespace {
// Body-to-body hours per organization and target: [org * targets + target].
std::vector<double> body_hours(const World& w, const TieLayout& L, const Pool& pool) {
  const auto& P = w.persons;
  const auto& W = w.workplaces;
  const size_t T = static_cast<size_t>(L.size());
  using Entries = std::vector<std::pair<size_t, double>>;
  auto block = [&](int64_t lo, int64_t hi) {
    Entries e;
    const int8_t* org = P.org.data();
    for (int64_t i = lo; i < hi; ++i) {
      i = skip_equal_bytes(org, i, hi, 0xff);  // eight non-members at a time
      if (i >= hi) break;
      const int o = org[i];
      if (o < 0 || P.given[i] <= 0) continue;
      const auto& share = w.orgs[static_cast<size_t>(o)].share;
      const double g = P.given[i];
      const size_t row = static_cast<size_t>(o) * T;
      const int d = P.district[i];
      e.emplace_back(row + L.bloc(d), g * (share[kElectoral] + share[kBaseBuilding]));
      e.emplace_back(row + L.community(d), g * (share[kBaseBuilding] + share[kMovement]));
      const int32_t job = P.workplace[i];
      if (P.union_member[i] && job >= 0 && W.union_id[job] >= 0)
        e.emplace_back(row + L.union_tie(W.union_id[job]), g * share[kUnion]);
    }
    return e;
  };
  auto add = [](std::vector<double>& acc, const Entries& e) {
    for (const auto& [k, h] : e) acc[k] += h;
  };
  return pool.reduce(w.size(), std::vector<double>(w.orgs.size() * T, 0.0), block, add);
}

// People a target stands for: a union's members, a district's residents; the donor network has none.
std::vector<double> target_sizes(const World& w, const TieLayout& L) {
  std::vector<double> size(static_cast<size_t>(L.size()), 0.0);
  for (int u = 0; u < L.unions; ++u) size[L.union_tie(u)] = static_cast<double>(w.unions[u].members);
  for (int d = 0; d < L.districts; ++d)
    size[L.community(d)] = size[L.bloc(d)] = static_cast<double>(w.districts[d].size());
  return size;
}
}  // namespace

void step(World& w, const RelationshipsParams& p, const Context& c) {
  if (w.orgs.empty()) return;
  const TieLayout L = w.tie_layout();
  const int T = L.size();
  const std::vector<double> body = body_hours(w, L, c.pool);
  const std::vector<double> size = target_sizes(w, L);
  for (size_t o = 0; o < w.orgs.size(); ++o) {
    Org& org = w.orgs[o];
    const double e = org.efficiency();
    const double lead = e * p.leader_hours / T;
    const double lead_growth = p.leader_rate * lead / (lead + p.leader_half);
    const double leave = p.decay + org.spec.leadership_turnover / 52.0;
    for (int k = 0; k < T; ++k) {
      const double b = e * body[o * static_cast<size_t>(T) + static_cast<size_t>(k)];
      const double half = p.body_half * size[k] / 1000.0;
      const double body_growth = b > 0 ? p.body_rate * b / (b + half) : 0.0;
      const double room = 1.0 - org.ties.total(k);
      double& held = org.ties.org[k];
      double& personal = org.ties.person[k];
      held = std::clamp(held + body_growth * room - p.decay * held, 0.0, 1.0);
      personal = std::clamp(personal + lead_growth * room - leave * personal, 0.0, 1.0);
    }
  }
}

}  // namespace tribune
