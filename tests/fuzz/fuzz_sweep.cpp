// libFuzzer: any bytes as a sweep file over the baseline scenario. Invalid input must end in a
// ScenarioError, never a crash, a hang or a sanitizer report.
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>

#include "scenario/error.h"
#include "sweep/sweep_spec.h"

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
  try {
    tribune::sweep::load_sweep_frozen(std::string(reinterpret_cast<const char*>(data), size), "fuzz_sweep.yaml",
                                      baseline(), "baseline.yaml");
  } catch (const tribune::ScenarioError&) {
  }
  return 0;
}
