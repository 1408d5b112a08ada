// M5 time budget. init draws each person's hours; step adds up, per organization and activity,
// the hours its engaged persons give this week: meetings first (M11), then what the organization
// asks, split by its allocation (M9) less each person's own pull toward protest.
#include "model/organizations/time_budget.h"

#include <algorithm>
#include <array>
#include <boost/random/normal_distribution.hpp>
#include <cmath>

#include "core/bytes.h"
#include "core/context.h"
#include "world/organization.h"
#include "world/world.h"

namespace tribune {

void init(World& w, const TimeBudgetParams& p, const Context& c) {
  auto& P = w.persons;
  c.pool.for_each(w.size(), [&](int64_t i) {
    Stream s = c.rng.at(kSetupTick, static_cast<uint64_t>(i));
    const double z = boost::random::normal_distribution<double>(0.0, 1.0)(s);
    const bool precarious = P.klass[i] == 0 && !P.union_member[i];
    const double h = p.hours[P.klass[i]] * std::exp(p.hours_spread * z) * (precarious ? p.precarity_factor : 1.0);
    P.hours[i] = static_cast<float>(std::min(h, 80.0));
    P.given[i] = 0;
  });
}

void step(World& w, const TimeBudgetParams& p, const Context& c) {
  const size_t O = w.orgs.size();
  w.movement.hours_in.assign(w.districts.size(), 0.0);
  if (O == 0) return;
  auto& P = w.persons;
  std::vector<std::array<double, kActivities>> share(O);
  std::vector<std::array<double, kLevels>> ask(O);
  std::vector<double> meeting(O);
  for (size_t o = 0; o < O; ++o) {
    share[o] = w.orgs[o].share;
    for (int l = 0; l < kLevels; ++l) ask[o][l] = w.orgs[o].spec.asks.of(l);
    meeting[o] = w.orgs[o].structure.meeting_hours;
  }
  // [org * (kActivities + 1) + activity], the last entry of a row being meeting hours; then the
  // movement hours given by each district's residents.
  constexpr size_t kRow = kActivities + 1;
  const size_t D = w.districts.size(), kDistricts = O * kRow;
  const double factor = w.env.pandemic.in_force(c.tick) ? 1 - w.env.pandemic.hours_cut : 1.0;  // M32 pandemic
  using Hours = std::vector<double>;
  auto block = [&](int64_t lo, int64_t hi) {
    Hours h(kDistricts + D, 0.0);
    const int8_t* org = P.org.data();
    float* given_col = P.given.data();
    for (int64_t i = lo; i < hi; ++i) {
      // Most persons belong to no organization and give nothing: eight at a time.
      while (i + 8 <= hi && eight_bytes(org + i) == every_byte(0xff)) {
        std::fill(given_col + i, given_col + i + 8, 0.0f);
        i += 8;
      }
      if (i >= hi) break;
      const int o = org[i];
      P.given[i] = 0;
      if (o < 0 || P.engagement[i] < kVolunteer) continue;
      const double have = P.hours[i] * factor;
      // Members and cadre sit through the meetings first (M11); the rest goes where it is asked.
      const double in_meetings = P.engagement[i] >= kMember ? std::min<double>(have, meeting[o]) : 0.0;
      const double given = std::min<double>(have - in_meetings, ask[o][P.engagement[i]]);
      const double pull = p.protest_pull * P.grievance[i] * P.hope[i];  // own pull toward protest
      double* row = &h[static_cast<size_t>(o) * kRow];
      for (int a = 0; a < kActivities; ++a) row[a] += given * (1 - pull) * share[o][a];
      row[kMovement] += given * pull;
      row[kInternal] += in_meetings;
      row[kActivities] += in_meetings;
      h[kDistricts + P.district[i]] += given * ((1 - pull) * share[o][kMovement] + pull);
      P.given[i] = static_cast<float>(given * (1 - pull));
    }
    return h;
  };
  auto add = [](Hours& acc, const Hours& h) {
    for (size_t k = 0; k < h.size(); ++k) acc[k] += h[k];
  };
  const Hours total = c.pool.reduce(w.size(), Hours(kDistricts + D, 0.0), block, add);
  for (size_t o = 0; o < O; ++o) {
    for (int a = 0; a < kActivities; ++a) w.orgs[o].hours[a] = total[o * kRow + a];
    w.orgs[o].meeting_hours = total[o * kRow + kActivities];
  }
  w.movement.hours_in.assign(total.begin() + static_cast<std::ptrdiff_t>(kDistricts), total.end());
}

}  // namespace tribune
