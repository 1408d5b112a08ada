// libFuzzer: any bytes as a scenario file. Invalid input must end in a ScenarioError (located,
// exit 2 in the CLI), never a crash, a hang, a sanitizer report or more than libFuzzer's memory
// limit; and a scenario that loads must load again, the same, from its resolved YAML (what every
// output file stores and `tribune run` accepts unchanged).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "scenario/load.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace tribune;
  Scenario s;
  try {
    s = load_scenario_text(std::string(reinterpret_cast<const char*>(data), size), "fuzz.yaml");
  } catch (const ScenarioError&) {
    return 0;
  }
  const std::string resolved = resolved_yaml(s);
  try {
    if (resolved_yaml(load_scenario_text(resolved, "resolved.yaml")) != resolved) std::abort();
  } catch (const ScenarioError&) {
    std::abort();  // a scenario that loaded must load from its own resolved form
  }
  return 0;
}
