// libFuzzer: any bytes as `--set` overrides (one per line) on the baseline scenario. Invalid
// overrides must end in a ScenarioError, never a crash, a hang or a sanitizer report.
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>

#include "scenario/load.h"

namespace {
const std::string& baseline() {
  static const std::string text = [] {
    std::ifstream in(TRIBUNE_SOURCE_DIR "/scenarios/baseline.yaml");
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }();
  return text;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace tribune;
  LoadOptions o;
  std::stringstream lines(std::string(reinterpret_cast<const char*>(data), size));
  for (std::string line; std::getline(lines, line) && o.overrides.size() < 64;) o.overrides.push_back(line);
  try {
    load_scenario_text(baseline(), "baseline.yaml", o);
  } catch (const ScenarioError&) {
  }
  return 0;
}
