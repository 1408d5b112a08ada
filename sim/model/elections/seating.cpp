// Seating the winners of a general election.
#include "model/elections/seating.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "core/context.h"
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

void seat(World& w, int r, const std::vector<std::pair<int, int>>& winners, const Context& c) {
  auto& pol = w.politics;
  const Race& race = pol.races[static_cast<size_t>(r)];
  const OfficeSpec& office = pol.office_specs[static_cast<size_t>(race.office)];
  std::vector<Officeholder> kept;
  std::vector<Officeholder> leaving;
  for (auto& h : pol.holders) (h.office == race.office && h.district == race.district ? leaving : kept).push_back(h);
  const double electorate = static_cast<double>(w.constituency(race.district).size());
  const bool executive = office.level == OfficeLevel::mayor || office.level == OfficeLevel::governor;
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
      h.origin = k.origin;
      h.visibility = executive ? 1.0 : race.district < 0 ? 0.6 : 0.3;
      h.held = held_shares(k, pol.vote, electorate);
      h.term_end = c.tick + office.term_weeks;
      kept.push_back(h);
    }
  }
  pol.holders = std::move(kept);
}

}  // namespace tribune
