#include "scenario/error.h"

namespace tribune {

std::string Diagnostic::str() const {
  std::string s = where.empty() ? std::string("<unknown>") : where;
  s += ": ";
  if (!path.empty()) s += path + ": ";
  return s + message;
}

static std::string join(const std::vector<Diagnostic>& ds) {
  std::string s;
  for (const auto& d : ds) {
    if (!s.empty()) s += '\n';
    s += d.str();
  }
  return s;
}

ScenarioError::ScenarioError(std::vector<Diagnostic> diags, size_t not_shown)
    : std::runtime_error(join(diags)), diags_(std::move(diags)) {
  count_ = not_shown > 0 ? diags_.size() - 1 + not_shown : diags_.size();
}

}  // namespace tribune
