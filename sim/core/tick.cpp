// One week of the model, phase by phase, in the order of design/MODEL.md §3.
// This file is the model's table of contents: it holds only calls.
#include "core/simulation.h"

namespace tribune {

void Simulation::tick() {
  // 1. events: the scenario timeline (shocks, legitimacy shifts, ...)
  run(&Mechanisms::timeline);
  // 2. economy: grievance from class and shocks
  run(&Mechanisms::grievance);
  // 3. influence: opinion and hope over social ties (one pass over the ties serves both)
  influence();
  // 4. organizing: strategy and structure, hours given and where they go, relationships, the
  //    engagement ladder, treasury and memory, brand, national campaigns and what they leave behind
  run(&Mechanisms::strategy);
  run(&Mechanisms::structure);
  run(&Mechanisms::time_budget);
  run(&Mechanisms::relationships);
  run(&Mechanisms::engagement);
  run(&Mechanisms::memory);
  run(&Mechanisms::endorsement);
  run(&Mechanisms::campaign_handover);
  // 5. unions: organizing drives, militancy and strikes, leadership elections, politics
  run(&Mechanisms::union_growth);
  run(&Mechanisms::strikes);
  run(&Mechanisms::union_leadership);
  run(&Mechanisms::union_politics);
  // 6. movements: a left executive's call, who protests, the police, bursts of protest, and the
  //    organizations that sign protesters up
  run(&Mechanisms::organizer_in_chief);
  run(&Mechanisms::mobilization);
  run(&Mechanisms::repression);
  run(&Mechanisms::episodes);
  run(&Mechanisms::movement_recruitment);
  // 7. campaigns: seasons open and candidates run, campaigns gather hours, money and
  //    endorsements, independents petition
  run(&Mechanisms::candidates);
  run(&Mechanisms::campaigns);
  run(&Mechanisms::ballot_access);
  // 8. elections: primaries and general elections, counting, seats; electoral reform
  run(&Mechanisms::voting);
  run(&Mechanisms::electoral_reform);
  // 9. officeholders: institutional pressure and drift, movements' pressure, betrayal and
  //    accountability, the tribune
  run(&Mechanisms::pressure);
  run(&Mechanisms::movement_pressure);
  run(&Mechanisms::accountability);
  run(&Mechanisms::tribune_effect);
  // 10. legislation: reforms voted, vetoed, passed; capital's answer; credit for reforms
  run(&Mechanisms::legislation);
  run(&Mechanisms::credit);
  // 11. morale: what was won and lost this week weighs on those who invested in it
  run(&Mechanisms::morale);
  // 12. record
  record();
  ++world_.tick;
  if (done()) finish();  // what is still under way is written as such
}

}  // namespace tribune
