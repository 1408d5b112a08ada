#pragma once
// M15 union leadership: business or left, decided in periodic union elections in which the left
// organizers among the members and the union's militancy matter; Milwaukee's Socialists "led
// nearly every major union in the city" (004). A `purge` event removes left leaders (the 1950s).
#include "model/switch.h"

namespace tribune {

struct World;
struct Context;

struct UnionLeadershipParams {
  static constexpr const char* kName = "union_leadership";
  bool enabled = true;
  int64_t term_weeks = 156;
  double base_logit = -3.0;
  double organizer_weight = 40.0;
  double militancy_weight = 3.0;
  double incumbency = 3.934;

  template <class V>
  void fields(V& v) {
    declare_switch(v, enabled);
    v.integer("term_weeks", term_weeks,
              {.doc = "weeks between union elections (staggered between unions)",
               .unit = "weeks",
               .source = "assumption",
               .min = 1,
               .max = 1040});
    v.num("base_logit", base_logit,
          {.doc = "log-odds of a left victory with no organizers, militancy or incumbency",
           .unit = "log-odds",
           .source = "assumption",
           .min = -20,
           .max = 20});
    v.num("organizer_weight", organizer_weight,
          {.doc = "log-odds per unit share of members who are left members or cadre",
           .unit = "log-odds",
           .source = "assumption; MODEL.md M15",
           .min = 0,
           .max = 1000});
    v.num("militancy_weight", militancy_weight,
          {.doc = "log-odds per unit of the union's mean militancy",
           .unit = "log-odds",
           .source = "assumption",
           .min = 0,
           .max = 100});
    v.num("incumbency", incumbency,
          {.doc = "log-odds added for whichever side leads now",
           .unit = "log-odds",
           .source = "history-matched against scenarios/calibration/targets.yaml (docs/calibration.md section 4): how often incumbent union leaderships are replaced",
           .min = 0,
           .max = 20});
  }
};

void init(World& w, const UnionLeadershipParams& p, const Context& c);
void step(World& w, const UnionLeadershipParams& p, const Context& c);

}  // namespace tribune
