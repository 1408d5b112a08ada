// M19 campaigns: a week of hours, money and endorsements for every candidate in season.
#include "model/elections/campaigns.h"

#include <algorithm>
#include <vector>

#include "core/context.h"
#include "world/world.h"

namespace tribune {

namespace {
// Per district: members of each union, then persons engaged (supporter or more) with each
// organization. Persons are ordered by district, so a block touches one or two rows.
struct Residents {
  int unions = 0, orgs = 0;
  std::vector<double> rows;  // [district * (unions + orgs) + column]
  double union_members(int d, int u) const { return rows[static_cast<size_t>(d * (unions + orgs) + u)]; }
  double org_people(int d, int o) const { return rows[static_cast<size_t>(d * (unions + orgs) + unions + o)]; }
};

Residents count_residents(const World& w, const Pool& pool) {
  const auto& P = w.persons;
  Residents r;
  r.unions = static_cast<int>(w.unions.size());
  r.orgs = static_cast<int>(w.orgs.size());
  const size_t width = static_cast<size_t>(r.unions + r.orgs);
  struct Part {
    int d0 = 0;
    std::vector<double> rows;
  };
  auto block = [&](int64_t lo, int64_t hi) {
    Part p;
    p.d0 = P.district[lo];
    p.rows.assign(static_cast<size_t>(P.district[hi - 1] - p.d0 + 1) * width, 0.0);
    for (int64_t i = lo; i < hi; ++i) {
      double* row = &p.rows[static_cast<size_t>(P.district[i] - p.d0) * width];
      const int32_t job = P.workplace[i];
      if (P.union_member[i] && job >= 0 && w.workplaces.union_id[job] >= 0) row[w.workplaces.union_id[job]] += 1;
      if (P.org[i] >= 0 && P.engagement[i] >= kSupporter) row[r.unions + P.org[i]] += 1;
    }
    return p;
  };
  auto add = [&](std::vector<double>& acc, const Part& p) {
    for (size_t k = 0; k < p.rows.size(); ++k) acc[static_cast<size_t>(p.d0) * width + k] += p.rows[k];
  };
  r.rows = pool.reduce(w.size(), std::vector<double>(w.districts.size() * width, 0.0), block, add);
  return r;
}

bool in_season(const Race& race, int64_t tick) {
  return !race.held && tick >= race.season_start && tick < race.general;
}

double residents_of(const World& w, const Race& race) {
  return static_cast<double>(w.constituency(race.district).size());
}

// Sum of a per-district count over the race's constituency.
template <class F>
double over_constituency(const World& w, const Race& race, F per_district) {
  if (race.district >= 0) return per_district(race.district);
  double s = 0;
  for (size_t d = 0; d < w.districts.size(); ++d) s += per_district(static_cast<int>(d));
  return s;
}

// The candidate an organization works for in a race, and at what share of its effort: its own
// or the one it backs; after losing the establishment primary, the nominee at `regularity`.
std::pair<int, double> target(const World& w, const Race& race, int o) {
  const auto& pol = w.politics;
  const int id = race.org_backs[static_cast<size_t>(o)];
  if (id < 0) return {-1, 0.0};
  const Candidate& k = pol.candidates[static_cast<size_t>(id)];
  if (k.on_ballot) return {id, 1.0};
  if (k.party != pol.establishment || !race.primary_held) return {-1, 0.0};
  for (int other : race.candidates) {
    const Candidate& n = pol.candidates[static_cast<size_t>(other)];
    if (n.on_ballot && n.party == pol.establishment) return {other, pol.access.regularity};
  }
  return {-1, 0.0};
}

// Who holds a union's endorsement of k: the organization's own tie to the union, persons' ties
// (its leaders', the candidate's career tie), or, for party candidates or without any tie, the
// union leadership's ties to the establishment.
std::array<double, kHolders> endorsement_holders(const World& w, const Candidate& k, int u) {
  std::array<double, kHolders> h{};
  if (k.org >= 0 && !w.orgs[static_cast<size_t>(k.org)].ties.org.empty()) {
    const Ties& t = w.orgs[static_cast<size_t>(k.org)].ties;
    h[kByOrganization] = t.org[static_cast<size_t>(u)];
    h[kByCandidate] = t.person[static_cast<size_t>(u)];
  }
  if (k.career_union == u) h[kByCandidate] += k.career_tie;
  const double sum = h[0] + h[1] + h[2];
  if (k.origin == Origin::establishment || sum <= 0) return {0.0, 0.0, 1.0};
  for (double& x : h) x /= sum;
  return h;
}
}  // namespace

void init(World&, const CampaignsParams&, const Context&) {}

void step(World& w, const CampaignsParams& p, const Context& c) {
  auto& pol = w.politics;
  bool any = false;
  for (const auto& race : pol.races) any |= in_season(race, c.tick);
  if (!any) return;
  const Residents res = count_residents(w, c.pool);
  for (auto& k : pol.candidates) k.week_hours = {};
  // Organizations' election hours, split over the races they work in by residents.
  for (size_t o = 0; o < w.orgs.size(); ++o) {
    double weight = 0;
    for (const auto& race : pol.races)
      if (in_season(race, c.tick) && target(w, race, static_cast<int>(o)).first >= 0) weight += residents_of(w, race);
    if (weight <= 0) continue;
    const double hours = w.orgs[o].hours[kElectoral] * w.orgs[o].efficiency();
    for (const auto& race : pol.races) {
      if (!in_season(race, c.tick)) continue;
      const auto [id, share] = target(w, race, static_cast<int>(o));
      if (id >= 0)
        pol.candidates[static_cast<size_t>(id)].week_hours[kByOrganization] +=
            hours * share * residents_of(w, race) / weight;
    }
  }
  for (auto& race : pol.races) {
    if (!in_season(race, c.tick)) continue;
    const double n = residents_of(w, race);
    const bool after_primary = race.primary < 0 || race.primary_held;
    const bool petitioning = c.tick < race.season_start + pol.access.petition_weeks;
    for (int id : race.candidates) {
      Candidate& k = pol.candidates[static_cast<size_t>(id)];
      if (!k.on_ballot) continue;
      const bool own_party = k.party >= 0 && k.org < 0;
      const bool nominee = k.party >= 0 && k.party == pol.establishment && after_primary;
      const bool centred = k.origin == Origin::insurgent || k.origin == Origin::cadre_candidate;
      if (centred) k.week_hours[kByCandidate] += p.committee_hours * n / 1000.0;
      if (own_party || nominee) k.week_hours[kByEstablishment] += p.party_hours * n / 1000.0;
      // Endorsing unions: their members who live here, as votes and as volunteers.
      k.ledger.endorsements = {};
      for (size_t u = 0; u < race.union_backs.size(); ++u) {
        if (race.union_backs[u] != id) continue;
        const double members =
            over_constituency(w, race, [&](int d) { return res.union_members(d, static_cast<int>(u)); });
        const auto holders = endorsement_holders(w, k, static_cast<int>(u));
        for (int h = 0; h < kHolders; ++h) {
          k.ledger.endorsements[h] += members * holders[h];
          k.week_hours[h] += p.union_hours * members * holders[h];
        }
      }
      double hours = 0;
      for (int h = 0; h < kHolders; ++h) {
        k.ledger.hours[h] += k.week_hours[h];
        hours += k.week_hours[h];
      }
      const double fielded = k.petitioning() && petitioning ? 1 - pol.access.petition_share : 1.0;
      k.contacts += hours * fielded * p.contacts_per_hour;
      // Money.
      if (own_party || nominee)
        k.ledger.money[kByEstablishment] += p.donor_money * n * (k.incumbent >= 0 ? p.incumbent_money : 1.0);
      if (k.org >= 0)
        k.ledger.money[kByOrganization] +=
            p.small_donation * over_constituency(w, race, [&](int d) { return res.org_people(d, k.org); });
      if (centred) k.ledger.money[kByCandidate] += p.candidate_money * n;
      const double money = k.ledger.money[0] + k.ledger.money[1] + k.ledger.money[2];
      const double weeks = static_cast<double>(c.tick - race.season_start + 1);
      const double against = k.org >= 0 ? p.opposition_money * n * weeks : 0.0;
      const double half = p.media_half * n;
      k.media = money / (money + half) - against / (against + half);
    }
  }
}

}  // namespace tribune
