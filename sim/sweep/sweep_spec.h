#pragma once
// A sweep file: a base scenario, the parameters to vary (by their scenario key paths), a design,
// and a number of replicates. Read with the scenario's own reader, so bad sweep files get the
// same located errors (file:line:col, key path) and exit code 2.
//
//   name: friction
//   scenario: ../scenarios/baseline.yaml     # relative to the sweep file
//   replicates: 4
//   seed: 7                                  # optional; default: the scenario's seed
//   set: ["world.persons=10000"]             # optional fixed overrides
//   design: {kind: lhs, samples: 32, seed: 1}
//   parameters:
//     - {path: mechanisms.legislation.translation_friction, min: 0.1, max: 0.9}
//     - {path: voting.rule, values: [plurality, irv]}             # factorial only
//     - {path: mechanisms.institutional_pressure.rate, min: 0.001, max: 0.1, steps: 3, scale: log}
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "core/fields.h"

namespace tribune::scenario {
struct Node;
}

namespace tribune::sweep {

enum class DesignKind { factorial, random, lhs, sobol, saltelli };
inline constexpr const char* kDesignNames[] = {"factorial", "random", "lhs", "sobol", "saltelli"};
enum class Scale { linear, log };
inline constexpr const char* kScaleNames[] = {"linear", "log"};

struct Design {
  DesignKind kind = DesignKind::factorial;
  int64_t samples = 0;
  int64_t seed = 1;
  bool second_order = false;  // saltelli: also the BA_i mixes, for second-order indices
  template <class V>
  void fields(V& v) {
    v.choice("kind", kind, kDesignNames,
             {.doc = "factorial (every combination of the parameters' values), random (uniform), lhs (Latin "
                     "hypercube), sobol (quasi-random), saltelli (for Sobol sensitivity indices)"});
    v.integer("samples", samples,
              {.doc = "points of a random, lhs or sobol design; base samples N of a saltelli design (N (d + 2) "
                      "points); unused by factorial",
               .min = 0,
               .max = 10000000});
    v.integer("seed", seed, {.doc = "seed of the random and lhs draws", .min = 0});
    v.flag("second_order", second_order,
           {.doc = "saltelli: also the d mixes BA_i (B with column i from A) of each base row, N (2d + 2) points in "
                   "all, so that second-order Sobol indices can be estimated (Saltelli 2002)"});
  }
};

struct Parameter {
  std::string path;
  std::vector<std::string> values;  // a list (factorial only); strings, as they would be written
  double min = std::numeric_limits<double>::quiet_NaN(), max = std::numeric_limits<double>::quiet_NaN();
  int64_t steps = 0;  // factorial over a range: this many evenly spaced values
  Scale scale = Scale::linear;
  bool has_range() const { return min == min && max == max; }  // both given (not NaN)
  bool integer = false;  // set by the loader: the scenario key takes whole numbers
  std::string unit;      // set by the loader: the key's unit in the scenario reference
  template <class V>
  void fields(V& v) {
    v.text("path", path, {.doc = "scenario key path, as for --set", .required = true});
    v.names("values", values, {.doc = "the values to take (factorial designs)"});
    v.num("min", min, {.doc = "lower end of the range"});
    v.num("max", max, {.doc = "upper end of the range"});
    v.integer("steps", steps,
              {.doc = "factorial over a range: evenly spaced values, ends included", .min = 0, .max = 1000000});
    v.choice("scale", scale, kScaleNames, {.doc = "linear, or log (even on the logarithm; min > 0)"});
  }
};

struct SweepSpec {
  std::string name;
  std::string scenario;  // path as written, relative to the sweep file
  int64_t replicates = 1;
  int64_t seed = -1;  // -1: the scenario's
  std::vector<std::string> set;
  Design design;
  std::vector<Parameter> parameters;
  template <class V>
  void fields(V& v) {
    v.text("name", name, {.doc = "sweep name", .required = true});
    v.text("scenario", scenario, {.doc = "base scenario file, relative to the sweep file", .required = true});
    v.integer("replicates", replicates,
              {.doc = "replicates per design point (seeds seed, seed + 1, ...: the same across points)",
               .min = 1,
               .max = 1000000});
    v.integer("seed", seed, {.doc = "seed of replicate 0 (default: the scenario's)", .min = 0});
    v.names("set", set, {.doc = "fixed overrides applied to every run, key.path=value"});
    v.object("design", design, {.doc = "how the points are chosen", .required = true});
    v.list("parameters", parameters, {.doc = "the parameters varied", .max = 100, .required = true});
  }
};

// One run of a sweep.
struct Run {
  int64_t id = 0, point = 0, replicate = 0, seed = 0;
  std::vector<std::string> values;  // per parameter, as passed to --set
};

// A loaded, validated sweep: the spec, the base scenario resolved, and every run.
struct Sweep {
  SweepSpec spec;
  std::string file;                                 // the sweep file as given
  std::string text;                                 // its text
  std::string base_yaml;                            // the base scenario, resolved (with `set` applied)
  std::string base_file;                            // the base scenario's path as resolved
  std::shared_ptr<const scenario::Node> base_tree;  // base_yaml parsed once, for the runs
  int64_t base_seed = 0;
  std::vector<Run> runs;
  int64_t points() const { return replicates() ? static_cast<int64_t>(runs.size()) / replicates() : 0; }
  int64_t replicates() const { return spec.replicates; }
  // The overrides that make run r from the base scenario.
  std::vector<std::string> overrides(const Run& r) const;
};

// JSON Schema of the sweep file format (`tribune schema --sweep`).
std::string sweep_json_schema();

// Read, validate (parameter paths against the base scenario) and expand a sweep file. Throws
// ScenarioError with located diagnostics.
Sweep load_sweep(const std::string& path);
// The same from the text stored in a sweep directory: `base_yaml` is taken as given (the base
// scenario as it was when the sweep was planned).
Sweep load_sweep_frozen(const std::string& text, const std::string& name, const std::string& base_yaml,
                        const std::string& base_file);

// A string as a double-quoted YAML scalar, and a list of them in flow style: for the sweep files
// that commands write themselves (compare's per-scenario sweeps, run --replicates).
std::string yaml_quoted(const std::string& x);
std::string yaml_list(const std::vector<std::string>& xs);

}  // namespace tribune::sweep
