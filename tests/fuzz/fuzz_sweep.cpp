// libFuzzer: any bytes as a sweep file over the baseline scenario. Invalid input must end in a
// ScenarioError, never a crash, a hang or a sanitizer report.
#include <cstddef>
#include <cstdint>
#include <string>

#include "baseline.h"
#include "scenario/error.h"
#include "sweep/sweep_spec.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    tribune::sweep::load_sweep_frozen(std::string(reinterpret_cast<const char*>(data), size), "fuzz_sweep.yaml",
                                      baseline_scenario(), "baseline.yaml");
  } catch (const tribune::ScenarioError&) {
  }
  return 0;
}
