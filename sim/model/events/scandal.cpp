// Timeline event `scandal`: a government scandal costs the state `legitimacy_loss` of its
// legitimacy and everyone `hope_loss` of hope (cynicism), felt through M3 the next week.
#include <algorithm>

#include "model/events/event_kind.h"
#include "world/world.h"

namespace tribune {
namespace {

struct Scandal : EventOf<Scandal> {
  static constexpr const char* kKind = "scandal";
  double legitimacy_loss = 0.1;
  double hope_loss = 0.02;

  template <class V>
  void fields(V& v) {
    v.num("legitimacy_loss", legitimacy_loss,
          {.doc = "the state's legitimacy lost", .unit = "[0, 1]", .source = "scenario", .min = 0, .max = 1});
    v.num("hope_loss", hope_loss,
          {.doc = "hope everyone loses", .unit = "[0, 1]", .source = "scenario", .min = 0, .max = 1});
  }
  void apply(World& w, int64_t) const override {
    w.env.legitimacy = std::clamp(w.env.legitimacy - legitimacy_loss, 0.0, 1.0);
    for (auto& h : w.persons.hope_impulse) h -= static_cast<float>(hope_loss);
    w.hope_impulses_pending = true;
  }
  double magnitude() const override { return legitimacy_loss; }
  std::string detail() const override { return "legitimacy falls by " + std::to_string(legitimacy_loss); }
};

}  // namespace

TRIBUNE_REGISTER_EVENT(Scandal, "a government scandal: legitimacy and hope fall");

}  // namespace tribune
