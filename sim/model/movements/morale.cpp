// M31 morale (see morale.h).
#include "model/movements/morale.h"

#include <algorithm>

#include "core/bytes.h"
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
  // Raw pointers: the loop stores bytes (stake, protest_weeks), which may alias anything, so
  // through the vectors every column's address would be reloaded after each store.
  const int8_t* org = P.org.data();
  const uint8_t *engagement = P.engagement.data(), *protesting = P.protesting.data();
  const uint16_t* district = P.district.data();
  const float* given = P.given.data();
  int8_t* stake = P.stake.data();
  uint8_t* protest_weeks = P.protest_weeks.data();
  float *invested = P.invested.data(), *hope_impulse = P.hope_impulse.data();
  c.pool.for_chunks(w.size(), [&](int64_t lo, int64_t hi) {
    for (int64_t i = lo; i < hi; ++i) {
      // Most persons have nothing here: in no organization, no stake in one, not protesting and no
      // weeks of protest to collect on. Eight such at a time are skipped.
      while (i + 8 <= hi && eight_bytes(org + i) == every_byte(0xff) && eight_bytes(stake + i) == every_byte(0xff) &&
             eight_bytes(protesting + i) == 0 && eight_bytes(protest_weeks + i) == 0)
        i += 8;
      if (i >= hi) break;
      // Invest this week.
      const int o = org[i];
      if (o >= 0 && engagement[i] >= kVolunteer && given[i] > 0) {
        if (stake[i] != o) stake[i] = static_cast<int8_t>(o), invested[i] = 0;
        invested[i] += static_cast<float>(given[i] * electoral[static_cast<size_t>(o)]);
      }
      const int d = district[i];
      if (protesting[i] && episode[d] && protest_weeks[i] < 255) ++protest_weeks[i];
      // Collect on what was decided.
      float impulse = 0;
      const int s = stake[i];
      if (s >= 0 && outcome[static_cast<size_t>(s)] >= 0 && invested[i] > 0) {
        const double won = outcome[static_cast<size_t>(s)];
        impulse += static_cast<float>((won * p.win - (1 - won) * p.loss) * invested[i] / (invested[i] + p.half_hours));
        invested[i] = 0;
      }
      if (ended[d] != 0 && protest_weeks[i] > 0) {
        const double weeks = protest_weeks[i];
        impulse += static_cast<float>((ended[d] > 0 ? p.win : -p.loss) * weeks / (weeks + p.half_weeks));
        protest_weeks[i] = 0;
      }
      // Adding +0 changes no impulse (they are never -0), so most persons' are not written.
      if (impulse != 0.0f) hope_impulse[i] += impulse;
    }
  });
  if (any_outcome) w.hope_impulses_pending = true;
}

}  // namespace tribune
