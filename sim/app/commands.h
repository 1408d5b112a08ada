#pragma once
// The subcommands behind the CLI. Each returns the process exit code:
// 0 success, 1 runtime failure, 2 invalid input or usage, 130 interrupted.
#include <string>
#include <vector>

namespace tribune {

struct RunArgs {
  std::string scenario;
  std::string output;   // empty: results/<scenario file stem>.h5
  long long seed = -1;  // -1: the scenario's
  int threads = 0;      // 0: default_threads()
  std::vector<std::string> overrides;
  bool quiet = false;
  bool profile = false;  // per-phase wall time on stderr at the end
};

int run_command(const RunArgs& a);
int validate_command(const std::string& scenario, const std::vector<std::string>& overrides);
int info_command(const std::string& path);
int schema_command();
int reference_command();

}  // namespace tribune
