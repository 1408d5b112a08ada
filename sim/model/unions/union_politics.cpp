// M16 union politics: Union::insurgent_endorsement = logistic(base + growth_weight x growth +
// density_weight x density + left_leadership [if left-led] + rank_and_file_weight x organized share);
// with it, each union's endorsement in every race in season.
#include "model/unions/union_politics.h"

#include <cmath>

#include "core/context.h"
#include "model/unions/union_tables.h"
#include "world/world.h"

namespace tribune {

enum Purpose : uint32_t { kEndorse = 1 };

void init(World& w, const UnionPoliticsParams&, const Context&) {
  for (auto& u : w.unions) u.insurgent_endorsement = 0;
}

namespace {
// The organization candidate a union would back as an insurgent: the one whose organization
// (or own career) ties it most closely to the union.
int insurgent_for(const World& w, const Race& race, size_t u) {
  int best = -1;
  double best_tie = -1;
  for (int id : race.candidates) {
    const Candidate& k = w.politics.candidates[static_cast<size_t>(id)];
    if (!k.on_ballot || k.org < 0) continue;
    const Org& org = w.orgs[static_cast<size_t>(k.org)];
    double tie = org.ties.org.empty() ? 0.0 : org.ties.total(static_cast<int>(u));
    if (k.career_union == static_cast<int>(u)) tie += k.career_tie;
    if (tie > best_tie) best = id, best_tie = tie;
  }
  return best;
}

// The establishment's choice: the incumbent if one runs, else the establishment line's leading
// establishment candidate (the nominee once the primary is over).
int establishment_for(const World& w, const Race& race) {
  const auto& pol = w.politics;
  int pick = -1;
  for (int id : race.candidates) {
    const Candidate& k = pol.candidates[static_cast<size_t>(id)];
    if (!k.on_ballot) continue;
    if (k.incumbent >= 0) return id;
    if (pick < 0 && k.party == pol.establishment && (k.origin == Origin::establishment || race.primary_held)) pick = id;
  }
  return pick;
}

// Each union decides once per race (again if its candidate leaves the ballot): an insurgent with
// its propensity to back one, else the establishment's candidate (M16).
void endorse_races(World& w, const Context& c) {
  auto& pol = w.politics;
  for (size_t r = 0; r < pol.races.size(); ++r) {
    Race& race = pol.races[r];
    if (race.held || c.tick <= race.season_start || c.tick >= race.general) continue;
    for (size_t u = 0; u < race.union_backs.size(); ++u) {
      const int now = race.union_backs[u];
      if (now >= 0 && pol.candidates[static_cast<size_t>(now)].on_ballot) continue;
      const int insurgent = insurgent_for(w, race, u);
      const double draw = c.rng.at(static_cast<uint32_t>(c.tick), r * w.unions.size() + u, kEndorse).uniform();
      race.union_backs[u] =
          insurgent >= 0 && draw < w.unions[u].insurgent_endorsement ? insurgent : establishment_for(w, race);
    }
  }
}
}  // namespace

void step(World& w, const UnionPoliticsParams& p, const Context& c) {
  const UnionTally t = tally_unions(w, c.pool);
  for (size_t u = 0; u < w.unions.size(); ++u) {
    Union& un = w.unions[u];
    const double density = t.employees[u] > 0 ? t.members[u] / t.employees[u] : 0.0;
    const double organized = t.members[u] > 0 ? t.organizers[u] / t.members[u] : 0.0;
    const double x = p.base_logit + p.growth_weight * un.growth() + p.density_weight * density +
                     (un.left_led ? p.left_leadership : 0.0) + p.rank_and_file_weight * organized;
    un.insurgent_endorsement = logistic(x);
  }
  endorse_races(w, c);
}

}  // namespace tribune
