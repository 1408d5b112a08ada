// M18 ballot access: petitions for independent lines, and their deadline.
#include "model/elections/ballot_access.h"

#include "core/context.h"
#include "world/world.h"

namespace tribune {

void init(World& w, const BallotAccessParams& p, const Context&) {
  w.politics.access = AccessRules{p.signatures_per_hour, p.struck, p.petition_share, p.regularity, p.petition_weeks};
}

void step(World& w, const BallotAccessParams& p, const Context& c) {
  auto& pol = w.politics;
  for (auto& race : pol.races) {
    if (race.held) continue;
    const int64_t deadline = std::min(race.season_start + p.petition_weeks, race.general - 1);
    if (c.tick < race.season_start || c.tick > deadline) continue;
    const double residents = static_cast<double>(w.constituency(race.district).size());
    const double required = pol.office_specs[static_cast<size_t>(race.office)].signatures * residents;
    for (int id : race.candidates) {
      Candidate& k = pol.candidates[static_cast<size_t>(id)];
      if (!k.petitioning() || !k.on_ballot) continue;
      if (c.tick < deadline) {
        double hours = 0;
        for (double h : k.week_hours) hours += h;
        k.signatures += hours * p.petition_share * p.signatures_per_hour;
      } else {
        k.on_ballot = k.signatures * (1 - p.struck) >= required;
      }
    }
  }
}

}  // namespace tribune
