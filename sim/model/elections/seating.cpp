// Seating the winners of a general election.
#include "model/elections/seating.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "core/context.h"
#include "model/elections/counting.h"
#include "world/world.h"

namespace tribune {

std::array<double, kHolders> held_shares(const Candidate& k, const VoteWeights& v, double electorate) {
  const Ledger& l = k.ledger;
  auto total = [](const std::array<double, kHolders>& a) { return a[0] + a[1] + a[2]; };
  const double hours = total(l.hours), money = total(l.money);
  const double reach = electorate > 0 ? 1.0 - std::exp(-k.contacts / electorate) : 0.0;
  std::array<double, kHolders> effect{};
  for (int h = 0; h < kHolders; ++h) {
    if (hours > 0) effect[h] += l.hours[h] / hours * v.contact * reach * electorate;
    if (money > 0) effect[h] += l.money[h] / money * v.media * std::max(0.0, k.media) * electorate;
    effect[h] += v.endorsement * l.endorsements[h];
  }
  const double sum = total(effect);
  std::array<double, kHolders> shares{};
  if (sum > 0) {
    for (int h = 0; h < kHolders; ++h) shares[h] = effect[h] / sum;
  } else {  // nothing but the candidate's own appeal (or the party's, for an establishment candidate)
    shares[k.origin == Origin::establishment ? kByEstablishment : kByCandidate] = 1;
  }
  return shares;
}

namespace {
double visibility_of(const OfficeSpec& office, int district) {
  const bool executive = office.level == OfficeLevel::mayor || office.level == OfficeLevel::governor;
  return executive ? 1.0 : district < 0 ? 0.6 : 0.3;
}
}  // namespace

void seat_at_start(World& w, const std::vector<OfficeholderSpec>& specs) {
  auto& pol = w.politics;
  for (const auto& s : specs) {
    const OfficeSpec& office = pol.office_specs[static_cast<size_t>(s.office_id)];
    Officeholder h;
    h.name = s.name;
    h.office = s.office_id;
    h.district = s.district_id;
    h.party = s.party_id;
    h.org = s.org_id;
    h.origin = s.origin;
    h.position = s.position;
    h.platform = s.platform;
    h.visibility = visibility_of(office, s.district_id);
    h.held = {s.held_by_organization, s.held_by_candidate, s.held_by_establishment};
    h.since = 0;
    h.term_end = office.first_election;
    pol.holders.push_back(h);
  }
  const int parties = static_cast<int>(pol.parties.size());
  if (parties == 0) return;
  for (size_t o = 0; o < pol.office_specs.size(); ++o) {
    const OfficeSpec& office = pol.office_specs[o];
    if (!office.seated_at_start) continue;
    std::vector<int> districts;
    if (office.constituency == Constituency::at_large)
      districts.push_back(-1);
    else
      for (size_t d = 0; d < w.districts.size(); ++d) districts.push_back(static_cast<int>(d));
    for (int d : districts) {
      int taken = 0;
      for (const auto& h : pol.holders) taken += h.office == static_cast<int>(o) && h.district == d;
      if (taken >= office.seats) continue;
      // Identifiers per party in the constituency; the seats still empty go by D'Hondt over them
      // (one seat: the party with the most).
      std::vector<double> ids(static_cast<size_t>(parties), 0.0);
      const District where = w.constituency(d);
      for (int64_t i = where.begin; i < where.end; ++i)
        if (w.persons.party[i] >= 0) ids[static_cast<size_t>(w.persons.party[i])] += 1;
      const std::vector<int> seats = dhondt(ids, static_cast<int>(office.seats) - taken);
      for (int q = 0; q < parties; ++q)
        for (int k = 0; k < seats[static_cast<size_t>(q)]; ++k) {
          Officeholder h;
          const std::string place = d < 0 ? std::string("city") : w.districts[static_cast<size_t>(d)].name;
          h.name = office.name + "/" + place + "/" + pol.parties[static_cast<size_t>(q)].name + "/seated";
          if (office.seats > 1)
            h.name += std::string("#") += std::to_string(k + 1);  // no "lit" + string&& (GCC 105329)
          h.office = static_cast<int>(o);
          h.district = d;
          h.party = q;
          h.position = h.platform = pol.parties[static_cast<size_t>(q)].position;
          h.visibility = visibility_of(office, d);
          h.held = {0, 0, 1};
          h.term_end = office.first_election;
          pol.holders.push_back(h);
        }
    }
  }
}

void seat(World& w, int r, const std::vector<std::pair<int, int>>& winners, const Context& c) {
  auto& pol = w.politics;
  const Race& race = pol.races[static_cast<size_t>(r)];
  const OfficeSpec& office = pol.office_specs[static_cast<size_t>(race.office)];
  std::vector<Officeholder> kept;
  std::vector<Officeholder> leaving;
  for (auto& h : pol.holders) (h.office == race.office && h.district == race.district ? leaving : kept).push_back(h);
  const double electorate = static_cast<double>(w.constituency(race.district).size());
  for (const auto& [id, seats] : winners) {
    const Candidate& k = pol.candidates[static_cast<size_t>(id)];
    for (int s = 0; s < seats; ++s) {
      Officeholder h;
      bool returning = false;
      if (k.incumbent >= 0)
        for (const auto& old : leaving)
          if (old.name == k.name) h = old, returning = true;  // re-elected: keeps its record and position
      if (!returning) {
        h.since = c.tick;
        h.position = k.position;
        h.platform = k.platform;
      }
      h.name = seats > 1 ? k.name + "#" + std::to_string(s + 1) : k.name;
      h.office = race.office;
      h.district = race.district;
      h.party = k.party;
      h.org = k.org;
      if (h.org < 0)  // a candidate an organization endorsed (M10): it backs the officeholder
        for (size_t o = 0; o < race.org_backs.size() && h.org < 0; ++o)
          if (race.org_backs[o] == id) h.org = static_cast<int>(o);
      h.origin = k.origin;
      h.visibility = visibility_of(office, race.district);
      h.held = held_shares(k, pol.vote, electorate);
      h.term_end = c.tick + office.term_weeks;
      kept.push_back(h);
    }
  }
  pol.holders = std::move(kept);
}

}  // namespace tribune
