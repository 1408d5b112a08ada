// M30 recruitment inside movements (see movement_recruitment.h).
#include "model/movements/movement_recruitment.h"

#include <algorithm>

#include "core/bytes.h"
#include "core/context.h"
#include "world/organization.h"
#include "world/world.h"

namespace tribune {

namespace {
enum Purpose : uint32_t { kApproach = 1, kSignup };
}

void init(World& w, const MovementRecruitmentParams&, const Context&) {
  for (auto& o : w.orgs) o.movement_recruits = 0;
}

void step(World& w, const MovementRecruitmentParams& p, const Context& c) {
  const size_t O = w.orgs.size();
  for (auto& o : w.orgs) o.movement_recruits = 0;
  const double protesters = static_cast<double>(w.movement.protesters);
  if (O == 0 || protesters <= 0) return;
  std::vector<double> q(O);
  double q_total = 0;
  for (size_t o = 0; o < O; ++o) {
    const Org& org = w.orgs[o];
    q[o] = std::min(1.0, p.contacts_per_hour * org.efficiency() * org.hours[kMovement] / protesters);
    q_total += q[o];
  }
  if (q_total <= 0) return;
  auto& P = w.persons;
  const uint32_t tick = static_cast<uint32_t>(c.tick);
  using Counts = std::vector<int64_t>;
  const Counts recruits = c.pool.reduce(
      w.size(), Counts(O, 0),
      [&](int64_t lo, int64_t hi) {
        Counts n(O, 0);
        AgentWords approach = c.rng.words(tick, kApproach), decide = c.rng.words(tick, kSignup);
        const uint8_t* protesting = P.protesting.data();
        for (int64_t i = lo; i < hi; ++i) {
          i = skip_clear_bytes(protesting, i, hi);  // eight non-protesters at a time
          if (i >= hi || !protesting[i]) continue;
          // Approached by whom: organizations in declaration order, each with its own chance.
          double u = approach(static_cast<uint64_t>(i)) * (1.0 / 4294967296.0);
          int by = -1;
          for (size_t o = 0; o < O && by < 0; ++o) {
            if (u < q[o]) by = static_cast<int>(o);
            u = (u - q[o]) / (1 - q[o] > 0 ? 1 - q[o] : 1);
          }
          if (by < 0) continue;
          const double v = decide(static_cast<uint64_t>(i)) * (1.0 / 4294967296.0);
          if (P.org[i] < 0) {
            if (v < p.signup * fit(P.ideology[i], w.orgs[static_cast<size_t>(by)].spec.platform, p.fit_width)) {
              P.org[i] = static_cast<int8_t>(by);
              P.engagement[i] = kSupporter;
              P.last_contact[i] = static_cast<int32_t>(c.tick);
              ++n[static_cast<size_t>(by)];
            }
          } else if (P.org[i] == by && P.engagement[i] == kSupporter && v < p.activate) {
            P.engagement[i] = kVolunteer;
          }
        }
        return n;
      },
      [](Counts& a, const Counts& b) {
        for (size_t k = 0; k < a.size(); ++k) a[k] += b[k];
      });
  for (size_t o = 0; o < O; ++o) w.orgs[o].movement_recruits = recruits[o];
}

}  // namespace tribune
