#pragma once
// M24 tribune effect. An officeholder an organization backs "talks to the workers through the
// window of parliament" (002): each week every resident of the constituency moves
//   ideology += ideology_pull * visibility * (officeholder's position - ideology)
//   hope     += hope_gain * visibility * (1 - hope)
// and the organization's brand (M10) learns from it, at full visibility on an independent line
// and blurred by `democratic_blur` on the establishment party's line (refusing the Democratic
// identity keeps the brand distinct, 002). Visibility is 1 for executives, 0.6 for at-large
// seats and 0.3 for district seats (M20 seating; an assumption).
#include "model/switch.h"

namespace tribune {

struct World;
struct Context;

struct TribuneEffectParams {
  static constexpr const char* kName = "tribune_effect";
  bool enabled = true;
  double ideology_pull = 0.002;
  double hope_gain = 0.001;
  double democratic_blur = 0.5;

  template <class V>
  void fields(V& v) {
    declare_switch(v, enabled);
    v.num("ideology_pull", ideology_pull,
          {.doc = "weekly share of the distance to a fully visible officeholder's position residents move",
           .unit = "1/week",
           .source = "assumption; 002",
           .min = 0,
           .max = 1});
    v.num("hope_gain", hope_gain,
          {.doc = "weekly share of the way to full hope a fully visible officeholder moves residents",
           .unit = "1/week",
           .source = "assumption",
           .min = 0,
           .max = 1});
    v.num("democratic_blur", democratic_blur,
          {.doc = "share of an officeholder's visibility the brand loses on the establishment party's line",
           .unit = "1",
           .source = "assumption; 002",
           .min = 0,
           .max = 1});
  }
};

void init(World& w, const TribuneEffectParams& p, const Context& c);
void step(World& w, const TribuneEffectParams& p, const Context& c);

}  // namespace tribune
