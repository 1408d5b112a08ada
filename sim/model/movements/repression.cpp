// M29 repression: arrests, jail, backlash.
#include "model/movements/repression.h"

#include <algorithm>

#include "core/bytes.h"
#include "core/context.h"
#include "model/movements/mobilization.h"
#include "world/world.h"

namespace tribune {

namespace {
enum Purpose : uint32_t { kArrest = 1, kTerm };
}

void init(World& w, const RepressionParams&, const Context&) {
  w.events["repression"] =
      EventTable("arrests by district and week (M29)", {{"tick", EventColumn::Type::Int, "weeks"},
                                                        {"district", EventColumn::Type::Text, ""},
                                                        {"protesters", EventColumn::Type::Int, "persons"},
                                                        {"police", EventColumn::Type::Real, "officers"},
                                                        {"arrests", EventColumn::Type::Int, "persons"}});
}

void step(World& w, const RepressionParams& p, const Context& c) {
  auto& P = w.persons;
  auto& M = w.movement;
  const auto& N = w.network;
  const uint32_t tick = static_cast<uint32_t>(c.tick);
  M.arrests = 0;
  M.arrests_in.assign(w.districts.size(), 0);
  const bool local = M.police_in_view.size() == static_cast<size_t>(w.size());
  for (size_t d = 0; d < w.districts.size(); ++d) {
    const int64_t active = d < M.protesters_in.size() ? M.protesters_in[d] : 0;
    if (active == 0) continue;
    const double police = d < M.police_in.size() ? M.police_in[d] : 0.0;
    const double q = std::min(p.arrest_cap, police * p.arrests_per_officer / static_cast<double>(active));
    if (q <= 0) continue;
    const District& dist = w.districts[d];
    // Serial over the district, in index order: arrests change protesters' and their ties' state.
    // Protesters are few: eight persons at a time are skipped while none of them protests.
    const uint8_t* protesting = P.protesting.data();
    for (int64_t i = dist.begin; i < dist.end; ++i) {
      i = skip_clear_bytes(protesting, i, dist.end);
      if (i >= dist.end) break;
      if (!protesting[i]) continue;
      // Under local vision (M28) the police one sees share their arrests among the protesters they
      // see: one's protesting ties and oneself (Epstein's cop arrests one active in view).
      const double q_i = local
                             ? std::min(p.arrest_cap, static_cast<double>(M.police_in_view[i]) * p.arrests_per_officer /
                                                          (static_cast<double>(P.protest_ties[i]) + 1.0))
                             : q;
      if (q_i <= 0 || c.rng.at(tick, static_cast<uint64_t>(i), kArrest).uniform() >= q_i) continue;
      set_protesting(w, i, false);
      const double term = 1.0 + c.rng.at(tick, static_cast<uint64_t>(i), kTerm).uniform() * p.max_jail_weeks;
      P.jailed_until[i] = static_cast<int32_t>(c.tick + static_cast<int64_t>(term));
      const TieIndex nbr = N.nbr.index();
      for (int64_t k = N.offsets[i]; k < N.offsets[i + 1]; ++k)
        P.outrage[nbr[k]] = std::min(1.0f, P.outrage[nbr[k]] + static_cast<float>(p.backlash));
      ++M.arrests_in[d];
    }
    M.arrests += M.arrests_in[d];  // the arrested protested this week: they stay in protesters_in
    if (M.arrests_in[d] > 0) w.events["repression"].add({c.tick, dist.name, active, police, M.arrests_in[d]});
  }
  w.env.legitimacy += p.legitimacy_recovery * (w.env.legitimacy_start - w.env.legitimacy);
  if (w.size() > 0)
    w.env.legitimacy = std::clamp(
        w.env.legitimacy - p.legitimacy_loss * static_cast<double>(M.arrests) / static_cast<double>(w.size()), 0.0,
        1.0);
  // Compared as 32-bit integers (the week of release is one), which the compiler does four at a
  // time; against the 64-bit tick it compared one at a time (SSE2 has no 64-bit compare).
  const int32_t now = static_cast<int32_t>(c.tick);
  const int32_t* until = P.jailed_until.data();
  M.jailed = c.pool.reduce(
      w.size(), int64_t{0},
      [&](int64_t lo, int64_t hi) {
        int32_t n = 0;  // a block holds kReduceBlock persons
        for (int64_t i = lo; i < hi; ++i) n += until[i] > now;
        return int64_t{n};
      },
      [](int64_t& a, int64_t b) { a += b; });
}

}  // namespace tribune
