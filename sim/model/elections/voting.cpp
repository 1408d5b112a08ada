// M20 voting and counting (see voting.h for the model).
#include "model/elections/voting.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include "core/context.h"
#include "model/elections/ballot.h"
#include "world/world.h"

namespace tribune {

namespace {
enum Purpose : uint32_t { kIdentify = 1 };

// Party identification: with probability sum of identifiers, a party, chosen with weights
// identifiers_p x exp(-(x - position_p)^2 / (2 * 0.3^2)) normalized so that each party's share
// of identifiers is close to its declared share; strength uniform in strength_mean +- 0.3.
void identify(World& w, const std::vector<PartySpec>& parties, const VotingParams& p, const Context& c) {
  auto& P = w.persons;
  const size_t n_parties = parties.size();
  double identifiers = 0;
  for (const auto& party : parties) identifiers += party.identifiers;
  c.pool.for_each(w.size(), [&](int64_t i) {
    P.party[i] = -1;
    P.party_strength[i] = 0;
    if (n_parties == 0) return;
    Stream s = c.rng.at(kSetupTick, static_cast<uint64_t>(i), kIdentify);
    if (s.uniform() >= std::min(1.0, identifiers)) return;
    std::array<double, 16> weight{};
    double total = 0;
    for (size_t k = 0; k < n_parties && k < weight.size(); ++k) {
      const double d = (P.ideology[i] - parties[k].position) / 0.3;
      weight[k] = parties[k].identifiers * std::exp(-0.5 * d * d);
      total += weight[k];
    }
    double u = s.uniform() * total;
    size_t k = 0;
    while (k + 1 < n_parties && u >= weight[k]) u -= weight[k++];
    P.party[i] = static_cast<int8_t>(k);
    P.party_strength[i] = static_cast<float>(std::clamp(p.strength_mean + 0.6 * (s.uniform() - 0.5), 0.0, 1.0));
  });
}
}  // namespace

void init(World& w, const VotingParams& p, const Context& c) {
  VoteWeights& v = w.politics.vote;
  v = VoteWeights{p.turnout_base,     p.turnout_hope, p.turnout_party, p.turnout_contact, p.turnout_salience,
                  p.primary_salience, p.proximity,    p.party,         p.incumbency,      p.endorsement,
                  p.contact,          p.media,        p.strategic};
  identify(w, w.politics.parties, p, c);
  w.events["elections"] = EventTable("election results, one row per candidate and count (M20)",
                                     {{"tick", EventColumn::Type::Int, "weeks"},
                                      {"office", EventColumn::Type::Text, ""},
                                      {"district", EventColumn::Type::Text, "'' when at large"},
                                      {"stage", EventColumn::Type::Text, "primary, general or runoff"},
                                      {"candidate", EventColumn::Type::Text, ""},
                                      {"line", EventColumn::Type::Text, "party or 'independent'"},
                                      {"origin", EventColumn::Type::Text, ""},
                                      {"organization", EventColumn::Type::Text, "'' for none"},
                                      {"position", EventColumn::Type::Real, "ideology"},
                                      {"votes", EventColumn::Type::Real, "votes"},
                                      {"share", EventColumn::Type::Real, "1"},
                                      {"seats", EventColumn::Type::Int, "seats won (0 or more)"},
                                      {"incumbent", EventColumn::Type::Int, "1 for the officeholder running again"},
                                      {"electorate", EventColumn::Type::Real,
                                       "residents eligible to vote in this count (a primary: the party's)"}});
}

void step(World& w, const VotingParams&, const Context& c) {
  auto& pol = w.politics;
  for (size_t r = 0; r < pol.races.size(); ++r) {
    Race& race = pol.races[r];
    if (race.held) continue;
    if (race.primary == c.tick && !race.primary_held) hold_primary(w, static_cast<int>(r), c);
    if (race.general == c.tick) hold_general(w, static_cast<int>(r), c);
  }
}

}  // namespace tribune
