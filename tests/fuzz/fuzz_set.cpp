// libFuzzer: any bytes as `--set` overrides (one per line) on the baseline scenario. Invalid
// overrides must end in a ScenarioError, never a crash, a hang or a sanitizer report.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "baseline.h"
#include "scenario/load.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace tribune;
  LoadOptions o;
  std::stringstream lines(std::string(reinterpret_cast<const char*>(data), size));
  for (std::string line; std::getline(lines, line) && o.overrides.size() < 64;) o.overrides.push_back(line);
  try {
    load_scenario_text(baseline_scenario(), "baseline.yaml", o);
  } catch (const ScenarioError&) {
  }
  return 0;
}
