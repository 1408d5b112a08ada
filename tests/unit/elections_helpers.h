#pragma once
// Reduced worlds for the election mechanisms (M17-M20): everything that does not bear on the
// election is switched off, so that the scenario language is shown to express the canonical
// checks.
#include <string>

#include "helpers.h"
#include "world/world.h"

namespace tribune::test {

// Switches off the society, organizing and union mechanisms (opinion stays put, hope stays at
// its start).
inline std::vector<std::string> quiet_world() {
  std::vector<std::string> off;
  for (const char* m : {"grievance", "opinion", "hope", "strategy", "structure", "time_budget", "relationships",
                        "engagement", "memory", "endorsement", "campaign_handover", "union_growth", "strikes",
                        "union_leadership", "union_politics", "mobilization"})
    off.push_back(std::string("mechanisms.") + m + ".enabled=false");
  return off;
}

// Many protest from the first weeks (thresholds low, no police); everything but the time budget,
// mobilization and episodes is off, so M30 is the only way onto a list; members' own pull toward
// protest (M5) is off, so an organization's movement hours are only what its allocation gives.
inline std::vector<std::string> protest_sets() {
  std::vector<std::string> sets = quiet_world();
  for (const char* s : {"mechanisms.mobilization.enabled=true", "mechanisms.time_budget.enabled=true",
                        "mechanisms.mobilization.threshold_mean=0.05", "mechanisms.mobilization.police_per_1000=0",
                        "mechanisms.repression.enabled=false", "mechanisms.time_budget.protest_pull=0"})
    sets.emplace_back(s);
  return sets;
}

// `districts` equal districts of `per_district` residents each; with `lean`, their ideology
// shifts spread evenly over [-lean, lean].
inline std::string many_districts(int districts, int per_district, int weeks, const std::string& extra,
                                  double lean = 0) {
  std::string ds;
  for (int d = 0; d < districts; ++d) {
    const double shift = districts > 1 ? lean * (2.0 * d / (districts - 1) - 1) : 0.0;
    ds += (d ? ", " : "") + std::string("{name: d") + std::to_string(d) + ", ideology_shift: " + std::to_string(shift) +
          "}";
  }
  return "name: unit\nhorizon_weeks: " + std::to_string(weeks) +
         "\nworld:\n  persons: " + std::to_string(districts * per_district) + "\n  districts: [" + ds + "]\n" + extra;
}

// An officeholder of organization 0 on its platform, holding `held` (organization, candidate,
// establishment) of its relationships; district -1 is at large.
inline Officeholder holder(Origin origin, std::array<double, kHolders> held, double platform = -0.6,
                           int district = -1) {
  Officeholder h;
  h.name = "test holder";
  h.office = 0;
  h.district = district;
  h.party = -1;
  h.org = 0;
  h.origin = origin;
  h.position = h.platform = platform;
  h.visibility = district < 0 ? 1.0 : 0.3;
  h.held = held;
  h.term_end = 1 << 30;
  return h;
}

}  // namespace tribune::test
