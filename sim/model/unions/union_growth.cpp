// M13 union growth: drives start, run and are voted on; members erode.
#include "model/unions/union_growth.h"

#include <algorithm>
#include <cmath>

#include "core/context.h"
#include "model/unions/union_tables.h"
#include "world/world.h"

namespace tribune {

namespace {
enum Purpose : uint32_t { kStart = 1, kVote, kJoin, kErode };
}  // namespace

void init(World& w, const UnionGrowthParams&, const Context&) {
  w.workplaces.drive.assign(static_cast<size_t>(w.workplaces.count()), 0);
  w.events["drives"] = EventTable("organizing drives as they were voted on (M13)",
                                  {{"tick", EventColumn::Type::Int, "weeks"},
                                   {"workplace", EventColumn::Type::Int, ""},
                                   {"union", EventColumn::Type::Text, ""},
                                   {"size", EventColumn::Type::Int, "persons"},
                                   {"support_hours", EventColumn::Type::Real, "hours/week"},
                                   {"won", EventColumn::Type::Int, "bool"}});
}

void step(World& w, const UnionGrowthParams& p, const Context& c) {
  auto& W = w.workplaces;
  auto& P = w.persons;
  const uint32_t tick = static_cast<uint32_t>(c.tick);
  const double hours = support_hours_per_fight(w);
  // Which union a sector's new workplaces join: the one that already represents the sector.
  const std::vector<int> sector_union = sector_unions(w);
  // Drives: start, count down, vote. Workplace by workplace; only the workplace's own people change.
  std::vector<char> won(static_cast<size_t>(W.count()), 0), voted(static_cast<size_t>(W.count()), 0);
  c.pool.for_each(W.count(), [&](int64_t k) {
    if (W.union_id[k] >= 0 || W.size(k) < 2) return;
    if (W.drive[k] == 0) {
      // The chance is at most drive_rate * 4 (means in [0, 1]): the workplace's means, a read at
      // each employee, are taken only when the draw falls below that.
      const double u = c.rng.at(tick, static_cast<uint64_t>(k), kStart).uniform();
      if (u >= p.drive_rate * 4) return;
      const GrievanceHope m = workplace_mean(w, k);
      const double pr = p.drive_rate * m.grievance * m.hope * 4;
      if (u < pr) W.drive[k] = static_cast<int16_t>(p.drive_weeks);
      return;
    }
    if (--W.drive[k] > 0) return;
    const int u = sector_union[W.sector[k]];
    const Union& un = w.unions[u];
    const double per_worker = hours / static_cast<double>(W.size(k));
    const double resources = un.members ? un.treasury / static_cast<double>(un.members) / 1000.0 : 0.0;
    const GrievanceHope m = workplace_mean(w, k);
    const double x = p.base_logit + p.support_weight * 2 * m.grievance * m.hope +
                     p.hours_weight * per_worker / (per_worker + p.hours_half) + p.resources_weight * resources -
                     p.resistance_weight * W.resistance[k];
    voted[k] = 1;
    if (c.rng.at(tick, static_cast<uint64_t>(k), kVote).uniform() >= logistic(x)) return;
    won[k] = 1;
    W.union_id[k] = static_cast<int16_t>(u);
    W.contract_expiry[k] = static_cast<int32_t>(c.tick + un.spec.contract_weeks);
    for (int64_t j = W.member_offsets[k]; j < W.member_offsets[k + 1]; ++j) {
      const int32_t i = W.members[j];
      P.union_member[i] = c.rng.at(tick, static_cast<uint64_t>(i), kJoin).uniform() < p.member_share;
    }
  });
  for (int64_t k = 0; k < W.count(); ++k)
    if (voted[k])
      w.events["drives"].add({c.tick, k, w.unions[sector_union[W.sector[k]]].spec.name, W.size(k),
                              hours / static_cast<double>(W.size(k)), int64_t{won[k]}});
  // Erosion: members drift out (plant closures, turnover into non-union jobs).
  if (p.erosion > 0)
    c.pool.for_chunks(w.size(), [&](int64_t lo, int64_t hi) {
      AgentWords words = c.rng.words(tick, kErode);
      for (int64_t i = lo; i < hi; ++i)
        if (P.union_member[i] && words(static_cast<uint64_t>(i)) * (1.0 / 4294967296.0) < p.erosion)
          P.union_member[i] = 0;
    });
  count_union_members(w, c.pool);
}

}  // namespace tribune
