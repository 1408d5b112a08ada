// Experiments (see experiment.h).
#include "sweep/experiment.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "scenario/error.h"
#include "scenario/node.h"
#include "scenario/reader.h"
#include "scenario/writer.h"

namespace tribune::sweep {

namespace fs = std::filesystem;

namespace {
std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ScenarioError({Diagnostic{path, "", "cannot read the experiment file"}});
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
}  // namespace

bool is_experiment_file(const std::string& path) {
  try {
    const scenario::Node root = scenario::parse_yaml(read_text(path), path);
    return root.kind == scenario::Node::Kind::Map && root.find("scenarios") != nullptr;
  } catch (const ScenarioError&) {
    return false;  // not YAML: the scenario loader reports it
  }
}

Experiment load_experiment(const std::string& path) {
  const scenario::Node root = scenario::parse_yaml(read_text(path), path);
  scenario::Reader r(root);
  Experiment e;
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

std::string Experiment::sweep_text(size_t k, const std::string& sweep_name) const {
  SweepSpec s;
  s.name = sweep_name;
  s.scenario = scenario_files.at(k);
  s.replicates = spec.replicates;
  s.seed = spec.seed;
  s.set = spec.set;
  s.design = spec.design;
  s.parameters = spec.parameters;
  return "# written by `tribune compare` from experiment '" + spec.name + "': its design on one scenario\n" +
         scenario::Writer().write_root(s);
}

}  // namespace tribune::sweep
