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
  // `not_shown`: errors found but not kept (the diagnostics then end with a line saying so).
  explicit ScenarioError(std::vector<Diagnostic> diags, size_t not_shown = 0);
  const std::vector<Diagnostic>& diagnostics() const { return diags_; }
  size_t count() const { return count_; }  // errors found, shown or not

 private:
  std::vector<Diagnostic> diags_;
  size_t count_ = 0;
};

}  // namespace tribune
