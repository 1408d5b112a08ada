#pragma once
// Loading a scenario: YAML files, `extends:`, `--set` overrides, validation and references,
// and the tools generated from the same declarations (resolved YAML, JSON Schema, reference).
#include <string>
#include <vector>

#include "engine/scenario.h"
#include "scenario/error.h"

namespace tribune::scenario {
struct Node;
}

namespace tribune {

struct LoadOptions {
  std::vector<std::string> overrides;           // "a.b.c=value", applied in order after `extends:`
  std::vector<Diagnostic>* warnings = nullptr;  // where to put warnings (valid but suspicious input)
};

// Load, merge, override, validate and resolve references. Throws ScenarioError listing every
// problem found, each with file:line:col and key path.
Scenario load_scenario(const std::string& path, const LoadOptions& opts = {});
Scenario load_scenario_text(const std::string& text, const std::string& name, const LoadOptions& opts = {});

// The same from a source tree already parsed (scenario/node.h), which is copied: a sweep parses
// its base scenario once and applies each run's overrides to a copy.
Scenario load_scenario_tree(scenario::Node root, const LoadOptions& opts = {});

// The scenario as YAML with every parameter at its value (stored in each output file).
std::string resolved_yaml(const Scenario& s);

// JSON Schema and Markdown reference of the scenario format.
std::string scenario_json_schema();
std::string scenario_reference_markdown();
// The unit the scenario reference gives for a key path as --set takes it ("" when the key has
// none or the path names no parameter).
std::string parameter_unit(const std::string& path);

}  // namespace tribune
