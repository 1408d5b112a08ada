// M31 morale (see morale.h).
#include "model/movements/morale.h"

#include <algorithm>

#include "core/context.h"
#include "model/movements/episodes.h"
#include "world/organization.h"
#include "world/world.h"

namespace tribune {

namespace {
// Per organization: the share of its fight won this week, or -1 when nothing was decided.
std::vector<double> decided(const World& w, int64_t tick) {
  std::vector<double> won(w.orgs.size(), 0.0), fought(w.orgs.size(), 0.0);
  for (const auto& cam : w.campaigns)
    if (cam.ended && cam.end == tick && cam.org >= 0) {
      won[static_cast<size_t>(cam.org)] += cam.won;
      fought[static_cast<size_t>(cam.org)] += 1;
    }
  const auto& pol = w.politics;
  for (const auto& r : pol.races) {
    if (!r.held || r.general != tick) continue;
    for (size_t o = 0; o < r.org_backs.size() && o < w.orgs.size(); ++o) {
      const int k = r.org_backs[o];
      if (k < 0) continue;
      won[o] += pol.candidates[static_cast<size_t>(k)].won;
      fought[o] += 1;
    }
  }
  for (size_t o = 0; o < won.size(); ++o) won[o] = fought[o] > 0 ? won[o] / fought[o] : -1.0;
  return won;
}
}  // namespace

void init(World& w, const MoraleParams&, const Context&) {
  auto& P = w.persons;
  std::fill(P.invested.begin(), P.invested.end(), 0.0f);
  std::fill(P.stake.begin(), P.stake.end(), int8_t{-1});
  std::fill(P.protest_weeks.begin(), P.protest_weeks.end(), uint8_t{0});
}

void step(World& w, const MoraleParams& p, const Context& c) {
  auto& P = w.persons;
  const auto& M = w.movement;
  std::vector<double> electoral(w.orgs.size());
  for (size_t o = 0; o < w.orgs.size(); ++o) electoral[o] = w.orgs[o].share[kElectoral];
  const std::vector<double> outcome = decided(w, c.tick);
  // Districts whose episode ended this week: +1 won, -1 lost, 0 none.
  std::vector<int8_t> ended(w.districts.size(), 0);
  for (const auto& [scope, e] : M.ended) {
    if (scope < 0) continue;
    const bool won = episode_won(w, e);
    ended[static_cast<size_t>(scope)] = won ? 1 : -1;
  }
  bool any_outcome = false;
  for (double x : outcome) any_outcome |= x >= 0;
  for (int8_t x : ended) any_outcome |= x != 0;
  std::vector<uint8_t> episode(w.districts.size());
  for (size_t d = 0; d < episode.size(); ++d)
    episode[d] = d < M.district_episodes.size() && M.district_episodes[d].active;
  c.pool.for_each(w.size(), [&](int64_t i) {
    // Invest this week.
    const int o = P.org[i];
    if (o >= 0 && P.engagement[i] >= kVolunteer && P.given[i] > 0) {
      if (P.stake[i] != o) P.stake[i] = static_cast<int8_t>(o), P.invested[i] = 0;
      P.invested[i] += static_cast<float>(P.given[i] * electoral[static_cast<size_t>(o)]);
    }
    const int d = P.district[i];
    if (P.protesting[i] && episode[d] && P.protest_weeks[i] < 255) ++P.protest_weeks[i];
    // Collect on what was decided.
    float impulse = 0;
    const int s = P.stake[i];
    if (s >= 0 && outcome[static_cast<size_t>(s)] >= 0 && P.invested[i] > 0) {
      const double won = outcome[static_cast<size_t>(s)];
      impulse +=
          static_cast<float>((won * p.win - (1 - won) * p.loss) * P.invested[i] / (P.invested[i] + p.half_hours));
      P.invested[i] = 0;
    }
    if (ended[d] != 0 && P.protest_weeks[i] > 0) {
      const double weeks = P.protest_weeks[i];
      impulse += static_cast<float>((ended[d] > 0 ? p.win : -p.loss) * weeks / (weeks + p.half_weeks));
      P.protest_weeks[i] = 0;
    }
    P.hope_impulse[i] += impulse;
  });
  if (any_outcome) w.hope_impulses_pending = true;
}

}  // namespace tribune
