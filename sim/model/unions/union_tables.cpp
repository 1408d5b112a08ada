#include "model/unions/union_tables.h"

#include "world/world.h"

namespace tribune {

void setup_unions(World& w, const std::vector<UnionSpec>& specs) {
  const size_t S = w.sectors.size();
  std::vector<int> of_sector(S, -1);
  w.unions.clear();
  for (const auto& spec : specs) {
    for (const auto& name : spec.sectors)
      for (size_t s = 0; s < S; ++s)
        if (w.sectors[s] == name) of_sector[s] = static_cast<int>(w.unions.size());
    Union& u = w.unions.emplace_back();
    u.spec = spec;
    u.left_led = spec.leadership == Leadership::left;
  }
  for (size_t s = 0; s < S; ++s)
    if (of_sector[s] < 0) {
      of_sector[s] = static_cast<int>(w.unions.size());
      w.unions.emplace_back().spec = UnionSpec{w.sectors[s], {w.sectors[s]}};
    }
  auto& W = w.workplaces;
  const auto& P = w.persons;
  W.contract_expiry.assign(static_cast<size_t>(W.count()), -1);
  for (int64_t k = 0; k < W.count(); ++k) {
    if (W.union_id[k] < 0) continue;
    const int u = of_sector[W.sector[k]];
    W.union_id[k] = static_cast<int16_t>(u);
    const int64_t cycle = w.unions[u].spec.contract_weeks;
    W.contract_expiry[k] = static_cast<int32_t>((k * 7919) % cycle);  // staggered, deterministic
  }
  for (int64_t i = 0; i < w.size(); ++i)
    if (P.union_member[i] && P.workplace[i] >= 0) {
      Union& u = w.unions[W.union_id[P.workplace[i]]];
      ++u.members;
      u.treasury += u.spec.treasury_per_member;
    }
  for (auto& u : w.unions) u.members_history.assign(52, u.members);
}

}  // namespace tribune

#include "core/parallel.h"

namespace tribune {

GrievanceHope workplace_mean(const World& w, int64_t k) {
  const auto& W = w.workplaces;
  const float* grievance = w.persons.grievance.data();
  const float* hope = w.persons.hope.data();
  double g = 0, h = 0;
  for (int64_t j = W.member_offsets[k]; j < W.member_offsets[k + 1]; ++j) {
    const int32_t i = W.members[j];
    g += grievance[i];
    h += hope[i];
  }
  const double size = static_cast<double>(W.size(k));
  return {static_cast<float>(g / size), static_cast<float>(h / size)};
}

WorkplaceMeans workplace_means(const World& w, const Pool& pool, Unionized of, LeftShare with_left) {
  const auto& W = w.workplaces;
  WorkplaceMeans m;
  const size_t n = static_cast<size_t>(W.count());
  const bool want_left = with_left == LeftShare::yes;
  m.grievance.assign(n, 0.0f);
  m.hope.assign(n, 0.0f);
  if (want_left) m.left.assign(n, 0.0f);
  pool.for_each(W.count(), [&](int64_t k) {
    if (of != Unionized::any && (W.union_id[k] >= 0) != (of == Unionized::yes)) return;
    const GrievanceHope gh = workplace_mean(w, k);
    m.grievance[k] = gh.grievance;
    m.hope[k] = gh.hope;
    if (want_left) {
      double left = 0;
      for (int64_t j = W.member_offsets[k]; j < W.member_offsets[k + 1]; ++j) left += left_organizer(w, W.members[j]);
      m.left[k] = static_cast<float>(left / static_cast<double>(W.size(k)));
    }
  });
  return m;
}

std::vector<int> sector_unions(const World& w) {
  std::vector<int> of(w.sectors.size(), -1);
  for (size_t u = 0; u < w.unions.size(); ++u)
    for (const auto& name : w.unions[u].spec.sectors)
      for (size_t s = 0; s < w.sectors.size(); ++s)
        if (w.sectors[s] == name) of[s] = static_cast<int>(u);
  return of;
}

bool left_organizer(const World& w, int64_t i) {
  const int o = w.persons.org[i];
  return o >= 0 && w.persons.engagement[i] >= kMember && w.orgs[o].spec.kind == OrgKind::left_membership;
}

UnionTally tally_unions(const World& w, const Pool& pool) {
  const size_t U = w.unions.size();
  const auto& W = w.workplaces;
  const std::vector<int> of = sector_unions(w);
  // Counts, as integers per block (so the order the blocks are added in cannot matter), then as
  // the doubles the readers take.
  using Counts = std::vector<int64_t>;  // [3 * u + (employees, members, organizers)]
  const Counts n = pool.reduce(
      W.count(), Counts(3 * U, 0),
      [&](int64_t lo, int64_t hi) {
        Counts c(3 * U, 0);
        for (int64_t k = lo; k < hi; ++k) {
          const size_t u = static_cast<size_t>(of[W.sector[k]]);
          c[3 * u] += W.size(k);
          for (int64_t j = W.member_offsets[k]; j < W.member_offsets[k + 1]; ++j) {
            const int32_t i = W.members[j];
            if (!w.persons.union_member[i]) continue;
            c[3 * u + 1] += 1;
            c[3 * u + 2] += left_organizer(w, i);
          }
        }
        return c;
      },
      [](Counts& a, const Counts& b) {
        for (size_t k = 0; k < a.size(); ++k) a[k] += b[k];
      });
  UnionTally t{std::vector<double>(U, 0), std::vector<double>(U, 0), std::vector<double>(U, 0)};
  for (size_t u = 0; u < U; ++u) {
    t.employees[u] = static_cast<double>(n[3 * u]);
    t.members[u] = static_cast<double>(n[3 * u + 1]);
    t.organizers[u] = static_cast<double>(n[3 * u + 2]);
  }
  return t;
}

double support_hours_per_fight(const World& w) {
  double hours = 0;
  for (const auto& o : w.orgs) hours += o.hours[kUnion];
  int64_t fights = 0;
  for (int64_t k = 0; k < w.workplaces.count(); ++k)
    fights += (w.workplaces.drive[k] > 0) + (w.workplaces.strike[k] > 0);
  return fights ? hours / static_cast<double>(fights) : 0.0;
}

void count_union_members(World& w, const Pool& pool) {
  const auto& W = w.workplaces;
  const auto& P = w.persons;
  const size_t U = w.unions.size();
  using Counts = std::vector<int64_t>;
  const Counts n = pool.reduce(
      W.count(), Counts(U, 0),
      [&](int64_t lo, int64_t hi) {
        Counts c(U, 0);
        for (int64_t k = lo; k < hi; ++k)
          if (W.union_id[k] >= 0)
            for (int64_t j = W.member_offsets[k]; j < W.member_offsets[k + 1]; ++j)
              c[static_cast<size_t>(W.union_id[k])] += P.union_member[W.members[j]];
        return c;
      },
      [](Counts& a, const Counts& b) {
        for (size_t u = 0; u < a.size(); ++u) a[u] += b[u];
      });
  for (size_t u = 0; u < U; ++u) {
    auto& un = w.unions[u];
    un.members = n[u];
    un.members_history.erase(un.members_history.begin());
    un.members_history.push_back(n[u]);
  }
}

}  // namespace tribune
