#pragma once
// M26 legislation. Every `session_weeks` a reform comes to a vote in its legislature (the
// officeholders of its `legislature` office): the next one on the agenda not yet passed, in
// rotation, so that a reform that fails goes to the back and does not block the rest. A
// legislator votes yes when its position is left of the reform's cut point, or when the pressure
// on it passes a threshold drawn for that vote (normal, `threshold_mean`, `threshold_sd`):
//   pressure = (1 - translation_friction) * disruption
//            + opinion * max(0, support - 1/2) + unions * (union density x left-led share)
//   disruption = the largest, over the weeks since the last vote, of
//                min(1, strike_weight * strikes under way per unionized workplace
//                       + protest_weight * share of residents protesting (M28))
//   support = share of its constituency left of the reform's cut (who would vote for it)
// The pressure terms push against the legislator's own position; a constituency against the
// reform is already in that position, so opinion adds only where a majority wants the reform.
// Near-zero friction is the "friction-less feedback loop" (Denvir), high friction the
// "irreducible gap" between forms of power (Smith, 000). The same friction scales M30's pull of
// movements on officeholders' positions, the other road from the street to a vote. A majority of the seats passes it;
// the executive of its `executive` office, if that office has a veto, vetoes when right of the
// cut and not moved by the same pressure; `override_share` of the seats overrides. When the
// cumulative depth of reforms passed exceeds capital's `tolerance` (and each further
// `tolerance`), capital answers (004): a disinvestment shock (an economic shock on everyone of
// `shock_magnitude` for `shock_weeks`) and media spin (hope falls by `spin`).
#include "model/switch.h"

namespace tribune {

struct World;
struct Context;

struct LegislationParams {
  static constexpr const char* kName = "legislation";
  bool enabled = true;
  int64_t session_weeks = 13;
  double translation_friction = 0.5;
  double strike_weight = 5.0;
  double protest_weight = 28.6;
  double opinion = 2.0;
  double unions = 2.0;
  double threshold_mean = 0.3;
  double threshold_sd = 0.15;
  double override_share = 2.0 / 3.0;
  double tolerance = 1.0;
  double shock_magnitude = 0.1;
  int64_t shock_weeks = 26;
  double spin = 0.03;

  template <class V>
  void fields(V& v) {
    declare_switch(v, enabled);
    v.integer(
        "session_weeks", session_weeks,
        {.doc = "weeks between votes on the agenda", .unit = "weeks", .source = "assumption", .min = 1, .max = 520});
    v.num("translation_friction", translation_friction,
          {.doc = "how much of the disruption movements and strikes cause fails to become pressure on legislators "
                  "(0: Denvir's friction-less loop; near 1: Smith's irreducible gap)",
           .unit = "1",
           .source = "assumption; 000",
           .min = 0,
           .max = 1});
    v.num("strike_weight", strike_weight,
          {.doc = "disruption per strike under way per unionized workplace",
           .unit = "1",
           .source = "assumption",
           .min = 0,
           .max = 1000});
    v.num("protest_weight", protest_weight,
          {.doc = "disruption per unit share of residents protesting (28.6: full disruption at 3.5% of residents)",
           .unit = "1",
           .source = "assumption; Chenoweth and Stephan (2011): no campaign that mobilized 3.5% of the "
                     "population at its peak failed",
           .min = 0,
           .max = 1000});
    v.num("opinion", opinion,
          {.doc = "pressure per unit of the constituency's support for the reform above one half",
           .unit = "1",
           .source = "assumption",
           .min = 0,
           .max = 100});
    v.num("unions", unions,
          {.doc = "pressure per unit of union density times the left-led share of members",
           .unit = "1",
           .source = "assumption",
           .min = 0,
           .max = 100});
    v.num("threshold_mean", threshold_mean,
          {.doc = "mean pressure at which a legislator not already for a reform votes for it",
           .unit = "1",
           .source = "assumption: a session with 1% of residents in the street (disruption 0.29) moves about half "
                     "of the opposed legislators when nothing is lost in translation",
           .min = 0,
           .max = 100});
    v.num("threshold_sd", threshold_sd,
          {.doc = "spread of that threshold between legislators and votes",
           .unit = "1",
           .source = "assumption",
           .min = 0,
           .max = 100});
    v.num("override_share", override_share,
          {.doc = "share of the seats that overrides a veto",
           .unit = "1",
           .source = "two thirds is the common rule",
           .min = 0.5,
           .max = 1});
    v.num("tolerance", tolerance,
          {.doc = "cumulative reform depth capital tolerates before it answers (and again after each further "
                  "tolerance)",
           .unit = "1",
           .source = "assumption; 004: how many doses of socialism the system tolerates",
           .min = 0,
           .max = 1000});
    v.num("shock_magnitude", shock_magnitude,
          {.doc = "grievance added to everyone by capital's disinvestment",
           .unit = "[0, 1]",
           .source = "assumption",
           .min = 0,
           .max = 1});
    v.integer(
        "shock_weeks", shock_weeks,
        {.doc = "how long the disinvestment lasts", .unit = "weeks", .source = "assumption", .min = 1, .max = 1000});
    v.num("spin", spin,
          {.doc = "hope everyone loses to capital's media campaign",
           .unit = "[0, 1]",
           .source = "assumption; 004",
           .min = 0,
           .max = 1});
  }
};

void init(World& w, const LegislationParams& p, const Context& c);
void step(World& w, const LegislationParams& p, const Context& c);

}  // namespace tribune
