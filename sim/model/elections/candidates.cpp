// M17 offices and candidates: opening races, fielding candidates, repositioning on polls.
#include "model/elections/candidates.h"

#include <algorithm>
#include <cmath>
#include <boost/random/normal_distribution.hpp>
#include <string>

#include "core/context.h"
#include "model/elections/ballot.h"
#include "model/organizations/strategy.h"
#include "world/district_sums.h"
#include "world/world.h"

namespace tribune {

namespace {
enum Purpose : uint32_t { kQuality = 1, kPlace, kCareer, kRetire, kHeading, kTurn };

double normal(Stream s, double sd) {
  return boost::random::normal_distribution<double>(0.0, sd)(s);
}

// Laver (2005) in one dimension: a random heading in a half-plane, projected on the axis, moves
// cos(theta) of a step with theta uniform in (-90, 90) degrees.
double random_speed(Stream s) { return std::cos(0.5 * M_PI * s.uniform()); }

// A new hunter's velocity: under `laver` a random direction and speed, under `reverse` rightward
// at full step.
double first_heading(const CandidatesParams& p, Stream s) {
  if (p.hunter_turn == HunterTurn::reverse) return 1.0;
  const double dir = s.uniform() < 0.5 ? -1.0 : 1.0;
  return dir * random_speed(s);
}

// A hunter's velocity after its share fell: the opposite direction, at a new random speed under
// `laver`, at the same speed under `reverse`.
double turned(double heading, const CandidatesParams& p, Stream s) {
  if (p.hunter_turn == HunterTurn::reverse) return -heading;
  return (heading > 0 ? -1.0 : 1.0) * random_speed(s);
}

// Share of residents identifying with the establishment party, per district.
std::vector<double> establishment_share(const World& w, const Pool& pool) {
  const int est = w.politics.establishment;
  if (est < 0) return std::vector<double>(w.districts.size(), 0.0);
  std::vector<double> share = district_sums(w, pool, [&](int64_t i) { return w.persons.party[i] == est ? 1.0 : 0.0; });
  for (size_t d = 0; d < share.size(); ++d)
    share[d] = w.districts[d].size() ? share[d] / static_cast<double>(w.districts[d].size()) : 0.0;
  return share;
}

std::string candidate_name(const World& w, const Race& race, const std::string& line, int64_t tick) {
  const auto& office = w.politics.office_specs[static_cast<size_t>(race.office)];
  return office.name + "/" + (race.district < 0 ? std::string("city") : w.districts[race.district].name) + "/" + line +
         "/w" + std::to_string(tick);
}

// Where party q's candidates may stand: within `party_range` of its position, on its side of the
// midpoints to the parties next to it on the axis (`party_sides`), and on the axis.
struct Bounds {
  double lo = -1, hi = 1;
  double clamp(double x) const { return std::clamp(x, lo, hi); }
};
Bounds party_bounds(const Politics& pol, int q, const CandidatesParams& p) {
  const double x = pol.parties[static_cast<size_t>(q)].position;
  Bounds b{std::max(-1.0, x - p.party_range), std::min(1.0, x + p.party_range)};
  if (!p.party_sides) return b;
  for (size_t j = 0; j < pol.parties.size(); ++j) {
    if (static_cast<int>(j) == q) continue;
    const double y = pol.parties[j].position, mid = (x + y) / 2;
    if (y > x) b.hi = std::min(b.hi, mid);
    if (y < x) b.lo = std::max(b.lo, mid);
  }
  if (b.lo > b.hi) b.lo = b.hi = x;
  return b;
}

void field(World& w, int r, const CandidatesParams& p, const std::vector<double>& est_share, const Context& c) {
  auto& pol = w.politics;
  Race& race = pol.races[static_cast<size_t>(r)];
  const uint32_t tick = static_cast<uint32_t>(c.tick);
  const bool lists = race.rule == Rule::list_pr;
  auto add = [&](Candidate k) {
    k.race = r;
    race.candidates.push_back(static_cast<int>(pol.candidates.size()));
    pol.candidates.push_back(std::move(k));
  };
  auto draw = [&](Purpose what) { return c.rng.at(tick, pol.candidates.size(), what); };
  // Incumbents run again unless they retire (lists have no incumbents of their own).
  for (size_t h = 0; h < pol.holders.size() && !lists; ++h) {
    const Officeholder& o = pol.holders[h];
    if (o.office != race.office || o.district != race.district) continue;
    if (c.rng.at(tick, h, kRetire).uniform() < p.retirement) continue;
    Candidate k;
    k.name = o.name;
    k.party = o.party;
    k.org = o.endorsement_withdrawn ? -1 : o.org;
    k.origin = o.origin;
    k.position = o.position;
    k.platform = o.platform;
    k.quality = normal(draw(kQuality), p.quality_sd);
    k.heading = first_heading(p, draw(kHeading));
    k.incumbent = static_cast<int>(h);
    add(k);
  }
  // One candidate per party unless it already has one of its own on the line.
  for (size_t q = 0; q < pol.parties.size(); ++q) {
    bool has = false;
    for (int id : race.candidates) {
      const Candidate& k = pol.candidates[static_cast<size_t>(id)];
      has |= k.party == static_cast<int>(q) && k.origin == Origin::establishment;
    }
    if (has) continue;
    Candidate k;
    k.name = candidate_name(w, race, pol.parties[q].name, c.tick);
    k.party = static_cast<int>(q);
    k.position = party_bounds(pol, static_cast<int>(q), p)
                     .clamp(pol.parties[q].position + normal(draw(kPlace), p.newcomer_spread));
    k.platform = pol.parties[q].position;
    k.quality = normal(draw(kQuality), p.quality_sd);
    k.heading = first_heading(p, draw(kHeading));
    add(k);
  }
  // Organizations that run candidates.
  const TieLayout layout = w.tie_layout();
  double share = 0;
  if (race.district >= 0) {
    share = est_share[static_cast<size_t>(race.district)];
  } else {
    for (size_t d = 0; d < w.districts.size(); ++d)
      share += est_share[d] * static_cast<double>(w.districts[d].size()) / static_cast<double>(w.size());
  }
  const double residents = static_cast<double>(w.constituency(race.district).size());
  const OfficeSpec& office = pol.office_specs[static_cast<size_t>(race.office)];
  for (size_t o = 0; o < w.orgs.size(); ++o) {
    const Org& org = w.orgs[o];
    if (org.spec.candidates == Candidacy::none) continue;
    bool has = false;
    for (int id : race.candidates) has |= pol.candidates[static_cast<size_t>(id)].org == static_cast<int>(o);
    if (has || !contests(org, layout, race.district)) continue;
    const double petition_hours =
        pol.access.signatures_per_hour > 0
            ? office.signatures * residents / (pol.access.signatures_per_hour * (1 - pol.access.struck) + 1e-12)
            : 0.0;
    const double available = org.hours[kElectoral] * pol.access.petition_share * double(pol.access.petition_weeks);
    const bool independent = lists || pol.establishment < 0 || runs_independent(org, share, petition_hours, available);
    Candidate k;
    k.name = candidate_name(w, race, org.spec.name, c.tick);
    k.party = independent ? -1 : pol.establishment;
    k.org = static_cast<int>(o);
    k.origin = static_cast<Origin>(static_cast<int>(org.spec.candidates));  // same order after `none`
    k.platform = org.spec.platform;
    k.position = org.spec.platform;
    k.quality = normal(draw(kQuality), p.quality_sd);
    if (k.origin == Origin::insurgent) {
      k.position += org.spec.platform < 0 ? p.insurgent_offset : -p.insurgent_offset;
      k.quality += p.insurgent_quality;
    }
    if (k.origin != Origin::cadre_campaign && !w.unions.empty()) {
      k.career_union = static_cast<int>(draw(kCareer).uniform() * static_cast<double>(w.unions.size()));
      k.career_tie = p.career_tie;
    }
    add(k);
  }
  // A primary when the establishment line has more than one candidate.
  int on_line = 0;
  for (int id : race.candidates) on_line += pol.candidates[static_cast<size_t>(id)].party == pol.establishment;
  race.primary = office.primary != PrimaryType::none && pol.establishment >= 0 && on_line > 1
                     ? std::max(race.general - p.primary_weeks, c.tick + 1)
                     : -1;
  if (race.primary >= race.general) race.primary = -1;  // a season too short for a primary
  race.union_backs.assign(w.unions.size(), -1);
  race.org_backs.assign(w.orgs.size(), -1);
  for (int id : race.candidates) {
    const Candidate& k = pol.candidates[static_cast<size_t>(id)];
    if (k.org >= 0) race.org_backs[static_cast<size_t>(k.org)] = id;
  }
}

void open_races(World& w, int office, const CandidatesParams& p, const Context& c) {
  auto& pol = w.politics;
  const OfficeSpec& spec = pol.office_specs[static_cast<size_t>(office)];
  const OfficeState& st = pol.offices[static_cast<size_t>(office)];
  const std::vector<double> est = establishment_share(w, c.pool);
  std::vector<int> districts;
  if (spec.constituency == Constituency::at_large) {
    districts.push_back(-1);
  } else {
    for (size_t d = 0; d < w.districts.size(); ++d) districts.push_back(static_cast<int>(d));
  }
  for (int d : districts) {
    Race race;
    race.office = office;
    race.district = d;
    race.rule = st.rule;
    race.seats = static_cast<int>(spec.seats);
    race.season_start = c.tick;
    race.general = st.next_election;
    pol.races.push_back(race);
    field(w, static_cast<int>(pol.races.size()) - 1, p, est, c);
  }
}

void reposition(World& w, int r, const CandidatesParams& p, const Context& c) {
  auto& pol = w.politics;
  const Poll poll_now = poll(w, r, static_cast<int>(p.poll_sample), c);
  int k = 0;
  for (int id : pol.races[static_cast<size_t>(r)].candidates) {
    Candidate& cand = pol.candidates[static_cast<size_t>(id)];
    if (!cand.on_ballot || k >= kMaxCandidates) continue;
    const double share = poll_now.share[static_cast<size_t>(k)];
    if (cand.party >= 0 && cand.org < 0) {
      switch (pol.parties[static_cast<size_t>(cand.party)].positioning) {
        case Positioning::sticker:
          break;
        case Positioning::aggregator:
          cand.position = poll_now.supporters_ideology[static_cast<size_t>(k)];
          break;
        case Positioning::hunter:
          // Laver (2005): keep going while support grows; when it falls, turn round (under
          // `laver` at a new random speed: a random heading in the opposite half-plane).
          if (share < cand.last_share)
            cand.heading = turned(cand.heading, p, c.rng.at(static_cast<uint32_t>(c.tick), static_cast<uint64_t>(id), kTurn));
          cand.position = cand.position + p.step * cand.heading;
          break;
      }
      cand.position = party_bounds(pol, cand.party, p).clamp(cand.position);
    }
    cand.last_share = share;
    ++k;
  }
}
}  // namespace

void init(World& w, const CandidatesParams&, const Context&) {
  auto& pol = w.politics;
  pol.offices.clear();
  for (const auto& spec : pol.office_specs) pol.offices.push_back({spec.rule, spec.first_election, 0.0, false});
  pol.establishment = -1;
  for (size_t q = 0; q < pol.parties.size(); ++q)
    if (pol.parties[q].establishment) pol.establishment = static_cast<int>(q);
}

void step(World& w, const CandidatesParams& p, const Context& c) {
  auto& pol = w.politics;
  for (size_t o = 0; o < pol.offices.size(); ++o) {
    OfficeState& st = pol.offices[o];
    if (st.next_election <= c.tick) st.next_election += pol.office_specs[o].term_weeks;  // the last one is held
    if (std::max<int64_t>(0, st.next_election - p.season_weeks) == c.tick) open_races(w, static_cast<int>(o), p, c);
  }
  if ((c.tick % p.poll_weeks) != 0) return;
  for (size_t r = 0; r < pol.races.size(); ++r)
    if (!pol.races[r].held && pol.races[r].general > c.tick) reposition(w, static_cast<int>(r), p, c);
}

}  // namespace tribune
