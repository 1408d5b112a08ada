#pragma once
// An experiment: the same sweep of assumptions run on several scenarios, so that strategies are
// compared point by point over the same seeds (`tribune compare EXPERIMENT.yaml`,
// scenarios/experiments/, docs/compare.md). It reads like a sweep file with `scenarios:` (a
// list, relative to the file) in place of `scenario:`:
//
//   name: friction
//   scenarios: [../movement_first.yaml, ../organizer_in_chief.yaml]
//   replicates: 4
//   seed: 1
//   set: ["world.persons=20000"]
//   design: {kind: factorial}
//   parameters:
//     - {path: mechanisms.legislation.translation_friction, min: 0.05, max: 0.95, steps: 4}
#include <string>
#include <vector>

#include "scenario/error.h"
#include "sweep/sweep_spec.h"

namespace tribune::sweep {

// Where an essay stands, as a rectangle over the experiment's first two parameters (drawn on the
// regime maps; not read by the runs).
struct Position {
  std::string label;
  double x_min = 0, x_max = 0, y_min = 0, y_max = 0;
  template <class V>
  void fields(V& v) {
    v.text("label", label, {.doc = "who holds this position, e.g. 'Smith (000)'", .required = true});
    v.num("x_min", x_min, {.doc = "the first parameter's range, lower end", .required = true});
    v.num("x_max", x_max, {.doc = "upper end", .required = true});
    v.num("y_min", y_min, {.doc = "the second parameter's range, lower end", .required = true});
    v.num("y_max", y_max, {.doc = "upper end", .required = true});
  }
};

struct ExperimentSpec {
  std::string name, question;
  std::vector<std::string> scenarios;
  int64_t replicates = 1;
  int64_t seed = 1;
  std::vector<std::string> set;
  Design design;
  std::vector<Parameter> parameters;
  std::vector<Position> positions;
  template <class V>
  void fields(V& v) {
    v.text("name", name, {.doc = "experiment name", .required = true});
    v.text("question", question, {.doc = "the question the experiment asks (also in its comment block)"});
    v.names("scenarios", scenarios, {.doc = "the scenarios compared, relative to this file", .required = true});
    v.integer("replicates", replicates,
              {.doc = "replicates per design point and scenario (seeds seed, seed + 1, ...)", .min = 2, .max = 1000000});
    v.integer("seed", seed, {.doc = "seed of replicate 0, the same for every scenario and point", .min = 0});
    v.names("set", set, {.doc = "fixed overrides applied to every run, key.path=value"});
    v.object("design", design, {.doc = "how the points are chosen, as in a sweep file", .required = true});
    v.list("parameters", parameters, {.doc = "the assumptions varied, as in a sweep file", .max = 100});
    v.list("positions", positions, {.doc = "the essays' positions over the first two parameters (for the maps)", .max = 100});
  }
};

struct Experiment {
  ExperimentSpec spec;
  std::string text;                         // the experiment file's text ('' for a plain comparison)
  std::vector<std::string> scenario_files;  // resolved against the experiment file
  // The sweep file of scenario k: the experiment's design and parameters on that scenario.
  std::string sweep_text(size_t k, const std::string& sweep_name) const;
  // The errors found in scenario k's generated sweep file, located in the experiment file
  // instead (its parameters, design and set are the experiment's own).
  ScenarioError relocate(const ScenarioError& e, size_t k) const;
  std::string file;  // the experiment file as given
};

// JSON Schema of the experiment file format (`tribune schema --experiment`).
std::string experiment_json_schema();
// Does the YAML file have a top-level `scenarios:` key (an experiment rather than a scenario)?
bool is_experiment_file(const std::string& path);
// Read an experiment file. Throws ScenarioError with located diagnostics.
Experiment load_experiment(const std::string& path);

}  // namespace tribune::sweep
