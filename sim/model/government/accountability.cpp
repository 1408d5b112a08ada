// M23 betrayal and accountability.
#include "model/government/accountability.h"

#include <cmath>

#include "core/context.h"
#include "world/world.h"

namespace tribune {

namespace {
enum Purpose : uint32_t { kWithdraw = 1, kSplit };
}

void init(World& w, const AccountabilityParams&, const Context&) {
  w.events["betrayals"] = EventTable("officeholders who left their platform, and what their organization did (M23)",
                                     {{"tick", EventColumn::Type::Int, "weeks"},
                                      {"officeholder", EventColumn::Type::Text, ""},
                                      {"organization", EventColumn::Type::Text, ""},
                                      {"drift", EventColumn::Type::Real, "ideology"},
                                      {"held_by_organization", EventColumn::Type::Real, "1"},
                                      {"withdrawn", EventColumn::Type::Int, "bool"},
                                      {"pulled_back", EventColumn::Type::Real, "ideology"},
                                      {"members_lost", EventColumn::Type::Int, "persons"}});
  w.politics.betrayals_this_tick = 0;
}

void step(World& w, const AccountabilityParams& p, const Context& c) {
  auto& pol = w.politics;
  auto& P = w.persons;
  pol.betrayals_this_tick = 0;
  for (size_t k = 0; k < pol.holders.size(); ++k) {
    Officeholder& h = pol.holders[k];
    if (h.org < 0 || h.endorsement_withdrawn || h.betrayed || std::abs(h.drift()) <= p.threshold) continue;
    h.betrayed = true;
    ++pol.betrayals_this_tick;
    const double held = h.held[kByOrganization];
    const bool withdraw = c.rng.at(static_cast<uint32_t>(c.tick), k, kWithdraw).uniform() < p.withdraw;
    const double before = h.position;
    if (withdraw) {
      h.endorsement_withdrawn = true;
      h.position += p.recall_pull * held * (h.platform - h.position);
    }
    const District where = w.constituency(h.district);
    const int64_t lo = where.begin, hi = where.end;
    const int8_t org = static_cast<int8_t>(h.org);
    const double leave = withdraw ? p.split * (1 - held) : 0.0;
    const int64_t lost = c.pool.reduce(
        hi - lo, int64_t{0},
        [&](int64_t a, int64_t b) {
          int64_t n = 0;
          for (int64_t i = lo + a; i < lo + b; ++i) {
            const bool member = P.org[i] == org && P.engagement[i] >= kMember;
            if (member || P.ideology[i] < -1.0f / 3.0f) P.hope_impulse[i] -= static_cast<float>(p.hope_loss);
            if (member && leave > 0 &&
                c.rng.at(static_cast<uint32_t>(c.tick), static_cast<uint64_t>(i), kSplit).uniform() < leave) {
              P.org[i] = -1;
              P.engagement[i] = kNone;
              ++n;
            }
          }
          return n;
        },
        [](int64_t& a, int64_t b) { a += b; });
    w.hope_impulses_pending = true;
    w.events["betrayals"].add({c.tick, h.name, w.orgs[static_cast<size_t>(h.org)].spec.name, before - h.platform, held,
                               int64_t{withdraw}, before - h.position, lost});
  }
}

}  // namespace tribune
