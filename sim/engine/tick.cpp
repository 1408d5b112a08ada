// One week of the model, phase by phase, in the order of design/MODEL.md §3.
// This file is the model's table of contents: it holds only calls. Each phase names the folder
// of sim/model/ that holds its mechanisms (one file per mechanism, named as its scenario key).
#include "engine/simulation.h"

namespace tribune {

void Simulation::tick() {
  // 1. events (model/events/): the scenario timeline (shocks, legitimacy shifts, ...)
  run(&Mechanisms::timeline);
  // 2. economy (model/society/): grievance from class and shocks
  run(&Mechanisms::grievance);
  // 3. influence (model/society/): opinion and hope over social ties (one pass over the ties
  //    serves both)
  influence();
  // 4. organizing (model/organizations/): strategy and structure, hours given and where they go,
  //    relationships, the engagement ladder, treasury and memory, brand, national campaigns and
  //    what they leave behind
  run(&Mechanisms::strategy);
  run(&Mechanisms::structure);
  run(&Mechanisms::time_budget);
  run(&Mechanisms::relationships);
  run(&Mechanisms::engagement);
  run(&Mechanisms::memory);
  run(&Mechanisms::endorsement);
  run(&Mechanisms::campaign_handover);
  // 5. unions (model/unions/): organizing drives, militancy and strikes, leadership elections,
  //    politics
  run(&Mechanisms::union_growth);
  run(&Mechanisms::strikes);
  run(&Mechanisms::union_leadership);
  run(&Mechanisms::union_politics);
  // 6. movements (model/movements/): a left executive's call, who protests, the police, bursts
  //    of protest, and the organizations that sign protesters up
  run(&Mechanisms::organizer_in_chief);
  run(&Mechanisms::mobilization);
  run(&Mechanisms::repression);
  run(&Mechanisms::episodes);
  run(&Mechanisms::movement_recruitment);
  // 7. campaigns (model/elections/): seasons open and candidates run, campaigns gather hours,
  //    money and endorsements, independents petition
  run(&Mechanisms::candidates);
  run(&Mechanisms::campaigns);
  run(&Mechanisms::ballot_access);
  // 8. elections (model/elections/): primaries and general elections, counting, seats;
  //    electoral reform
  run(&Mechanisms::voting);
  run(&Mechanisms::electoral_reform);
  // 9. officeholders (model/government/): institutional pressure and drift, movements' pressure,
  //    betrayal and accountability, the tribune
  run(&Mechanisms::institutional_pressure);
  run(&Mechanisms::movement_pressure);
  run(&Mechanisms::accountability);
  run(&Mechanisms::tribune_effect);
  // 10. legislation (model/government/): reforms voted, vetoed, passed; capital's answer; credit
  run(&Mechanisms::legislation);
  run(&Mechanisms::credit);
  // 11. morale (model/movements/): what was won and lost this week weighs on those who invested
  run(&Mechanisms::morale);
  // 12. record (engine/recorder): the week's series, then the clock
  record();
  ++world_.tick;
  if (done()) finish();  // what is still under way is written as such
}

}  // namespace tribune
