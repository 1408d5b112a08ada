// Adding a timeline event kind is a one-file change: this file defines and registers a kind
// that exists only in the test binary, and the scenario language, the schema and the timeline
// pick it up with no other edit.
#include <catch2/catch.hpp>

#include "helpers.h"
#include "model/events/event_kind.h"

namespace tribune {
namespace {

struct TestHopeWave : EventOf<TestHopeWave> {
  static constexpr const char* kKind = "test_hope_wave";
  double lift = 0;
  template <class V>
  void fields(V& v) {
    v.num("lift", lift, {.doc = "hope impulse for everyone", .unit = "[0, 1]", .min = -1, .max = 1, .required = true});
  }
  void apply(World& w, int64_t) const override {
    std::fill(w.persons.hope_impulse.begin(), w.persons.hope_impulse.end(), static_cast<float>(lift));
    w.hope_impulses_pending = true;
  }
  double magnitude() const override { return lift; }
  std::string detail() const override { return "test"; }
};

}  // namespace

TRIBUNE_REGISTER_EVENT(TestHopeWave, "test-only: a wave of hope");

}  // namespace tribune

using namespace tribune;
using namespace tribune::test;

TEST_CASE("event kinds: a kind defined in one file is read, validated, documented and applied") {
  const std::string tl = "timeline:\n  - {week: 1, kind: test_hope_wave, lift: 0.3}\n";
  Simulation calm(make_scenario(small_world(3000, 3)), 2), wave(make_scenario(small_world(3000, 3, tl)), 2);
  run_all(calm);
  run_all(wave);
  CHECK(wave.recorder().last("hope_mean") > calm.recorder().last("hope_mean") + 0.2);
  CHECK(wave.world().events.at("timeline").columns()[1].texts.at(0) == "test_hope_wave");
  CHECK(scenario_json_schema().find("\"test_hope_wave\"") != std::string::npos);
  CHECK_THROWS_WITH(make_scenario(small_world(3000, 3, "timeline:\n  - {week: 1, kind: test_hope_wave}\n")),
                    Catch::Contains("timeline[0].lift: missing required key"));
}
