// Timeline event `legitimacy_shift`: the state's legitimacy moves by `delta` (a scandal, a war,
// a crackdown); read by mobilization (M28) in a later issue, recorded as a series now.
#include <algorithm>

#include "model/events/event_kind.h"

namespace tribune {
namespace {

struct LegitimacyShift : EventOf<LegitimacyShift> {
  static constexpr const char* kKind = "legitimacy_shift";
  double delta = 0;

  template <class V>
  void fields(V& v) {
    v.num("delta", delta,
          {.doc = "change in the state's legitimacy (clamped to [0, 1])",
           .unit = "[0, 1]",
           .source = "scenario",
           .min = -1,
           .max = 1,
           .required = true});
  }
  void apply(World& w, int64_t) const override { w.env.legitimacy = std::clamp(w.env.legitimacy + delta, 0.0, 1.0); }
  double magnitude() const override { return delta; }
  std::string detail() const override { return "legitimacy changes by " + std::to_string(delta); }
};

}  // namespace

TRIBUNE_REGISTER_EVENT(LegitimacyShift, "the state's legitimacy moves up or down");

}  // namespace tribune
