#pragma once
// M29 repression. Each week the police of each district (M28's `police_per_1000`) arrest
// protesters: each protester is arrested with probability min(`arrest_cap`, police x
// `arrests_per_officer` / protesters) (the police do not arrest everyone at a small protest;
// the arrest risk protesters expect, M28, is Epstein's and can be far higher). Under M28's
// `vision: ties` the arrests are local: a protester seeing c police and a protesters (oneself
// included) among their ties is arrested with probability min(`arrest_cap`, c x
// `arrests_per_officer` / a). The arrested go to jail for 1 + U[0,
// `max_jail_weeks`) weeks and cannot protest meanwhile; deterrence works through the arrest risk protesters expect
// (M28). Backlash: every tie of an arrested person gains `backlash` of outrage (grievance that fades, M2), and the
// state's legitimacy falls by `legitimacy_loss` x arrests / residents. Each week legitimacy also closes
// `legitimacy_recovery` of its gap to where it started (what arrests, scandals and shifts took
// fades unless renewed). Rows of `/events/repression`
// record each district's arrests.
#include "model/switch.h"

namespace tribune {

struct World;
struct Context;

struct RepressionParams {
  static constexpr const char* kName = "repression";
  bool enabled = true;
  double arrests_per_officer = 0.1;
  double arrest_cap = 0.01;
  double max_jail_weeks = 4;
  double backlash = 0.02;
  double legitimacy_loss = 5.0;
  double legitimacy_recovery = 0.005;

  template <class V>
  void fields(V& v) {
    declare_switch(v, enabled);
    v.num("arrests_per_officer", arrests_per_officer,
          {.doc = "arrests an officer makes per week when there are protesters to arrest",
           .unit = "1/week",
           .source = "assumption (Epstein 2002: one arrest per cop per tick when an active is in view)",
           .min = 0,
           .max = 100});
    v.num("arrest_cap", arrest_cap,
          {.doc = "largest share of a district's protesters arrested in one week",
           .unit = "1/week",
           .source = "assumption; about 10,000 were arrested in the first ten days of the 2020 wave (AP, 4 June "
                     "2020) among millions taking part: well under 1% a week",
           .min = 0,
           .max = 1});
    v.num("max_jail_weeks", max_jail_weeks,
          {.doc = "longest jail term; terms are 1 + U[0, max)",
           .unit = "weeks",
           .source = "assumption (Epstein 2002 uses up to 30 ticks)",
           .min = 0,
           .max = 1000});
    v.num("backlash", backlash,
          {.doc = "outrage (grievance that fades, M2) each tie of an arrested person gains",
           .unit = "grievance",
           .source = "assumption; 000",
           .min = 0,
           .max = 1});
    v.num("legitimacy_loss", legitimacy_loss,
          {.doc = "legitimacy lost per unit share of residents arrested in a week",
           .unit = "1",
           .source = "assumption",
           .min = 0,
           .max = 1000});
    v.num("legitimacy_recovery", legitimacy_recovery,
          {.doc = "weekly share of the gap between legitimacy and its starting level that closes",
           .unit = "1/week",
           .source = "assumption (half-life of about 140 weeks)",
           .min = 0,
           .max = 1});
  }
};

void init(World& w, const RepressionParams& p, const Context& c);
void step(World& w, const RepressionParams& p, const Context& c);

}  // namespace tribune
