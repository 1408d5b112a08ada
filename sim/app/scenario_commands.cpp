// `tribune validate`, `tribune schema`, `tribune reference`, and the loading they share with `run`.
#include <cstdio>

#include "app/commands.h"
#include "app/load.h"
#include "sweep/experiment.h"
#include "sweep/sweep_spec.h"

namespace tribune {

int report(const ScenarioError& e) {
  for (const auto& d : e.diagnostics()) fprintf(stderr, "error: %s\n", d.str().c_str());
  if (e.count() > 1) fprintf(stderr, "%zu errors\n", e.count());
  return 2;
}

Scenario load_for_command(const std::string& path, const std::vector<std::string>& overrides) {
  LoadOptions opts;
  opts.overrides = overrides;
  std::vector<Diagnostic> warnings;
  opts.warnings = &warnings;
  Scenario s = load_scenario(path, opts);
  for (const auto& w : warnings) fprintf(stderr, "warning: %s\n", w.str().c_str());
  return s;
}

int validate_command(const std::string& path, const std::vector<std::string>& overrides) {
  try {
    Scenario s = load_for_command(path, overrides);
    printf("ok: %s: scenario '%s', %lld persons in %zu districts, %lld weeks, %zu timeline events\n", path.c_str(),
           s.name.c_str(), static_cast<long long>(s.world.persons), s.world.districts.size(),
           static_cast<long long>(s.horizon_weeks), s.mechanisms.timeline.events.size());
    return 0;
  } catch (const ScenarioError& e) {
    return report(e);
  }
}

int schema_command(bool sweep, bool experiment) {
  fputs((experiment ? sweep::experiment_json_schema() : sweep ? sweep::sweep_json_schema() : scenario_json_schema())
            .c_str(),
        stdout);
  return 0;
}

int reference_command() {
  fputs(scenario_reference_markdown().c_str(), stdout);
  return 0;
}

}  // namespace tribune
