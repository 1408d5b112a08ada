// M21 electoral reform.
#include "model/elections/electoral_reform.h"

#include <algorithm>

#include "core/context.h"
#include "world/world.h"

namespace tribune {

namespace {
// Did the establishment line lose this race to vote splitting?
bool lost_to_splitting(const World& w, const Race& race) {
  const auto& pol = w.politics;
  double winner = 0, establishment = 0, independents = 0;
  bool establishment_won = false;
  for (int id : race.candidates) {
    const Candidate& k = pol.candidates[static_cast<size_t>(id)];
    if (!k.on_ballot) continue;
    const bool est = k.party >= 0 && k.party == pol.establishment;
    if (k.won) winner = k.votes, establishment_won = est;
    if (est) establishment += k.votes;
    if (k.party < 0) independents += k.votes;
  }
  if (establishment_won || establishment <= 0 || independents <= 0) return false;
  return establishment + independents > winner;
}
}  // namespace

double adoption_probability(double splits, const ElectoralReformParams& p) {
  return std::clamp(p.adoption * splits, 0.0, 1.0);
}

void init(World& w, const ElectoralReformParams&, const Context&) {
  w.events["electoral_reforms"] = EventTable("offices whose electoral rule changed after vote splitting (M21)",
                                             {{"tick", EventColumn::Type::Int, "weeks"},
                                              {"office", EventColumn::Type::Text, ""},
                                              {"from", EventColumn::Type::Text, ""},
                                              {"to", EventColumn::Type::Text, ""},
                                              {"splits", EventColumn::Type::Real, "1"}});
}

void step(World& w, const ElectoralReformParams& p, const Context& c) {
  auto& pol = w.politics;
  for (size_t o = 0; o < pol.offices.size(); ++o) {
    OfficeState& st = pol.offices[o];
    double races = 0, lost = 0;
    for (const auto& race : pol.races)
      if (race.office == static_cast<int>(o) && race.held && race.general == c.tick && race.rule == Rule::plurality) {
        races += 1;
        lost += lost_to_splitting(w, race);
      }
    if (races == 0) continue;
    st.splits = p.memory * st.splits + lost / races;
    const OfficeSpec& spec = pol.office_specs[o];
    if (st.reformed || spec.reform_to == Rule::plurality) continue;
    if (c.rng.at(static_cast<uint32_t>(c.tick), o).uniform() < adoption_probability(st.splits, p)) {
      st.rule = spec.reform_to;
      st.reformed = true;
      w.events["electoral_reforms"].add({c.tick, spec.name, std::string(kRuleNames[0]),
                                         std::string(kRuleNames[static_cast<int>(spec.reform_to)]), st.splits});
    }
  }
}

}  // namespace tribune
