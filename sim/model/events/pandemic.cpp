// Timeline event `pandemic`: for `duration_weeks`, everyone's political hours are cut by
// `hours_cut` (M5, M6: fewer hours for the same asks means more burnout), gathering carries a
// risk that raises every protest threshold by `gathering_risk` (M28), and workers' grievance
// rises by `grievance` as an economic shock (M2) that fades over `recovery_weeks`.
#include "model/events/event_kind.h"

namespace tribune {
namespace {

struct PandemicEvent : EventOf<PandemicEvent> {
  static constexpr const char* kKind = "pandemic";
  int64_t duration_weeks = 52;
  double hours_cut = 0.5;
  double gathering_risk = 0.2;
  double grievance = 0.1;
  double recovery_weeks = 26;

  template <class V>
  void fields(V& v) {
    v.integer("duration_weeks", duration_weeks,
              {.doc = "weeks the pandemic lasts", .unit = "weeks", .source = "scenario", .min = 1, .max = 10000});
    v.num("hours_cut", hours_cut,
          {.doc = "share of everyone's political hours lost while it lasts",
           .unit = "1",
           .source = "scenario",
           .min = 0,
           .max = 1});
    v.num("gathering_risk", gathering_risk,
          {.doc = "added to every protest threshold while it lasts",
           .unit = "1",
           .source = "scenario",
           .min = 0,
           .max = 100});
    v.num("grievance", grievance,
          {.doc = "grievance added to workers (an economic shock)",
           .unit = "[0, 1]",
           .source = "scenario",
           .min = 0,
           .max = 1});
    v.num("recovery_weeks", recovery_weeks,
          {.doc = "e-folding time of the grievance's fade after it ends",
           .unit = "weeks",
           .source = "assumption",
           .min = 0});
  }

  void apply(World& w, int64_t tick) const override {
    w.env.pandemic = Pandemic{tick + duration_weeks, hours_cut, gathering_risk};
    if (grievance > 0) w.env.shocks.push_back(Shock{tick, tick + duration_weeks, grievance, recovery_weeks, 0b001, {}});
  }
  double magnitude() const override { return hours_cut; }
  std::string detail() const override {
    return std::to_string(duration_weeks) + " weeks; hours cut by " + std::to_string(hours_cut);
  }
};

}  // namespace

TRIBUNE_REGISTER_EVENT(PandemicEvent, "a pandemic: political hours cut, gathering risky, workers' grievance up");

}  // namespace tribune
