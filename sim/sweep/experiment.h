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

#include "sweep/sweep_spec.h"

namespace tribune::sweep {

struct ExperimentSpec {
  std::string name, question;
  std::vector<std::string> scenarios;
  int64_t replicates = 1;
  int64_t seed = 1;
  std::vector<std::string> set;
  Design design;
  std::vector<Parameter> parameters;
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
    v.list("parameters", parameters, {.doc = "the assumptions varied, as in a sweep file"});
  }
};

struct Experiment {
  ExperimentSpec spec;
  std::vector<std::string> scenario_files;  // resolved against the experiment file
  // The sweep file of scenario k: the experiment's design and parameters on that scenario.
  std::string sweep_text(size_t k, const std::string& sweep_name) const;
};

// Does the YAML file have a top-level `scenarios:` key (an experiment rather than a scenario)?
bool is_experiment_file(const std::string& path);
// Read an experiment file. Throws ScenarioError with located diagnostics.
Experiment load_experiment(const std::string& path);

}  // namespace tribune::sweep
