#pragma once
// Small worlds for unit tests, written as scenario YAML so that every test also exercises the
// scenario language.
#include <string>
#include <vector>

#include "engine/simulation.h"
#include "scenario/load.h"

namespace tribune::test {

// Two districts, `persons` residents, no timeline; `extra` is appended YAML (top-level keys).
inline std::string small_world(int persons = 4000, int weeks = 10, const std::string& extra = "") {
  return "name: unit\nhorizon_weeks: " + std::to_string(weeks) + "\nworld:\n  persons: " + std::to_string(persons) +
         "\n  districts: [{name: a}, {name: b, weight: 2}]\n" + extra;
}

// One left membership organization with the given strategy (five shares) and extra keys.
inline std::string one_org(const std::string& strategy =
                               "{electoral: 0.4, movement: 0.15, union: 0.1, "
                               "base_building: 0.2, internal: 0.15}",
                           const std::string& extra = "") {
  return "organizations:\n  - {name: left, members_per_resident: 0.01, strategy: " + strategy + extra + "}\n";
}

inline Scenario make_scenario(const std::string& yaml, std::vector<std::string> overrides = {}) {
  LoadOptions o;
  o.overrides = std::move(overrides);
  return load_scenario_text(yaml, "unit.yaml", o);
}

inline void run_all(Simulation& sim) {
  while (!sim.done()) sim.tick();
}

template <class T>
double mean(const std::vector<T>& v) {
  double s = 0;
  for (const auto& x : v) s += x;
  return v.empty() ? 0 : s / double(v.size());
}

}  // namespace tribune::test
