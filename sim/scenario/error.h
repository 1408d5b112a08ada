#pragma once
// Invalid user input: a scenario, an override, a command-line value. Exit code 2.
#include <stdexcept>
#include <string>
#include <vector>

namespace tribune {

struct Diagnostic {
  std::string where;  // "file:line:col"
  std::string path;   // key path, "mechanisms.opinion.epsilon"
  std::string message;
  std::string str() const;
};

class ScenarioError : public std::runtime_error {
 public:
  explicit ScenarioError(std::vector<Diagnostic> diags);
  const std::vector<Diagnostic>& diagnostics() const { return diags_; }

 private:
  std::vector<Diagnostic> diags_;
};

}  // namespace tribune
