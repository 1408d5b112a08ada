// Experiments (see experiment.h).
#include "sweep/experiment.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "scenario/error.h"
#include "scenario/node.h"
#include "scenario/reader.h"
#include "scenario/schema.h"
#include "core/format.h"

namespace tribune::sweep {

namespace fs = std::filesystem;

namespace {
std::string read_text(const std::string& path) { return scenario::read_text_file(path, "experiment file"); }
}  // namespace

std::string experiment_json_schema() {
  return scenario::to_json_schema(
      scenario::SchemaGen::of<ExperimentSpec>("A tribune experiment: a sweep's design and parameters run on several "
                                              "scenarios over the same seeds (tribune compare)."),
      "tribune experiment", false);
}

bool is_experiment_file(const std::string& path) {
  try {
    const scenario::Node root = scenario::parse_yaml(read_text(path), path);
    return root.kind == scenario::Node::Kind::Map && root.find("scenarios") != nullptr;
  } catch (const ScenarioError&) {
    return false;  // not YAML: the scenario loader reports it
  }
}

Experiment load_experiment(const std::string& path) {
  Experiment e;
  e.file = path;
  e.text = read_text(path);
  const scenario::Node root = scenario::parse_yaml(e.text, path);
  scenario::Reader r(root);
  r.read_root(e.spec);
  r.throw_if_errors();
  if (e.spec.scenarios.size() < 2) r.error_at("scenarios", "an experiment compares at least two scenarios");
  for (size_t k = 0; k < e.spec.scenarios.size(); ++k) {
    const fs::path f = (fs::path(path).parent_path() / e.spec.scenarios[k]).lexically_normal();
    if (!fs::exists(f)) r.error_at("scenarios[" + std::to_string(k) + "]", "no scenario file '" + f.string() + "'");
    e.scenario_files.push_back(fs::absolute(f).lexically_normal().string());
  }
  r.throw_if_errors();
  return e;
}


ScenarioError Experiment::relocate(const ScenarioError& e, size_t k) const {
  if (text.empty()) return e;
  const scenario::Node root = scenario::parse_yaml(text, file);
  scenario::Reader r(root);
  ExperimentSpec again;
  r.read_root(again);  // records where each key was written
  std::vector<Diagnostic> out;
  for (Diagnostic d : e.diagnostics()) {
    const std::string path = d.path == "scenario" ? "scenarios[" + std::to_string(k) + "]" : d.path;
    if (!path.empty() && path != "name") {
      d.where = r.loc_of(path).str();
      d.path = path;
      d.message = "on " + fs::path(scenario_files.at(k)).stem().string() + ": " + d.message;
    }
    out.push_back(std::move(d));
  }
  return ScenarioError(std::move(out));
}

std::string Experiment::sweep_text(size_t k, const std::string& sweep_name) const {
  std::string t = "# written by `tribune compare` from experiment '" + spec.name + "': its design on one scenario\n";
  t += "name: " + yaml_quoted(sweep_name) + "\n";
  t += "scenario: " + yaml_quoted(scenario_files.at(k)) + "\n";
  t += "replicates: " + std::to_string(spec.replicates) + "\n";
  t += "seed: " + std::to_string(spec.seed) + "\n";
  t += "set: " + yaml_list(spec.set) + "\n";
  t += std::string("design: {kind: ") + kDesignNames[static_cast<int>(spec.design.kind)] +
       ", samples: " + std::to_string(spec.design.samples) + ", seed: " + std::to_string(spec.design.seed) + "}\n";
  t += "parameters:";
  if (spec.parameters.empty()) t += " []";
  t += "\n";
  for (const auto& p : spec.parameters) {
    t += "  - {path: " + yaml_quoted(p.path);
    if (!p.values.empty()) t += ", values: " + yaml_list(p.values);
    if (p.has_range()) t += ", min: " + format_number(p.min) + ", max: " + format_number(p.max);
    if (p.steps > 0) t += ", steps: " + std::to_string(p.steps);
    if (p.scale == Scale::log) t += ", scale: log";
    t += "}\n";
  }
  return t;
}

}  // namespace tribune::sweep
