// M15 union leadership: at each union's election, left leadership wins with probability
//   logistic(base + organizer_weight x left share of members + militancy_weight x militancy
//            +/- incumbency)
#include "model/unions/union_leadership.h"

#include <cmath>

#include "core/context.h"
#include "model/unions/union_tables.h"
#include "world/world.h"

namespace tribune {

void init(World& w, const UnionLeadershipParams&, const Context&) {
  w.events["leadership"] = EventTable("union elections and purges that changed who leads a union (M15)",
                                      {{"tick", EventColumn::Type::Int, "weeks"},
                                       {"union", EventColumn::Type::Text, ""},
                                       {"leadership", EventColumn::Type::Text, ""},
                                       {"left_share", EventColumn::Type::Real, "1"},
                                       {"cause", EventColumn::Type::Text, ""}});
}

void step(World& w, const UnionLeadershipParams& p, const Context& c) {
  const size_t U = w.unions.size();
  std::vector<char> due(U, 0);
  bool any = false;
  for (size_t u = 0; u < U; ++u) {
    due[u] = (c.tick + static_cast<int64_t>(u) * 13) % p.term_weeks == p.term_weeks - 1;
    any |= due[u];
  }
  if (!any) return;
  // Left organizers among members, and mean militancy, per union.
  const UnionTally t = tally_unions(w, c.pool);
  const auto& W = w.workplaces;
  std::vector<double> militancy(U, 0), places(U, 0);
  for (int64_t k = 0; k < W.count(); ++k) {
    const int u = W.union_id[k];
    if (u < 0 || W.militancy.empty()) continue;
    militancy[u] += W.militancy[k];
    places[u] += 1;
  }
  for (size_t u = 0; u < U; ++u) {
    if (!due[u]) continue;
    Union& un = w.unions[u];
    const double share = t.members[u] > 0 ? t.organizers[u] / t.members[u] : 0.0;
    const double mil = places[u] > 0 ? militancy[u] / places[u] : 0.0;
    const double x = p.base_logit + p.organizer_weight * share + p.militancy_weight * mil +
                     (un.left_led ? p.incumbency : -p.incumbency);
    const bool left_wins = c.rng.at(static_cast<uint32_t>(c.tick), u).uniform() < logistic(x);
    if (left_wins != un.left_led)
      w.events["leadership"].add(
          {c.tick, un.spec.name, std::string(left_wins ? "left" : "business"), share, std::string("election")});
    un.left_led = left_wins;
  }
}

}  // namespace tribune
