// M6 engagement ladder.
#include "model/organizations/engagement.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>

#include "core/bytes.h"
#include "core/context.h"
#include "world/organization.h"
#include "world/world.h"

namespace tribune {

namespace {
enum Purpose : uint32_t { kSeed = 1, kDecide, kConvert };

// A member of a union whose leadership is left at the start.
bool in_left_union(const World& w, int64_t i) {
  const int32_t job = w.persons.workplace[i];
  if (!w.persons.union_member[i] || job < 0) return false;
  const int u = w.workplaces.union_id[static_cast<size_t>(job)];
  return u >= 0 && w.unions[static_cast<size_t>(u)].left_led;
}

// Weight of each person for an organization's starting membership: fit times the college
// affinity and, for members of left-led unions, the union affinity.
double seed_weight(const World& w, const OrgSpec& o, const EngagementParams& p, int64_t i) {
  return fit(w.persons.ideology[i], o.platform, p.fit_width) * (w.persons.college[i] ? o.college_affinity : 1.0) *
         (o.union_affinity != 1.0 && in_left_union(w, i) ? o.union_affinity : 1.0);
}

// Weekly chance that person i, at level l of organization o, steps down: attrition (softened by
// ownership, raised by the culture gap for members and cadre), burnout when the asks and
// meetings exceed the hours the person has (times `factor`: a pandemic cuts them), resignation.
double step_down(const EngagementParams& p, const Org& o, int l, const World& w, int64_t i, double factor) {
  const auto& P = w.persons;
  const StructureEffects& st = o.structure;
  const bool meets = l >= kMember;
  const bool overloaded = o.spec.asks.of(l) + (meets ? st.meeting_hours : 0.0) > P.hours[i] * factor;
  const double stay = meets ? st.ownership * (1 + (P.college[i] ? 0.0 : st.culture_gap)) : 1.0;
  return p.attrition.of(l) * stay + (overloaded ? p.burnout : 0.0) + p.resignation * (1 - P.hope[i]);
}
}  // namespace

void init(World& w, const EngagementParams& p, const Context& c) {
  auto& P = w.persons;
  std::fill(P.org.begin(), P.org.end(), int8_t{-1});
  std::fill(P.engagement.begin(), P.engagement.end(), uint8_t{kNone});
  std::fill(P.last_contact.begin(), P.last_contact.end(), -1);
  const double n = static_cast<double>(w.size());
  for (size_t o = 0; o < w.orgs.size(); ++o) {
    const Org& org = w.orgs[o];
    const OrgSpec& spec = org.spec;
    // The organization is taken as it stands after years of the ladder's turnover: at each level
    // a person's chance of being there is their weight (fit, college affinity) times how long
    // they would stay (1 / weekly chance of stepping down: those whose hours cannot meet the
    // asks and meetings burn out within months and are rarely found there). Persons already in
    // an earlier organization are not candidates.
    using Levels = std::array<double, kLevels>;
    // (A level nobody leaves, every rate 0, weighs by fit alone: the floor keeps the ratio finite.)
    auto weight = [&](int64_t i, int l) {
      return seed_weight(w, spec, p, i) / std::max(1e-9, step_down(p, org, l, w, i, 1.0));
    };
    const Levels total = c.pool.reduce(
        w.size(), Levels{},
        [&](int64_t lo, int64_t hi) {
          Levels s{};
          for (int64_t i = lo; i < hi; ++i)
            if (P.org[i] < 0)
              for (int l = kSupporter; l <= kCadre; ++l) s[l] += weight(i, l);
          return s;
        },
        [](Levels& a, const Levels& b) {
          for (int l = 0; l < kLevels; ++l) a[l] += b[l];
        });
    if (total[kSupporter] <= 0) continue;
    const double members = spec.members_per_resident * n;
    const double target[kLevels] = {0, members * spec.supporters_per_member, members * spec.volunteers_per_member,
                                    members * (1 - spec.cadre_share), members * spec.cadre_share};
    c.pool.for_each(w.size(), [&](int64_t i) {
      if (P.org[i] >= 0) return;
      double u = c.rng.at(kSetupTick, static_cast<uint64_t>(i), kSeed + static_cast<uint32_t>(o) * 16).uniform();
      for (int l = kCadre; l >= kSupporter; --l) {
        const double q = std::min(1.0, target[l] * weight(i, l) / total[l]);
        if (u < q) {
          P.org[i] = static_cast<int8_t>(o);
          P.engagement[i] = static_cast<uint8_t>(l);
          return;
        }
        u -= q;
        if (u < 0) return;
      }
    });
  }
  count_levels(w, c.pool);
}

void step(World& w, const EngagementParams& p, const Context& c) {
  const size_t O = w.orgs.size();
  if (O == 0) return;
  auto& P = w.persons;
  const auto& N = w.network;
  count_levels(w, c.pool);
  // Per organization: chance a given person is contacted this week, and development hours per member.
  std::vector<double> reach(O), develop(O), efficiency(O), platform(O), absorb(O);
  double reach_total = 0;
  const double n = static_cast<double>(w.size());
  for (size_t o = 0; o < O; ++o) {
    const Org& org = w.orgs[o];
    const auto& h = org.hours;
    efficiency[o] = org.efficiency();
    platform[o] = org.spec.platform;
    const double outreach =
        h[kBaseBuilding] + p.outreach_electoral * h[kElectoral] + p.outreach_movement * h[kMovement];
    reach[o] = std::min(1.0, p.contacts_per_hour * efficiency[o] * outreach / n);
    reach_total += reach[o];
    const double members = static_cast<double>(org.count[kMember] + org.count[kCadre]);
    // Meetings are internal hours but not development (M11).
    develop[o] = members > 0 ? p.development_share * (h[kInternal] - org.meeting_hours) / members : 0.0;
    // Members and cadre per supporter: how many of the list can be taken in.
    const double per = members / std::max<double>(1.0, static_cast<double>(org.count[kSupporter]));
    absorb[o] = p.absorb_half > 0 ? per / (per + p.absorb_half) : 1.0;
  }
  // Everyone decides from last week's state, and the decisions are written in place. Only the
  // count a volunteer reads at its ties (ties that are members or cadre of the same organization)
  // could see a decision taken earlier in the pass, and only a step between volunteer and member
  // changes that count: joining and leaving (none <-> supporter), supporter <-> volunteer and
  // member <-> cadre do not. So those two steps are marked (kPending) and taken after the pass,
  // and the others are written at once. No column of the decisions is allocated each week.
  // A tie's org and level may be written by another thread while they are read: relaxed
  // atomic loads and stores (plain moves on x86), whose value is then either the old state or
  // one the count does not tell from it.
  constexpr uint8_t kPending = 0x80;
  auto load = [](auto& x) { return std::atomic_ref(x).load(std::memory_order_relaxed); };
  auto store = [](auto& x, auto v) { std::atomic_ref(x).store(v, std::memory_order_relaxed); };
  int8_t* org = P.org.data();
  uint8_t* level = P.engagement.data();
  const float* hope = P.hope.data();
  const float* ideology = P.ideology.data();
  int32_t* last_contact = P.last_contact.data();
  const int64_t* offsets = N.offsets.data();
  const TieIndex nbr = N.nbr.index();
  const uint32_t tick = static_cast<uint32_t>(c.tick);
  const double factor = w.env.pandemic.in_force(c.tick) ? 1 - w.env.pandemic.hours_cut : 1.0;  // M32 pandemic
  c.pool.for_chunks(w.size(), [&](int64_t lo, int64_t hi) {
    AgentWords words = c.rng.words(tick, kDecide);
    // The non-members' test in this chunk's locals: the loop stores bytes (org, level), which may
    // alias anything, so what it read through the captured references would be reloaded for
    // every person (docs/performance.md, fifth round).
    int8_t* const org_of = org;
    uint8_t* const level_of = level;
    const double contacted = reach_total;
    for (int64_t i = lo; i < hi; ++i) {
      int o = org_of[i], l = level_of[i];
      const double u = words(static_cast<uint64_t>(i)) * (1.0 / 4294967296.0);
      if (o < 0) {
        if (u < contacted) {  // contacted: by which organization, then does the person sign up?
          double acc = 0;
          int by = 0;
          while (by + 1 < static_cast<int>(O) && u >= acc + reach[by]) acc += reach[by++];
          last_contact[i] = static_cast<int32_t>(c.tick);
          const double pj = p.join * fit(ideology[i], platform[by], p.fit_width) * hope[i];
          if (c.rng.at(tick, static_cast<uint64_t>(i), kConvert).uniform() < pj) {
            store(org[i], static_cast<int8_t>(by));
            store(level[i], uint8_t{kSupporter});
          }
        }
        continue;
      }
      const OrgSpec& spec = w.orgs[o].spec;
      const double f = fit(ideology[i], spec.platform, p.fit_width);
      double up = 0;
      if (l == kSupporter) up = p.up_volunteer * hope[i] * f * efficiency[o] * absorb[o];
      if (l == kVolunteer) {
        int64_t inside = 0;
        for (int64_t k = offsets[i]; k < offsets[i + 1]; ++k)
          inside += load(org[nbr[k]]) == o && (load(level[nbr[k]]) & ~kPending) >= kMember;
        const int64_t degree = offsets[i + 1] - offsets[i];
        const double share = degree ? double(inside) / double(degree) : 0.0;
        up = p.up_member * hope[i] * f * efficiency[o] * (1 + p.social * share);
      }
      if (l == kMember) up = p.up_cadre * develop[o] / (develop[o] + p.development_half) * efficiency[o];
      const double down = step_down(p, w.orgs[o], l, w, i, factor);
      int next = l;
      if (u < std::min(up, 1.0))
        next = l + 1;
      else if (u < std::min(up + down, 1.0))
        next = l - 1;
      if (next == l) continue;
      if ((l == kVolunteer && next == kMember) || (l == kMember && next == kVolunteer)) {
        store(level[i], static_cast<uint8_t>(l | kPending));
      } else {
        store(level[i], static_cast<uint8_t>(next));
        if (next == kNone) store(org[i], int8_t{-1});
      }
    }
  });
  // The marked steps, few in a week: eight persons at a time are passed over while none is marked.
  c.pool.for_chunks(w.size(), [&](int64_t lo, int64_t hi) {
    for (int64_t i = lo; i < hi; ++i) {
      i = skip_clear_bytes(level, i, hi, kPending);
      if (i < hi && (level[i] & kPending)) level[i] = (level[i] & ~kPending) == kVolunteer ? kMember : kVolunteer;
    }
  });
}

}  // namespace tribune
