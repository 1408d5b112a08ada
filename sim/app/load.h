#pragma once
// Loading a scenario for a command: warnings and errors printed to stderr the same way everywhere.
#include <string>
#include <vector>

#include "scenario/error.h"
#include "scenario/load.h"

namespace tribune {

// Print every diagnostic ("error: file:line:col: path: message") and return exit code 2.
int report(const ScenarioError& e);
// Load with overrides; warnings go to stderr. Throws ScenarioError.
Scenario load_for_command(const std::string& path, const std::vector<std::string>& overrides);

}  // namespace tribune
