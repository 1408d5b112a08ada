#include "engine/recorder.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>

#include "core/parallel.h"
#include "world/world.h"

namespace tribune {

namespace {

// Sums over persons of one district.
enum Sum {
  kN,
  kHope,
  kGrievance,
  kIdeology,
  kIdeologySq,
  kLeft,
  kEmployed,
  kMembers,
  kShock,
  kOrgSupporter,
  kOrgVolunteer,
  kOrgMember,
  kOrgCadre,
  kLeftLedMembers,
  kSums
};
using Sums = std::array<double, kSums>;

// A block's sums for the districts it spans (persons are ordered by district).
struct Partial {
  int d0 = 0;
  std::vector<Sums> s;
};

double ratio(double a, double b) {
  return b > 0 ? a / b : 0.0;
}
double by_district(int64_t city, const std::vector<int64_t>& per_district, int d) {
  return static_cast<double>(d < 0 ? city : per_district.empty() ? 0 : per_district[static_cast<size_t>(d)]);
}

// Held by organizations / all weight, over every target (d < 0) or district d's blocs and groups.
double ties_org_share(const World& w, int d) {
  const TieLayout L = w.tie_layout();
  double held = 0, all = 0;
  for (const auto& o : w.orgs) {
    if (o.ties.org.empty()) continue;
    for (int k : d < 0 ? std::vector<int>{} : std::vector<int>{L.bloc(d), L.community(d)}) {
      held += o.ties.org[k];
      all += o.ties.org[k] + o.ties.person[k];
    }
    if (d < 0)
      for (int k = 0; k < L.size(); ++k) {
        held += o.ties.org[k];
        all += o.ties.org[k] + o.ties.person[k];
      }
  }
  return ratio(held, all);
}

// Officeholders: counted by a predicate.
template <class F>
double holders(const World& w, F pred) {
  double n = 0;
  for (const auto& h : w.politics.holders) n += pred(h);
  return n;
}

// Turnout of the general elections held this tick (weighted by electorate), or NaN.
double turnout_now(const World& w, int d) {
  double voters = 0, electorate = 0;
  for (const auto& r : w.politics.races)
    if (r.held && r.general == w.tick && (d < 0 || r.district == d)) {
      voters += r.turnout * r.electorate;
      electorate += r.electorate;
    }
  return electorate > 0 ? voters / electorate : std::nan("");
}

// Mean over organization-backed officeholders of f(holder), or NaN without any.
template <class F>
double org_holder_mean(const World& w, F f) {
  double s = 0, n = 0;
  for (const auto& h : w.politics.holders)
    if (h.org >= 0 && !h.endorsement_withdrawn) s += f(h), n += 1;
  return n > 0 ? s / n : std::nan("");
}

// Over the officeholders organization `o` backs: the mean of f, or with `sum` the sum (NaN for a
// mean without any).
template <class F>
double backed_mean(const Org& o, const World& w, F f, bool sum = false) {
  const int org = static_cast<int>(&o - w.orgs.data());
  double s = 0, n = 0;
  for (const auto& h : w.politics.holders)
    if (h.org == org && !h.endorsement_withdrawn) s += f(h), n += 1;
  return sum ? s : n > 0 ? s / n : std::nan("");
}

double sd(const Sums& s) {
  double m = ratio(s[kIdeology], s[kN]);
  return std::sqrt(std::max(0.0, ratio(s[kIdeologySq], s[kN]) - m * m));
}

// The series: name, unit, description, value from a district's (or the city's) sums.
struct Series {
  SeriesInfo info;
  double (*value)(const Sums&, const World&, int d);  // d: the district, or -1 for the city
};

const std::vector<Series>& city_defs() {
  static const std::vector<Series> defs = {
      {{"hope_mean", "[0, 1]", "mean hope (M3); 1 - hope is resignation"},
       [](const Sums& s, const World&, int) { return ratio(s[kHope], s[kN]); }},
      {{"grievance_mean", "[0, 1]", "mean grievance (M2)"},
       [](const Sums& s, const World&, int) { return ratio(s[kGrievance], s[kN]); }},
      {{"ideology_mean", "[-1, 1], -1 left", "mean ideology (M4)"},
       [](const Sums& s, const World&, int) { return ratio(s[kIdeology], s[kN]); }},
      {{"ideology_sd", "ideology", "standard deviation of ideology (M4); near 0 means consensus"},
       [](const Sums& s, const World&, int) { return sd(s); }},
      {{"left_share", "1", "share of persons with ideology below -1/3"},
       [](const Sums& s, const World&, int) { return ratio(s[kLeft], s[kN]); }},
      {{"union_density", "1", "union members per employed person (M1, M13)"},
       [](const Sums& s, const World&, int) { return ratio(s[kMembers], s[kEmployed]); }},
      {{"economic_shock", "[0, 1]", "mean grievance added by economic shocks in force (M32)"},
       [](const Sums& s, const World&, int) { return ratio(s[kShock], s[kN]); }},
      {{"legitimacy", "[0, 1]", "the state's legitimacy (M32 legitimacy_shift)"},
       [](const Sums&, const World& w, int) { return w.env.legitimacy; }},
      {{"org_supporters", "persons", "supporters (on a list, not active) of all organizations (M6)"},
       [](const Sums& s, const World&, int) { return s[kOrgSupporter]; }},
      {{"org_volunteers", "persons", "volunteers of all organizations who are not members (M6)"},
       [](const Sums& s, const World&, int) { return s[kOrgVolunteer]; }},
      {{"org_members", "persons", "members of all organizations, cadre included (M6)"},
       [](const Sums& s, const World&, int) { return s[kOrgMember] + s[kOrgCadre]; }},
      {{"org_cadre", "persons", "cadre of all organizations (M6)"},
       [](const Sums& s, const World&, int) { return s[kOrgCadre]; }},
      {{"union_left_led_share", "1", "share of union members whose union has left leadership (M15)"},
       [](const Sums& s, const World&, int) { return ratio(s[kLeftLedMembers], s[kMembers]); }},
      {{"ties_org_share", "1",
        "share of all organizations' relationship weight held by the organizations rather than persons (M8); "
        "per district, over its voting blocs and community groups"},
       [](const Sums&, const World& w, int d) { return ties_org_share(w, d); }},
      {{"strikes_started", "strikes", "strikes started this week (M14)"},
       [](const Sums&, const World& w, int d) { return by_district(w.labor.started, w.labor.started_in, d); }},
      {{"strikes_active", "strikes", "strikes under way at the end of the week (M14)"},
       [](const Sums&, const World& w, int d) { return by_district(w.labor.active, w.labor.active_in, d); }},
      {{"strikes_won", "strikes", "strikes that ended in a win this week (M14)"},
       [](const Sums&, const World& w, int d) { return by_district(w.labor.won, w.labor.won_in, d); }},
      {{"strikes_lost", "strikes", "strikes that ended in a defeat this week (M14)"},
       [](const Sums&, const World& w, int) { return double(w.labor.lost); }},
      {{"protesters", "persons", "residents protesting this week (M28)"},
       [](const Sums&, const World& w, int d) {
         return by_district(w.movement.protesters, w.movement.protesters_in, d);
       }},
      {{"arrests", "persons", "protesters arrested this week (M29)"},
       [](const Sums&, const World& w, int d) { return by_district(w.movement.arrests, w.movement.arrests_in, d); }},
      {{"episode_active", "bool", "1 while a burst of protest is under way (M28 episodes)"},
       [](const Sums&, const World& w, int d) {
         if (d < 0) return w.movement.city_episode.active ? 1.0 : 0.0;
         const auto& e = w.movement.district_episodes;
         return static_cast<size_t>(d) < e.size() && e[static_cast<size_t>(d)].active ? 1.0 : 0.0;
       }},
      {{"episodes_started", "episodes", "city-wide episodes started so far (M28 episodes)"},
       [](const Sums&, const World& w, int) { return double(w.movement.episodes_started); }},
      {{"jailed", "persons", "residents in jail at the end of the week (M29)"},
       [](const Sums&, const World& w, int) { return double(w.movement.jailed); }},
      {{"turnout", "1", "turnout in the general elections held this week (NaN in other weeks) (M20)"},
       [](const Sums&, const World& w, int d) { return turnout_now(w, d); }},
      {{"seats_establishment", "seats", "seats held by establishment-origin officeholders (M17)"},
       [](const Sums&, const World& w, int) {
         return holders(w, [](const Officeholder& h) { return h.origin == Origin::establishment; });
       }},
      {{"seats_insurgent", "seats", "seats held by candidate-centred insurgents (M17)"},
       [](const Sums&, const World& w, int) {
         return holders(w, [](const Officeholder& h) { return h.origin == Origin::insurgent; });
       }},
      {{"seats_cadre_candidate", "seats", "seats held by cadre candidates (M17)"},
       [](const Sums&, const World& w, int) {
         return holders(w, [](const Officeholder& h) { return h.origin == Origin::cadre_candidate; });
       }},
      {{"seats_cadre_campaign", "seats", "seats held through cadre campaigns (M17)"},
       [](const Sums&, const World& w, int) {
         return holders(w, [](const Officeholder& h) { return h.origin == Origin::cadre_campaign; });
       }},
      {{"seats_backed", "seats",
        "seats held by officeholders an organization backs (per district: seats of that district's races) (M17, M23)"},
       [](const Sums&, const World& w, int d) {
         return holders(w, [d](const Officeholder& h) {
           return h.org >= 0 && !h.endorsement_withdrawn && (d < 0 || h.district == d);
         });
       }},
      {{"seats_establishment_line", "seats", "seats won on the establishment party's line (M18)"},
       [](const Sums&, const World& w, int) {
         return holders(w, [&](const Officeholder& h) { return h.party >= 0 && h.party == w.politics.establishment; });
       }},
      {{"seats_other_parties", "seats", "seats won on other parties' lines (M18)"},
       [](const Sums&, const World& w, int) {
         return holders(w, [&](const Officeholder& h) { return h.party >= 0 && h.party != w.politics.establishment; });
       }},
      {{"seats_independent_line", "seats", "seats won on independent lines (M18)"},
       [](const Sums&, const World& w, int) { return holders(w, [](const Officeholder& h) { return h.party < 0; }); }},
      {{"holder_alignment", "[0, 1]",
        "mean over organization-backed officeholders of 1 - |position - the backing organization's platform| / 2 "
        "(NaN without any) (M10, M22)"},
       [](const Sums&, const World& w, int) {
         return org_holder_mean(w, [&w](const Officeholder& h) {
           return 1 - std::abs(h.position - w.orgs[static_cast<size_t>(h.org)].spec.platform) / 2;
         });
       }},
      {{"holder_drift", "ideology",
        "mean over organization-backed officeholders of position - the platform it ran on (for an endorsed "
        "candidate, what it promised) (NaN without any) (M22)"},
       [](const Sums&, const World& w, int) {
         return org_holder_mean(w, [](const Officeholder& h) { return h.drift(); });
       }},
      {{"betrayals", "events", "betrayals this week (M23)"},
       [](const Sums&, const World& w, int) { return double(w.politics.betrayals_this_tick); }},
      {{"reforms_passed", "reforms", "reforms passed so far (M26)"},
       [](const Sums&, const World& w, int) { return double(w.politics.reforms_passed); }},
      {{"reform_depth", "1", "cumulative depth of the reforms passed (M26)"},
       [](const Sums&, const World& w, int) { return w.politics.depth_passed; }},
      {{"capital_shocks", "events", "capital's answers to reform so far (M26)"},
       [](const Sums&, const World& w, int) { return double(w.politics.capital_shocks); }},
      {{"disruption", "[0, 1]",
        "disruption from strikes and protest, as legislators feel it before friction (M26); per district, the "
        "same from the district's own strikes and protest"},
       [](const Sums&, const World& w, int d) {
         const auto& in = w.politics.disruption_in;
         return d < 0 ? w.politics.disruption : static_cast<size_t>(d) < in.size() ? in[static_cast<size_t>(d)] : 0.0;
       }},
      {{"movement_hours", "hours/week",
        "organizations' volunteer hours in movements this week (M5); per district, those given by its residents"},
       [](const Sums&, const World& w, int d) {
         const auto& in = w.movement.hours_in;
         if (d >= 0) return static_cast<size_t>(d) < in.size() ? in[static_cast<size_t>(d)] : 0.0;
         double s = 0;
         for (double h : in) s += h;
         return s;
       }},
      {{"movement_conflict", "ideology",
        "mean over organization-backed officeholders of protest share x |movement demand - platform| (M30)"},
       [](const Sums&, const World& w, int) { return w.movement.conflict; }},
      {{"call_active", "bool", "1 while a left executive's call for mass action is in force (M25)"},
       [](const Sums&, const World& w, int) { return w.movement.call.active ? 1.0 : 0.0; }},
      {{"call_reached", "persons", "persons the call in force reached, 0 without one (M25)"},
       [](const Sums&, const World& w, int) { return w.movement.call.active ? double(w.movement.call.reached) : 0.0; }},
      {{"holder_org_share", "1",
        "mean share of organization-backed officeholders' winning relationships held by the organization (M19, M22)"},
       [](const Sums&, const World& w, int) {
         return org_holder_mean(w, [](const Officeholder& h) { return h.held[kByOrganization]; });
       }},
  };
  return defs;
}

const std::vector<Series>& district_defs() {
  static const std::vector<Series> defs = {
      {{"population", "persons", "residents"}, [](const Sums& s, const World&, int) { return s[kN]; }},
      city_defs()[0],
      city_defs()[1],
      city_defs()[2],
      city_defs()[4],
      city_defs()[5],
  };
  // Every city series that is a sum or a share over persons or workplaces has a district version.
  static const std::vector<Series> all = [] {
    std::vector<Series> v = defs;
    for (const char* name : {"org_supporters", "org_volunteers", "org_members", "org_cadre", "union_left_led_share",
                             "ties_org_share", "strikes_started", "strikes_active", "strikes_won", "turnout",
                             "seats_backed", "protesters", "arrests", "episode_active", "disruption", "movement_hours"})
      for (const auto& c : city_defs())
        if (c.info.name == name) v.push_back(c);
    return v;
  }();
  return all;
  return defs;
}

// Mean tie over one group of targets.
enum TieGroup { kTieUnions, kTieDistricts, kTieDonors };
double mean_tie(const Org& o, const World& w, TieGroup g) {
  const TieLayout L = w.tie_layout();
  if (o.ties.org.empty()) return 0.0;
  switch (g) {
    case kTieUnions:
      return o.ties.mean_total(0, L.unions);
    case kTieDistricts:
      return o.ties.mean_total(L.community(0), L.donors());
    case kTieDonors:
      return o.ties.total(L.donors());
  }
  return 0.0;
}

// Per-organization series, from World::orgs (counted at the end of the tick).
struct OrgSeries {
  SeriesInfo info;
  double (*value)(const Org&, const World&);
};

const std::vector<OrgSeries>& org_defs() {
  static const std::vector<OrgSeries> defs = {
      {{"supporters", "persons", "on the organization's list, not active (M6)"},
       [](const Org& o, const World&) { return double(o.count[kSupporter]); }},
      {{"volunteers", "persons", "active, not members (M6)"},
       [](const Org& o, const World&) { return double(o.count[kVolunteer]); }},
      {{"members", "persons", "members, cadre included (M6)"},
       [](const Org& o, const World&) { return double(o.count[kMember] + o.count[kCadre]); }},
      {{"cadre", "persons", "cadre (M6)"}, [](const Org& o, const World&) { return double(o.count[kCadre]); }},
      {{"hours_electoral", "hours/week", "volunteer hours in election campaigns (M5)"},
       [](const Org& o, const World&) { return o.hours[kElectoral]; }},
      {{"hours_movement", "hours/week", "volunteer hours in movements (M5)"},
       [](const Org& o, const World&) { return o.hours[kMovement]; }},
      {{"hours_union", "hours/week", "volunteer hours supporting unions (M5)"},
       [](const Org& o, const World&) { return o.hours[kUnion]; }},
      {{"hours_base_building", "hours/week", "volunteer hours in base building and outreach (M5)"},
       [](const Org& o, const World&) { return o.hours[kBaseBuilding]; }},
      {{"hours_internal", "hours/week", "volunteer hours in internal life: meetings, development (M5)"},
       [](const Org& o, const World&) { return o.hours[kInternal]; }},
      {{"memory", "[0, 1]", "institutional memory (M7); efficiency is 0.5 + memory"},
       [](const Org& o, const World&) { return o.memory; }},
      {{"treasury", "dollars", "money raised from dues and donations, cumulative (M7)"},
       [](const Org& o, const World&) { return o.treasury; }},
      {{"hours_meetings", "hours/week", "of the internal hours, those spent in meetings (M11)"},
       [](const Org& o, const World&) { return o.meeting_hours; }},
      {{"share_electoral", "1", "current share of hours allocated to elections (M9; moves when adaptive)"},
       [](const Org& o, const World&) { return o.share[kElectoral]; }},
      {{"share_movement", "1", "current share of hours allocated to movements (M9)"},
       [](const Org& o, const World&) { return o.share[kMovement]; }},
      {{"share_union", "1", "current share of hours allocated to union support (M9)"},
       [](const Org& o, const World&) { return o.share[kUnion]; }},
      {{"ties_unions", "[0, 1]", "mean tie to the unions, both holders (M8)"},
       [](const Org& o, const World& w) { return mean_tie(o, w, kTieUnions); }},
      {{"ties_districts", "[0, 1]", "mean tie to the districts' voting blocs and community groups (M8)"},
       [](const Org& o, const World& w) { return mean_tie(o, w, kTieDistricts); }},
      {{"ties_donors", "[0, 1]", "tie to the donor network (M8)"},
       [](const Org& o, const World& w) { return mean_tie(o, w, kTieDonors); }},
      {{"ties_org_share", "1",
        "share of the organization's relationship weight it holds itself rather than "
        "through persons (M8; what M22 reads)"},
       [](const Org& o, const World&) {
         return o.ties.org.empty() ? 0.0 : o.ties.org_share(0, static_cast<int>(o.ties.org.size()));
       }},
      {{"brand", "[0, 1]", "voters' recognition of the organization as distinct (M10)"},
       [](const Org& o, const World&) { return o.brand; }},
      {{"movement_recruits", "persons", "protesters who signed up to its list this week (M30)"},
       [](const Org& o, const World&) { return double(o.movement_recruits); }},
      {{"seats_backed", "seats", "seats held by officeholders it backs, its own and those it endorsed (M10, M17)"},
       [](const Org& o, const World& w) {
         return backed_mean(
             o, w, [](const Officeholder&) { return 1.0; }, /*sum=*/true);
       }},
      {{"holder_alignment", "[0, 1]",
        "mean over the officeholders it backs of 1 - |position - its platform| / 2 (NaN without any) (M10, M22)"},
       [](const Org& o, const World& w) {
         return backed_mean(o, w,
                            [&o](const Officeholder& h) { return 1 - std::abs(h.position - o.spec.platform) / 2; });
       }},
      {{"holder_drift", "ideology",
        "mean over the officeholders it backs of position - the platform they ran on (NaN without any) (M22)"},
       [](const Org& o, const World& w) { return backed_mean(o, w, [](const Officeholder& h) { return h.drift(); }); }},
  };
  return defs;
}

// Per-union series, from World::unions.
struct UnionSeries {
  SeriesInfo info;
  double (*value)(const Union&);
};

const std::vector<UnionSeries>& union_defs() {
  static const std::vector<UnionSeries> defs = {
      {{"members", "persons", "union members (M13)"}, [](const Union& u) { return double(u.members); }},
      {{"growth", "1", "members over the last 52 weeks, relative (M13, M16)"},
       [](const Union& u) { return u.growth(); }},
      {{"treasury", "dollars", "treasury and strike fund (M14)"}, [](const Union& u) { return u.treasury; }},
      {{"left_led", "bool", "1 when the union has left leadership (M15)"},
       [](const Union& u) { return u.left_led ? 1.0 : 0.0; }},
      {{"insurgent_endorsement", "1", "chance the union would back an insurgent now (M16)"},
       [](const Union& u) { return u.insurgent_endorsement; }},
  };
  return defs;
}

// Per-party series, from World::politics: the party's own candidates (its line, no
// organization's) in the races of the season under way, and the seats its line holds.
struct PartySeries {
  SeriesInfo info;
  double (*value)(const World&, int party);
};

template <class F>
double party_candidate_mean(const World& w, int q, F f) {
  const auto& pol = w.politics;
  double sum = 0;
  int n = 0;
  for (const Race& r : pol.races) {
    if (r.held) continue;
    for (int id : r.candidates) {
      const Candidate& k = pol.candidates[static_cast<size_t>(id)];
      if (k.party != q || k.org >= 0 || !k.on_ballot) continue;
      sum += f(k);
      ++n;
    }
  }
  return n ? sum / n : std::nan("");
}

const std::vector<PartySeries>& party_defs() {
  static const std::vector<PartySeries> defs = {
      {{"position", "ideology",
        "mean position of the party's own candidates in the races under way (NaN between seasons) (M17)"},
       [](const World& w, int q) { return party_candidate_mean(w, q, [](const Candidate& k) { return k.position; }); }},
      {{"poll_share", "1",
        "mean share of the party's own candidates in their races' last poll (NaN between seasons) (M17)"},
       [](const World& w, int q) {
         return party_candidate_mean(w, q, [](const Candidate& k) { return k.last_share; });
       }},
      {{"seats", "seats", "seats held by officeholders elected on the party's line (M20)"},
       [](const World& w, int q) {
         double n = 0;
         for (const Officeholder& h : w.politics.holders) n += h.party == q;
         return n;
       }},
  };
  return defs;
}

template <class Defs>
std::vector<SeriesInfo> infos(const Defs& defs) {
  std::vector<SeriesInfo> out;
  for (const auto& d : defs) out.push_back(d.info);
  return out;
}

}  // namespace

Recorder::Recorder(const World& w)
    : districts_(static_cast<int64_t>(w.districts.size())),
      orgs_(static_cast<int64_t>(w.orgs.size())),
      unions_(static_cast<int64_t>(w.unions.size())),
      parties_(static_cast<int64_t>(w.politics.parties.size())),
      city_(city_defs().size()),
      district_(district_defs().size()),
      org_(org_defs().size()),
      union_(union_defs().size()),
      party_(party_defs().size()) {}

const std::vector<SeriesInfo>& Recorder::party_series() const {
  static const auto v = infos(party_defs());
  return v;
}

const std::vector<SeriesInfo>& Recorder::union_series() const {
  static const auto v = infos(union_defs());
  return v;
}

const std::vector<SeriesInfo>& Recorder::org_series() const {
  static const auto v = infos(org_defs());
  return v;
}

int64_t Recorder::values_per_tick(int64_t districts, int64_t orgs, int64_t unions, int64_t parties) {
  return static_cast<int64_t>(city_defs().size()) + districts * static_cast<int64_t>(district_defs().size()) +
         orgs * static_cast<int64_t>(org_defs().size()) + unions * static_cast<int64_t>(union_defs().size()) +
         parties * static_cast<int64_t>(party_defs().size());
}

const std::vector<SeriesInfo>& Recorder::city_series() const {
  static const auto v = infos(city_defs());
  return v;
}
const std::vector<SeriesInfo>& Recorder::district_series() const {
  static const auto v = infos(district_defs());
  return v;
}

void Recorder::record(const World& w, const Pool& pool) {
  const auto& P = w.persons;
  // A block's sums, district by district (persons are stored by district): the sums of values
  // add in the persons' order into doubles; the counts add into integers, which give the same
  // doubles as adding ones (exact below 2^53) for fewer instructions.
  const float *ideology = P.ideology.data(), *hope = P.hope.data(), *grievance = P.grievance.data();
  const int32_t* workplace = P.workplace.data();
  const uint8_t *member = P.union_member.data(), *klass = P.klass.data(), *engagement = P.engagement.data();
  const int16_t* union_of = w.workplaces.union_id.data();
  auto block = [&](int64_t lo, int64_t hi) {
    Partial part;
    part.d0 = P.district[lo];
    part.s.assign(static_cast<size_t>(P.district[hi - 1] - part.d0 + 1), Sums{});
    for (int64_t a = lo; a < hi;) {
      const int d = P.district[a];
      const int64_t b = std::min(hi, w.districts[static_cast<size_t>(d)].end);
      const double shock[kClasses] = {w.env.shock(d, 0), w.env.shock(d, 1), w.env.shock(d, 2)};
      double hope_sum = 0, grievance_sum = 0, x_sum = 0, x2_sum = 0, shock_sum = 0;
      int64_t left = 0, employed = 0, members = 0, left_led = 0, levels[kLevels] = {};
      for (int64_t i = a; i < b; ++i) {
        const double x = ideology[i];
        hope_sum += hope[i];
        grievance_sum += grievance[i];
        x_sum += x;
        x2_sum += x * x;
        left += x < -1.0 / 3.0;
        employed += workplace[i] >= 0;
        members += member[i];
        if (member[i] && workplace[i] >= 0) {
          const int u = union_of[workplace[i]];
          left_led += u >= 0 && w.unions[static_cast<size_t>(u)].left_led;
        }
        shock_sum += shock[klass[i]];
        ++levels[engagement[i]];
      }
      Sums& s = part.s[static_cast<size_t>(d - part.d0)];
      s[kN] = static_cast<double>(b - a);
      s[kHope] = hope_sum, s[kGrievance] = grievance_sum, s[kIdeology] = x_sum, s[kIdeologySq] = x2_sum;
      s[kLeft] = static_cast<double>(left), s[kEmployed] = static_cast<double>(employed);
      s[kMembers] = static_cast<double>(members), s[kLeftLedMembers] = static_cast<double>(left_led);
      s[kShock] = shock_sum;
      for (int l = 1; l < kLevels; ++l) s[kOrgSupporter + l - 1] = static_cast<double>(levels[l]);
      a = b;
    }
    return part;
  };
  auto add = [](std::vector<Sums>& acc, const Partial& p) {
    for (size_t j = 0; j < p.s.size(); ++j)
      for (int k = 0; k < kSums; ++k) acc[static_cast<size_t>(p.d0) + j][k] += p.s[j][k];
  };
  const auto by_district = pool.reduce(w.size(), std::vector<Sums>(static_cast<size_t>(districts_)), block, add);

  Sums city{};
  for (const auto& s : by_district)
    for (int k = 0; k < kSums; ++k) city[k] += s[k];
  ticks_.push_back(w.tick);
  for (size_t i = 0; i < city_defs().size(); ++i) city_[i].push_back(city_defs()[i].value(city, w, -1));
  for (size_t i = 0; i < district_defs().size(); ++i)
    for (size_t d = 0; d < by_district.size(); ++d)
      district_[i].push_back(district_defs()[i].value(by_district[d], w, static_cast<int>(d)));
  for (size_t i = 0; i < org_defs().size(); ++i)
    for (const auto& o : w.orgs) org_[i].push_back(org_defs()[i].value(o, w));
  for (size_t i = 0; i < union_defs().size(); ++i)
    for (const auto& u : w.unions) union_[i].push_back(union_defs()[i].value(u));
  for (size_t i = 0; i < party_defs().size(); ++i)
    for (int q = 0; q < static_cast<int>(parties_); ++q) party_[i].push_back(party_defs()[i].value(w, q));
}

double Recorder::last(const std::string& name) const {
  const auto& defs = city_defs();
  for (size_t i = 0; i < defs.size(); ++i)
    if (defs[i].info.name == name) return city_[i].empty() ? std::nan("") : city_[i].back();
  throw std::out_of_range("no series named " + name);
}

}  // namespace tribune
