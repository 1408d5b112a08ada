// M14 militancy and strikes.
#include "model/unions/strikes.h"

#include <algorithm>
#include <cmath>

#include "core/context.h"
#include "model/unions/union_tables.h"
#include "world/world.h"

namespace tribune {

namespace {
enum Purpose : uint32_t { kDecide = 1, kOutcome };
enum Outcome : char { kNothing, kStarted, kWon, kLost };
}  // namespace

void init(World& w, const StrikesParams& p, const Context& c) {
  auto& W = w.workplaces;
  W.strike.assign(static_cast<size_t>(W.count()), 0);
  W.militancy.assign(static_cast<size_t>(W.count()), 0.0f);
  const WorkplaceMeans m = workplace_means(w, c.pool);
  for (int64_t k = 0; k < W.count(); ++k)  // start at the target
    W.militancy[k] = static_cast<float>(std::clamp(
        p.grievance_weight * m.grievance[k] + p.hope_weight * m.hope[k] + p.organizer_weight * m.left[k], 0.0, 1.0));
  w.events["strikes"] = EventTable("strikes as they ended (M14)",
                                   {{"tick", EventColumn::Type::Int, "weeks"},
                                    {"started", EventColumn::Type::Int, "weeks"},
                                    {"workplace", EventColumn::Type::Int, ""},
                                    {"sector", EventColumn::Type::Text, ""},
                                    {"union", EventColumn::Type::Text, ""},
                                    {"size", EventColumn::Type::Int, "persons"},
                                    {"solidarity_hours", EventColumn::Type::Real, "hours/week per striker"},
                                    {"won", EventColumn::Type::Int, "bool"}});
  w.labor = LaborStats{};
  for (auto* v : {&w.labor.started_in, &w.labor.active_in, &w.labor.won_in}) v->assign(w.districts.size(), 0);
}

void step(World& w, const StrikesParams& p, const Context& c) {
  auto& W = w.workplaces;
  auto& P = w.persons;
  const uint32_t tick = static_cast<uint32_t>(c.tick);
  const WorkplaceMeans means = workplace_means(w, c.pool, Unionized::yes);
  const double solidarity = support_hours_per_fight(w);
  // Union density by sector: members / employees (counted as integers in parallel blocks, so
  // exactly, then taken as doubles).
  const size_t S = w.sectors.size();
  using Counts = std::vector<int64_t>;  // [2 * sector + (employees, members)]
  const Counts n = c.pool.reduce(
      W.count(), Counts(2 * S, 0),
      [&](int64_t lo, int64_t hi) {
        Counts cnt(2 * S, 0);
        for (int64_t k = lo; k < hi; ++k) {
          const size_t s = W.sector[k];
          cnt[2 * s] += W.size(k);
          if (W.union_id[k] >= 0)
            for (int64_t j = W.member_offsets[k]; j < W.member_offsets[k + 1]; ++j)
              cnt[2 * s + 1] += P.union_member[W.members[j]];
        }
        return cnt;
      },
      [](Counts& a, const Counts& b) {
        for (size_t k = 0; k < a.size(); ++k) a[k] += b[k];
      });
  std::vector<double> members(S, 0), employees(S, 0);
  for (size_t s = 0; s < S; ++s) employees[s] = static_cast<double>(n[2 * s]), members[s] = static_cast<double>(n[2 * s + 1]);
  std::vector<char> outcome(static_cast<size_t>(W.count()), kNothing);
  c.pool.for_each(W.count(), [&](int64_t k) {
    if (W.union_id[k] < 0) return;
    const Union& un = w.unions[static_cast<size_t>(W.union_id[k])];
    const double target = std::clamp(
        p.grievance_weight * means.grievance[k] + p.hope_weight * means.hope[k] + p.organizer_weight * means.left[k],
        0.0, 1.0);
    W.militancy[k] += static_cast<float>(p.militancy_rate * (target - W.militancy[k]));
    if (W.strike[k] > 0) {
      if (--W.strike[k] > 0) return;
      const double per_striker = solidarity / static_cast<double>(W.size(k));
      const double treasury = un.members ? un.treasury / static_cast<double>(un.members) / 1000.0 : 0.0;
      const double density = employees[W.sector[k]] > 0 ? members[W.sector[k]] / employees[W.sector[k]] : 0.0;
      const double x = p.base_logit + p.solidarity_weight * per_striker / (per_striker + p.solidarity_half) +
                       p.treasury_weight * treasury + p.density_weight * density -
                       p.resistance_weight * W.resistance[k];
      const bool won = c.rng.at(tick, static_cast<uint64_t>(k), kOutcome).uniform() < logistic(x);
      for (int64_t j = W.member_offsets[k]; j < W.member_offsets[k + 1]; ++j) {
        const int32_t i = W.members[j];
        if (won) P.grievance_offset[i] = std::max(-1.0f, P.grievance_offset[i] - static_cast<float>(p.wage_gain));
        P.hope_impulse[i] += static_cast<float>(won ? p.hope_win : -p.hope_loss);
      }
      W.militancy[k] *= won ? 0.8f : 0.5f;
      W.contract_expiry[k] = static_cast<int32_t>(c.tick + un.spec.contract_weeks);
      outcome[k] = won ? kWon : kLost;
      return;
    }
    if (W.contract_expiry[k] != c.tick) return;
    const double pr = logistic((W.militancy[k] - p.threshold) / p.threshold_spread);
    if (c.rng.at(tick, static_cast<uint64_t>(k), kDecide).uniform() < pr) {
      W.strike[k] = static_cast<int16_t>(p.strike_weeks);
      outcome[k] = kStarted;
    } else {
      W.contract_expiry[k] = static_cast<int32_t>(c.tick + un.spec.contract_weeks);  // settled without a strike
    }
  });
  // Union-level consequences, events and strike waves, in workplace order.
  LaborStats& L = w.labor;
  L.started = L.won = L.lost = L.active = 0;
  for (auto* v : {&L.started_in, &L.active_in, &L.won_in}) v->assign(w.districts.size(), 0);
  std::vector<int64_t> started_in(S, 0), union_workplaces(S, 0);
  for (int64_t k = 0; k < W.count(); ++k) {
    if (W.union_id[k] < 0) continue;
    Union& un = w.unions[static_cast<size_t>(W.union_id[k])];
    ++union_workplaces[W.sector[k]];
    const size_t d = static_cast<size_t>(W.district[k]);
    if (W.strike[k] > 0) {
      ++L.active;
      ++L.active_in[d];
      un.treasury = std::max(0.0, un.treasury - p.strike_pay * static_cast<double>(W.size(k)));
    }
    if (outcome[k] == kStarted) {
      ++L.started;
      ++L.started_in[d];
      ++started_in[W.sector[k]];
    } else if (outcome[k] == kWon || outcome[k] == kLost) {
      (outcome[k] == kWon ? L.won : L.lost)++;
      L.won_in[d] += outcome[k] == kWon;
      w.events["strikes"].add({c.tick, c.tick - p.strike_weeks, k, w.sectors[W.sector[k]], un.spec.name, W.size(k),
                               solidarity / static_cast<double>(W.size(k)), int64_t{outcome[k] == kWon}});
      w.hope_impulses_pending = true;
    }
  }
  for (int64_t k = 0; k < W.count(); ++k) {
    const size_t s = W.sector[k];
    if (W.union_id[k] >= 0 && started_in[s] > 0)
      W.militancy[k] = std::min(
          1.0f, W.militancy[k] + static_cast<float>(p.wave * double(started_in[s]) / double(union_workplaces[s])));
  }
}

}  // namespace tribune
