// Loading and expanding sweep files (see sweep_spec.h).
#include "sweep/sweep_spec.h"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "core/format.h"
#include "scenario/error.h"
#include "scenario/load.h"
#include "scenario/node.h"
#include "scenario/reader.h"
#include "scenario/schema.h"
#include "sweep/designs.h"

namespace tribune::sweep {

namespace fs = std::filesystem;

namespace {

std::string read_text(const std::string& path) { return scenario::read_text_file(path, "sweep file"); }

std::string format_value(double x, bool integer) {
  return integer ? std::to_string(static_cast<long long>(std::llround(x))) : format_number(x);
}

// The value at u in [0, 1) of a range parameter.
std::string at(const Parameter& p, double u) {
  if (p.integer) {
    const double lo = std::ceil(p.min), hi = std::floor(p.max);
    return format_value(std::min(hi, lo + std::floor(u * (hi - lo + 1))), true);
  }
  if (p.scale == Scale::log)
    return format_value(std::exp(std::log(p.min) + u * (std::log(p.max) - std::log(p.min))), false);
  return format_value(p.min + u * (p.max - p.min), false);
}

// A factorial parameter's values.
std::vector<std::string> levels(const Parameter& p) {
  if (!p.values.empty()) return p.values;
  std::vector<std::string> v;
  for (int64_t k = 0; k < p.steps; ++k) {
    const double f = p.steps == 1 ? 0.0 : static_cast<double>(k) / static_cast<double>(p.steps - 1);
    const double x = p.scale == Scale::log ? std::exp(std::log(p.min) + f * (std::log(p.max) - std::log(p.min)))
                                           : p.min + f * (p.max - p.min);
    v.push_back(format_value(x, p.integer));
  }
  return v;
}

// Does `path=value` apply to the base scenario? Returns the first diagnostic, or empty.
std::string try_value(const std::string& base_yaml, const std::string& base_file, const std::string& path,
                      const std::string& value) {
  try {
    LoadOptions o;
    o.overrides = {path + "=" + value};
    (void)load_scenario_text(base_yaml, base_file, o);
    return "";
  } catch (const ScenarioError& e) {
    return e.diagnostics().empty() ? std::string("invalid") : e.diagnostics().front().message;
  }
}

// Check the spec's parameters and design; report at the sweep file's locations.
void check(SweepSpec& s, scenario::Reader& r, const std::string& base_yaml, const std::string& base_file) {
  const bool factorial = s.design.kind == DesignKind::factorial;
  // No parameters: replicates of the base scenario (one point), as `tribune compare` makes them.
  if (s.parameters.empty() && !factorial)
    r.error_at("parameters", std::string("design kind '") + kDesignNames[static_cast<int>(s.design.kind)] +
                                 "' needs at least one parameter (a factorial design with none runs the replicates "
                                 "of the base scenario)");
  if (s.design.second_order && s.design.kind != DesignKind::saltelli)
    r.error_at("design.second_order", "second-order indices need the saltelli design (kind: saltelli)");
  if (!factorial && s.design.samples <= 0)
    r.error_at("design.samples", std::string("design kind '") + kDesignNames[static_cast<int>(s.design.kind)] + "'" +
                                     " needs samples >= 1 (the design size would be zero)");
  std::set<std::string> seen;
  for (size_t k = 0; k < s.parameters.size(); ++k) {
    Parameter& p = s.parameters[k];
    const std::string at_p = "parameters[" + std::to_string(k) + "]";
    if (!seen.insert(p.path).second) r.error_at(at_p + ".path", "'" + p.path + "' is already varied");
    if (p.path == "seed" || p.path == "replicate") {
      r.error_at(at_p + ".path", "the sweep sets '" + p.path + "' itself (use `seed:` and `replicates:`)");
      continue;
    }
    const bool list = !p.values.empty();
    if (list && p.has_range()) r.error_at(at_p + ".values", "give either values or min and max, not both");
    if (!factorial && list)
      r.error_at(at_p + ".values", std::string("design kind '") + kDesignNames[static_cast<int>(s.design.kind)] + "'" +
                                       " samples ranges: give min and max instead of values");
    if (!list && !p.has_range()) {
      r.error_at(at_p, "give values (a list) or a range (min and max)");
      continue;
    }
    if (p.has_range()) {
      if (!(p.min <= p.max)) r.error_at(at_p + ".max", "the range is empty: max must be at least min");
      if (p.scale == Scale::log && p.min <= 0) r.error_at(at_p + ".min", "a log scale needs min > 0");
      if (factorial && p.steps < 1)
        r.error_at(at_p + ".steps", "a factorial design over a range needs steps >= 1 (the design size would be zero)");
    }
    // Does the path name a parameter of the scenario, and do the values fit it? A key that takes
    // whole numbers says so when given a fraction: its ranges are then sampled as integers.
    if (!list && try_value(base_yaml, base_file, p.path, "0.5").find("expected a whole number") != std::string::npos)
      p.integer = true;
    p.unit = parameter_unit(p.path);
    const std::string first = list ? p.values.front() : format_value(p.integer ? std::ceil(p.min) : p.min, p.integer);
    const std::string problem = try_value(base_yaml, base_file, p.path, first);
    if (problem.rfind("unknown key", 0) == 0 || problem.find("is not a") != std::string::npos) {
      r.error_at(at_p + ".path", "'" + p.path + "' is not a parameter of the scenario: " + problem);
      continue;
    }
    if (!problem.empty()) {
      r.error_at(at_p + (list ? ".values[0]" : ".min"), "'" + first + "' does not fit '" + p.path + "': " + problem);
      continue;
    }
    const std::vector<std::string> rest =
        list ? std::vector<std::string>(p.values.begin() + 1, p.values.end())
             : std::vector<std::string>{format_value(p.integer ? std::floor(p.max) : p.max, p.integer)};
    for (size_t j = 0; j < rest.size(); ++j) {
      const std::string q = try_value(base_yaml, base_file, p.path, rest[j]);
      if (!q.empty())
        r.error_at(at_p + (list ? ".values[" + std::to_string(j + 1) + "]" : std::string(".max")),
                   "'" + rest[j] + "' does not fit '" + p.path + "': " + q);
    }
  }
}

// The design's points, each a value (as text) per parameter.
std::vector<std::vector<std::string>> expand(const SweepSpec& s) {
  std::vector<std::vector<std::string>> out;
  const int d = static_cast<int>(s.parameters.size());
  if (s.design.kind == DesignKind::factorial) {
    std::vector<std::vector<std::string>> lv;
    for (const auto& p : s.parameters) lv.push_back(levels(p));
    std::vector<size_t> idx(static_cast<size_t>(d), 0);
    for (const auto& l : lv)
      if (l.empty()) return out;
    while (true) {  // the first parameter varies slowest
      std::vector<std::string> point;
      for (int k = 0; k < d; ++k) point.push_back(lv[static_cast<size_t>(k)][idx[static_cast<size_t>(k)]]);
      out.push_back(std::move(point));
      int k = d - 1;
      while (k >= 0 && ++idx[static_cast<size_t>(k)] == lv[static_cast<size_t>(k)].size())
        idx[static_cast<size_t>(k--)] = 0;
      if (k < 0) break;
    }
    return out;
  }
  const uint64_t seed = static_cast<uint64_t>(s.design.seed);
  Points u;
  switch (s.design.kind) {
    case DesignKind::random:
      u = uniform_random(s.design.samples, d, seed);
      break;
    case DesignKind::lhs:
      u = latin_hypercube(s.design.samples, d, seed);
      break;
    case DesignKind::sobol:
      u = sobol(s.design.samples, d);
      break;
    case DesignKind::saltelli:
      u = saltelli(s.design.samples, d, s.design.second_order);
      break;
    case DesignKind::factorial:
      break;
  }
  for (const auto& row : u) {
    std::vector<std::string> point;
    for (int k = 0; k < d; ++k) point.push_back(at(s.parameters[static_cast<size_t>(k)], row[static_cast<size_t>(k)]));
    out.push_back(std::move(point));
  }
  return out;
}

Sweep build(const std::string& text, const std::string& name, const std::string* frozen_base,
            const std::string& frozen_file) {
  scenario::Node root = scenario::parse_yaml(text, name);
  scenario::Reader r(root);
  Sweep sw;
  sw.file = name;
  sw.text = text;
  r.read_root(sw.spec);
  r.throw_if_errors();
  // The base scenario, with the fixed overrides.
  if (frozen_base) {
    sw.base_yaml = *frozen_base;
    sw.base_file = frozen_file;
  } else {
    const fs::path base = fs::path(name).parent_path() / sw.spec.scenario;
    sw.base_file = base.lexically_normal().string();
    if (!fs::exists(base)) {
      r.error_at("scenario", "no scenario file '" + sw.base_file + "'");
      r.throw_if_errors();
    }
    LoadOptions o;
    o.overrides = sw.spec.set;
    try {
      sw.base_yaml = resolved_yaml(load_scenario(sw.base_file, o));
    } catch (const ScenarioError& e) {
      for (const auto& diag : e.diagnostics()) r.error_at("scenario", "the base scenario is invalid: " + diag.str());
      r.throw_if_errors();
    }
  }
  sw.base_tree = std::make_shared<const scenario::Node>(scenario::parse_yaml(sw.base_yaml, sw.base_file));
  const Scenario base = load_scenario_tree(*sw.base_tree);
  sw.base_seed = sw.spec.seed >= 0 ? sw.spec.seed : static_cast<int64_t>(base.seed);
  check(sw.spec, r, sw.base_yaml, sw.base_file);
  r.throw_if_errors();
  const auto points = expand(sw.spec);
  if (points.empty()) {
    r.error_at("parameters", "the design has no points");
    r.throw_if_errors();
  }
  int64_t id = 0;
  for (size_t j = 0; j < points.size(); ++j)
    for (int64_t rep = 0; rep < sw.spec.replicates; ++rep)
      sw.runs.push_back(Run{id++, static_cast<int64_t>(j), rep, sw.base_seed + rep, points[j]});
  return sw;
}
}  // namespace

std::vector<std::string> Sweep::overrides(const Run& r) const {
  std::vector<std::string> o = {"seed=" + std::to_string(r.seed), "replicate=" + std::to_string(r.replicate)};
  for (size_t k = 0; k < spec.parameters.size(); ++k) o.push_back(spec.parameters[k].path + "=" + r.values[k]);
  return o;
}

std::string sweep_json_schema() {
  return scenario::to_json_schema(
      scenario::SchemaGen::of<SweepSpec>("A tribune sweep: a base scenario, the parameters varied by their key paths "
                                         "(as for --set), a design and replicates."),
      "tribune sweep", false);
}

Sweep load_sweep(const std::string& path) {
  return build(read_text(path), path, nullptr, "");
}

Sweep load_sweep_frozen(const std::string& text, const std::string& name, const std::string& base_yaml,
                        const std::string& base_file) {
  return build(text, name, &base_yaml, base_file);
}

std::string yaml_quoted(const std::string& x) {
  std::string o = "\"";
  for (char ch : x) {
    if (ch == '"' || ch == '\\') o += '\\';
    o += ch;
  }
  return o + "\"";
}

std::string yaml_list(const std::vector<std::string>& xs) {
  std::string o = "[";
  for (size_t k = 0; k < xs.size(); ++k) o += (k ? ", " : "") + yaml_quoted(xs[k]);
  return o + "]";
}

}  // namespace tribune::sweep
