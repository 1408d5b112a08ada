// M25 organizer-in-chief (see organizer_in_chief.h).
#include "model/movements/organizer_in_chief.h"

#include <algorithm>
#include <cmath>

#include "core/context.h"
#include "world/world.h"

namespace tribune {

namespace {
enum Purpose : uint32_t { kReach = 1 };

bool executive(const OfficeSpec& o) {
  return o.level == OfficeLevel::mayor || o.level == OfficeLevel::governor;
}

// The left executive in office who would call, or -1: the first in holder order.
int caller(const World& w) {
  const auto& pol = w.politics;
  for (size_t k = 0; k < pol.holders.size(); ++k) {
    const Officeholder& h = pol.holders[k];
    if (h.office >= 0 && static_cast<size_t>(h.office) < pol.office_specs.size() &&
        executive(pol.office_specs[static_cast<size_t>(h.office)]) && h.origin != Origin::establishment)
      return static_cast<int>(k);
  }
  return -1;
}

void write(World& w, const Call& call, int64_t end) {
  w.events["calls"].add({call.start, end, call.caller, call.reached, call.peak});
}

// Draw whom the call reaches and mark them; returns how many.
int64_t reach(World& w, const OrganizerInChiefParams& p, const Officeholder& h, const Context& c) {
  auto& P = w.persons;
  const int org = h.org >= 0 && !h.endorsement_withdrawn ? h.org : -1;
  // Per union: the caller's organization's tie to it, or 1 when it is left-led.
  std::vector<double> union_tie(w.unions.size(), 0.0);
  const TieLayout L = w.tie_layout();
  for (size_t u = 0; u < w.unions.size(); ++u) {
    if (w.unions[u].left_led) union_tie[u] = 1.0;
    if (org < 0) continue;
    const Ties& ties = w.orgs[static_cast<size_t>(org)].ties;
    if (!ties.org.empty()) union_tie[u] = std::max(union_tie[u], ties.total(L.union_tie(static_cast<int>(u))));
  }
  std::vector<double> recent(w.districts.size(), 0.0);
  for (size_t d = 0; d < w.districts.size(); ++d) {
    const int64_t last = d < w.movement.last_episode_in.size() ? w.movement.last_episode_in[d] : -1;
    recent[d] = last >= 0 && c.tick - last <= p.episode_memory ? 1.0 : 0.0;
  }
  const auto& W = w.workplaces;
  return c.pool.reduce(
      w.size(), int64_t{0},
      [&](int64_t lo, int64_t hi) {
        int64_t n = 0;
        AgentWords words = c.rng.words(static_cast<uint32_t>(c.tick), kReach);
        for (int64_t i = lo; i < hi; ++i) {
          double r = p.reach_base + p.reach_episode * recent[P.district[i]];
          if (org >= 0 && P.org[i] == org && P.engagement[i] >= kSupporter) r += p.reach_org;
          if (P.union_member[i] && P.workplace[i] >= 0) {
            const int u = W.union_id[static_cast<size_t>(P.workplace[i])];
            if (u >= 0) r += p.reach_union * union_tie[static_cast<size_t>(u)];
          }
          const double q = h.visibility * std::min(1.0, r);
          const bool reached = words(static_cast<uint64_t>(i)) * (1.0 / 4294967296.0) < q;
          P.called[i] = reached ? static_cast<uint8_t>(std::lround(255 * fit(P.ideology[i], h.position, p.fit_width)))
                                : uint8_t{0};
          n += reached;
        }
        return n;
      },
      [](int64_t& a, int64_t b) { a += b; });
}
}  // namespace

void init(World& w, const OrganizerInChiefParams&, const Context&) {
  w.movement.call = Call{};
  w.movement.call_requested = false;
  std::fill(w.persons.called.begin(), w.persons.called.end(), uint8_t{0});
  w.events["calls"] = EventTable("calls for mass action by a left executive (M25)",
                                 {{"start", EventColumn::Type::Int, "weeks"},
                                  {"end", EventColumn::Type::Int, "weeks; -1 if in force at the end"},
                                  {"caller", EventColumn::Type::Text, ""},
                                  {"reached", EventColumn::Type::Int, "persons"},
                                  {"peak", EventColumn::Type::Int, "protesters, most in one week while in force"}});
}

void step(World& w, const OrganizerInChiefParams& p, const Context& c) {
  Call& call = w.movement.call;
  const bool requested = w.movement.call_requested;
  w.movement.call_requested = false;
  if (call.active) {
    call.peak = std::max(call.peak, w.movement.protesters);  // last week's, while the call was in force
    if (c.tick < call.end) return;
    write(w, call, call.end);
    call.active = false;
    std::fill(w.persons.called.begin(), w.persons.called.end(), uint8_t{0});
  }
  const int k = caller(w);
  if (k < 0) return;
  const Officeholder& h = w.politics.holders[static_cast<size_t>(k)];
  const int64_t in_office = c.tick - h.since;
  const bool due = p.call_every > 0 && in_office > 0 && in_office % p.call_every == 0;
  if (!due && !requested) return;
  call = Call{true, c.tick, c.tick + p.duration, k, p.boost, 0, 0, h.name};
  call.reached = reach(w, p, h, c);
}

void close_open_call(World& w) {
  const Call& call = w.movement.call;
  if (call.active && w.events.count("calls")) write(w, call, -1);
}

}  // namespace tribune
