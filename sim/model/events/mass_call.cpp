// Timeline event `mass_call`: this week a left executive in office, if there is one, calls for
// mass action (M25); what the call does is M25's. Without one, nothing happens.
#include "model/events/event_kind.h"

namespace tribune {
namespace {

struct MassCall : EventOf<MassCall> {
  static constexpr const char* kKind = "mass_call";
  template <class V>
  void fields(V&) {}
  void apply(World& w, int64_t) const override { w.movement.call_requested = true; }
  double magnitude() const override { return 1; }
  std::string detail() const override { return "a left executive in office, if any, calls for mass action"; }
};

}  // namespace

TRIBUNE_REGISTER_EVENT(MassCall, "a left executive in office, if any, calls for mass action (M25)");

}  // namespace tribune
