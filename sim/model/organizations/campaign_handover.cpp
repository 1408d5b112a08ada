// M12 campaign to organization: recruitment while a national campaign runs, hand-over at its end.
#include "model/organizations/campaign_handover.h"

#include <algorithm>
#include <array>

#include "core/context.h"
#include "world/organization.h"
#include "world/world.h"

namespace tribune {

namespace {
enum Purpose : uint32_t { kList = 1, kVolunteers, kHandover, kOutcome };

uint32_t purpose(size_t campaign, Purpose p) {
  return static_cast<uint32_t>(campaign) * 8 + p;
}

// New supporters and volunteers for a running campaign. Each person's move depends only on their
// own state and on totals taken before the loop, so persons can be updated in place.
void recruit(World& w, const Campaign& cam, size_t k, const CampaignHandoverParams& p, const Context& c) {
  auto& P = w.persons;
  count_levels(w, c.pool);
  const Org& org = w.orgs[static_cast<size_t>(cam.org)];
  const double platform = org.spec.platform, n = static_cast<double>(w.size());
  auto appeal = [&](int64_t i) { return fit(P.ideology[i], platform, p.fit_width) * P.hope[i]; };
  const double total = c.pool.reduce(
      w.size(), 0.0,
      [&](int64_t lo, int64_t hi) {
        double s = 0;
        for (int64_t i = lo; i < hi; ++i)
          if (P.org[i] < 0) s += appeal(i);
        return s;
      },
      [](double& a, double b) { a += b; });
  const double new_list = cam.list_growth * n;
  const double present = static_cast<double>(org.count[kVolunteer] + org.count[kMember] + org.count[kCadre]);
  const double gap = std::max(0.0, cam.volunteer_demand * n - present);
  const double supporters = static_cast<double>(org.count[kSupporter]);
  const double up = supporters > 0 ? std::min(1.0, p.recruit_rate * gap / supporters) : 0.0;
  const uint32_t tick = static_cast<uint32_t>(c.tick);
  c.pool.for_chunks(w.size(), [&](int64_t lo, int64_t hi) {
    AgentWords list = c.rng.words(tick, purpose(k, kList)), vol = c.rng.words(tick, purpose(k, kVolunteers));
    for (int64_t i = lo; i < hi; ++i) {
      const uint64_t id = static_cast<uint64_t>(i);
      if (P.org[i] < 0 && total > 0) {
        if (list(id) * (1.0 / 4294967296.0) < new_list * appeal(i) / total) {
          P.org[i] = static_cast<int8_t>(cam.org);
          P.engagement[i] = kSupporter;
        }
      } else if (P.org[i] == cam.org && P.engagement[i] == kSupporter) {
        if (vol(id) * (1.0 / 4294967296.0) < up * P.hope[i]) P.engagement[i] = kVolunteer;
      }
    }
  });
}

// The campaign ends: it wins or loses; `retention` of its people move to the successor, the
// rest fall back to not engaged. Returns {passed supporters, passed volunteers and above, dropped}.
std::array<int64_t, 3> hand_over(World& w, const Campaign& cam, size_t k, const Context& c) {
  auto& P = w.persons;
  const bool keep = cam.successor >= 0;
  using Counts = std::array<int64_t, 3>;
  return c.pool.reduce(
      w.size(), Counts{0, 0, 0},
      [&](int64_t lo, int64_t hi) {
        Counts n{0, 0, 0};
        AgentWords words = c.rng.words(static_cast<uint32_t>(c.tick), purpose(k, kHandover));
        for (int64_t i = lo; i < hi; ++i) {
          if (P.org[i] != cam.org) continue;
          if (keep && words(static_cast<uint64_t>(i)) * (1.0 / 4294967296.0) < cam.retention) {
            P.org[i] = static_cast<int8_t>(cam.successor);
            ++n[P.engagement[i] >= kVolunteer ? 1 : 0];
          } else {
            P.org[i] = -1;
            P.engagement[i] = kNone;
            ++n[2];
          }
        }
        return n;
      },
      [](Counts& a, const Counts& b) {
        for (int j = 0; j < 3; ++j) a[j] += b[j];
      });
}
}  // namespace

void init(World& w, const CampaignHandoverParams&, const Context&) {
  w.events["handovers"] =
      EventTable("national campaigns as they ended, and what passed to a permanent organization (M12)",
                 {{"tick", EventColumn::Type::Int, "weeks"},
                  {"campaign", EventColumn::Type::Text, ""},
                  {"successor", EventColumn::Type::Text, ""},
                  {"won", EventColumn::Type::Int, "bool"},
                  {"supporters_passed", EventColumn::Type::Int, "persons"},
                  {"volunteers_passed", EventColumn::Type::Int, "persons"},
                  {"dropped", EventColumn::Type::Int, "persons"}});
}

void step(World& w, const CampaignHandoverParams& p, const Context& c) {
  for (size_t k = 0; k < w.campaigns.size(); ++k) {
    Campaign& cam = w.campaigns[k];
    if (cam.ended || c.tick < cam.start) continue;
    if (c.tick < cam.end) {
      recruit(w, cam, k, p, c);
      continue;
    }
    const bool won = c.rng.at(static_cast<uint32_t>(c.tick), k, purpose(k, kOutcome)).uniform() < cam.win_probability;
    const auto n = hand_over(w, cam, k, c);
    const std::string successor = cam.successor >= 0 ? w.orgs[static_cast<size_t>(cam.successor)].spec.name : "";
    w.events["handovers"].add(
        {c.tick, w.orgs[static_cast<size_t>(cam.org)].spec.name, successor, int64_t{won ? 1 : 0}, n[0], n[1], n[2]});
    cam.ended = true;
    cam.won = won;
  }
}

}  // namespace tribune
