// M26 legislation: votes on the agenda, vetoes, and capital's answer.
#include "model/government/legislation.h"

#include <algorithm>
#include <boost/random/normal_distribution.hpp>
#include <cmath>

#include "core/context.h"
#include "world/district_sums.h"
#include "world/world.h"

namespace tribune {

namespace {
enum Purpose : uint32_t { kThreshold = 1 };

// Support for a reform (share left of its cut) per district and city-wide, and union density
// times the left-led share.
struct Climate {
  std::vector<double> support;  // per district
  double city_support = 0, union_push = 0;
};

Climate climate(const World& w, const Pool& pool, double cut) {
  const auto& P = w.persons;
  Climate c;
  const float x = static_cast<float>(cut);
  c.support = district_sums(w, pool, [&](int64_t i) { return P.ideology[i] < x ? 1.0 : 0.0; });
  for (size_t d = 0; d < w.districts.size(); ++d) {
    c.city_support += c.support[d] / std::max<double>(1, static_cast<double>(w.size()));
    c.support[d] = w.districts[d].size() ? c.support[d] / static_cast<double>(w.districts[d].size()) : 0.0;
  }
  double members = 0, left_led = 0, employed = 0;
  for (int64_t k = 0; k < w.workplaces.count(); ++k) {
    employed += static_cast<double>(w.workplaces.size(k));
    const int u = w.workplaces.union_id[k];
    if (u < 0) continue;
    for (int64_t j = w.workplaces.member_offsets[k]; j < w.workplaces.member_offsets[k + 1]; ++j) {
      const bool m = P.union_member[w.workplaces.members[j]];
      members += m;
      left_led += m && w.unions[static_cast<size_t>(u)].left_led;
    }
  }
  c.union_push = employed > 0 && members > 0 ? (members / employed) * (left_led / members) : 0.0;
  return c;
}

// Disruption city-wide (what the legislature feels) and in each district (where it comes from).
double disruption(const World& w, const LegislationParams& p, std::vector<double>& in) {
  const size_t D = w.districts.size();
  std::vector<double> shops(D, 0.0);
  int64_t union_shops = 0;
  for (int64_t k = 0; k < w.workplaces.count(); ++k)
    if (w.workplaces.union_id[k] >= 0) {
      ++union_shops;
      shops[static_cast<size_t>(w.workplaces.district[k])] += 1;
    }
  in.assign(D, 0.0);
  for (size_t d = 0; d < D; ++d) {
    const double active = d < w.labor.active_in.size() ? static_cast<double>(w.labor.active_in[d]) : 0.0;
    const double protest =
        d < w.movement.protesters_in.size() && w.districts[d].size() > 0
            ? static_cast<double>(w.movement.protesters_in[d]) / static_cast<double>(w.districts[d].size())
            : 0.0;
    in[d] = std::min(1.0, p.strike_weight * (shops[d] > 0 ? active / shops[d] : 0.0) + p.protest_weight * protest);
  }
  const double strikes = union_shops ? static_cast<double>(w.labor.active) / static_cast<double>(union_shops) : 0.0;
  return std::min(1.0, p.strike_weight * strikes + p.protest_weight * w.env.protest_share);
}

void capital_answers(World& w, const LegislationParams& p, const Context& c) {
  auto& pol = w.politics;
  while (p.tolerance >= 0 && pol.depth_passed > pol.capital_threshold) {
    Shock s;
    s.start = c.tick;
    s.end = c.tick + p.shock_weeks;
    s.magnitude = p.shock_magnitude;
    s.recovery_weeks = static_cast<double>(p.shock_weeks);
    w.env.shocks.push_back(s);
    auto& P = w.persons;
    c.pool.for_each(w.size(), [&](int64_t i) { P.hope_impulse[i] -= static_cast<float>(p.spin); });
    w.hope_impulses_pending = true;
    ++pol.capital_shocks;
    w.events["capital_responses"].add({c.tick, pol.depth_passed, p.shock_magnitude, p.spin});
    pol.capital_threshold += std::max(p.tolerance, 1e-9);
  }
}

// The reform that comes to a vote: the first not yet passed from the rotation's place on; -1
// when every one has passed.
int next_reform(const Politics& pol) {
  const size_t n = pol.agenda.size();
  for (size_t k = 0; k < n; ++k) {
    const size_t r = (pol.agenda_turn + k) % n;
    if (!pol.passed(r)) return static_cast<int>(r);
  }
  return -1;
}
}  // namespace

void init(World& w, const LegislationParams& p, const Context&) {
  auto& pol = w.politics;
  pol.agenda_turn = 0;
  pol.translation_friction = p.translation_friction;  // M30's pull on positions loses the same share
  pol.passed_at.assign(pol.agenda.size(), -1);
  pol.session_disruption = 0;
  pol.depth_passed = 0;
  pol.capital_threshold = p.tolerance;
  pol.reforms_passed = pol.capital_shocks = 0;
  pol.passed_this_tick.clear();
  w.events["reforms"] =
      EventTable("votes on the agenda's reforms (M26)", {{"tick", EventColumn::Type::Int, "weeks"},
                                                         {"reform", EventColumn::Type::Text, ""},
                                                         {"depth", EventColumn::Type::Real, "1"},
                                                         {"yes", EventColumn::Type::Int, "seats"},
                                                         {"seats", EventColumn::Type::Int, "seats"},
                                                         {"vetoed", EventColumn::Type::Int, "bool"},
                                                         {"overridden", EventColumn::Type::Int, "bool"},
                                                         {"passed", EventColumn::Type::Int, "bool"},
                                                         {"disruption", EventColumn::Type::Real, "1"}});
  w.events["capital_responses"] = EventTable("capital's answers to reform beyond its tolerance (M26)",
                                             {{"tick", EventColumn::Type::Int, "weeks"},
                                              {"depth_passed", EventColumn::Type::Real, "1"},
                                              {"shock", EventColumn::Type::Real, "grievance"},
                                              {"spin", EventColumn::Type::Real, "hope"}});
}

void step(World& w, const LegislationParams& p, const Context& c) {
  auto& pol = w.politics;
  pol.passed_this_tick.clear();
  pol.sponsor_visibility = 0;
  pol.disruption = disruption(w, p, pol.disruption_in);
  pol.session_disruption = std::max(pol.session_disruption, pol.disruption);
  if (c.tick == 0 || c.tick % p.session_weeks != 0) return;
  const double felt = pol.session_disruption;
  pol.session_disruption = pol.disruption;  // the next session starts from this week
  const int r = next_reform(pol);
  if (r < 0) return;
  const ReformSpec& a = pol.agenda[static_cast<size_t>(r)];
  std::vector<size_t> seats;
  for (size_t k = 0; k < pol.holders.size(); ++k)
    if (pol.holders[k].office == a.legislature_office) seats.push_back(k);
  if (seats.empty()) return;
  pol.agenda_turn = (static_cast<size_t>(r) + 1) % pol.agenda.size();  // passed or not, the next one is next
  const Climate cl = climate(w, c.pool, a.cut);
  // Does this officeholder support the reform, sincerely or under pressure?
  auto supports = [&](size_t k) {
    const Officeholder& h = pol.holders[k];
    if (h.position < a.cut) return true;
    const double support = h.district < 0 ? cl.city_support : cl.support[static_cast<size_t>(h.district)];
    const double pressure =
        (1 - p.translation_friction) * felt + p.opinion * std::max(0.0, support - 0.5) + p.unions * cl.union_push;
    Stream s = c.rng.at(static_cast<uint32_t>(c.tick), k, kThreshold);
    return pressure > boost::random::normal_distribution<double>(p.threshold_mean, p.threshold_sd)(s);
  };
  int64_t yes = 0;
  double sponsor = 0;
  for (size_t k : seats)
    if (supports(k)) {
      ++yes;
      const Officeholder& h = pol.holders[k];
      if (h.org >= 0 && !h.endorsement_withdrawn) sponsor = std::max(sponsor, h.visibility);
    }
  const int64_t n = static_cast<int64_t>(seats.size());
  bool passed = 2 * yes > n, vetoed = false, overridden = false;
  if (passed && a.executive_office >= 0 && pol.office_specs[static_cast<size_t>(a.executive_office)].veto)
    for (size_t k = 0; k < pol.holders.size(); ++k)
      if (pol.holders[k].office == a.executive_office) {
        if (supports(k)) {
          const Officeholder& h = pol.holders[k];
          if (h.org >= 0 && !h.endorsement_withdrawn) sponsor = std::max(sponsor, h.visibility);
        } else {
          vetoed = true;
          overridden = static_cast<double>(yes) >= p.override_share * static_cast<double>(n);
          passed = overridden;
        }
        break;
      }
  w.events["reforms"].add(
      {c.tick, a.name, a.depth, yes, n, int64_t{vetoed}, int64_t{overridden}, int64_t{passed}, felt});
  if (!passed) return;
  pol.passed_this_tick.push_back(r);
  pol.passed_at[static_cast<size_t>(r)] = c.tick;
  pol.sponsor_visibility = sponsor;
  pol.depth_passed += a.depth;
  ++pol.reforms_passed;
  capital_answers(w, p, c);
}

}  // namespace tribune
