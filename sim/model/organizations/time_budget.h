#pragma once
// M5 time budget: each person has a number of political hours per week (fewer for precarious
// workers). Members and cadre first sit through meetings (M11); volunteers, members and cadre
// then give what their organization asks, up to what they have, and split it as the
// organization allocates (M9), less the share their own pull toward protest
// takes to the movement. Hours are finite, so whatever an organization puts into campaigns is
// missing from movements and unions: siphoning follows from the budget (000).
#include "model/switch.h"
#include "world/by_class.h"

namespace tribune {

struct World;
struct Context;

struct TimeBudgetParams {
  static constexpr const char* kName = "time_budget";
  bool enabled = true;
  ByClass hours{3.0, 5.0, 4.0};
  double hours_spread = 0.5;
  double precarity_factor = 0.6;
  double protest_pull = 0.3;

  template <class V>
  void fields(V& v) {
    declare_switch(v, enabled);
    v.object("hours", hours,
             {.doc = "median political hours per week by class",
              .unit = "hours/week",
              .source = "assumption",
              .min = 0,
              .max = 80});
    v.num(
        "hours_spread", hours_spread,
        {.doc = "log-normal spread of hours between persons", .unit = "1", .source = "assumption", .min = 0, .max = 3});
    v.num("precarity_factor", precarity_factor,
          {.doc = "hours of a worker without a union, relative to one with",
           .unit = "ratio",
           .source = "assumption; MODEL.md M5: fewer hours for precarious workers",
           .min = 0,
           .max = 1});
    v.num("protest_pull", protest_pull,
          {.doc = "largest share of an engaged person's hours that their own grievance and hope pull to the movement",
           .unit = "1",
           .source = "assumption",
           .min = 0,
           .max = 1});
  }
};

void init(World& w, const TimeBudgetParams& p, const Context& c);
void step(World& w, const TimeBudgetParams& p, const Context& c);

}  // namespace tribune
