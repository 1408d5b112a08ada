#pragma once
// M31 morale: a heavy investment that ends in defeat costs hope among those who invested; a win
// raises it ("The end of Bernie 2020 was crushing for anyone invested in the campaign", 001).
// Two kinds of investment are followed per person:
// - campaign hours: the electoral share of the hours a volunteer, member or cadre gives their
//   organization (M5) accumulate as `invested`, staked on that organization. When the
//   organization's fight is decided -- a national campaign it runs ends (won or lost, M12), or a
//   general election in which it backed candidates (the share of them who won, M20) -- each
//   person staked on it gets a hope impulse (M3)
//     (won share x win - lost share x loss) x invested / (invested + half_hours)
//   and starts again from nothing.
// - protest weeks: weeks protested while one's district has an episode under way (M28). When the
//   episode ends it has won if the reform it demanded (M30) passed meanwhile, or, without a
//   demand, any reform did (M26); its protesters get (win or -loss) x weeks / (weeks + half_weeks).
// Strikes carry their own morale (M14's hope_win and hope_loss for the strikers).
#include "model/switch.h"

namespace tribune {

struct World;
struct Context;

struct MoraleParams {
  static constexpr const char* kName = "morale";
  bool enabled = true;
  double loss = 0.15;
  double win = 0.05;
  double half_hours = 40;
  double half_weeks = 4;

  template <class V>
  void fields(V& v) {
    declare_switch(v, enabled);
    v.num("loss", loss,
          {.doc = "hope lost at a defeat by someone who invested without limit",
           .unit = "[0, 1]",
           .source = "assumption; 001",
           .min = 0,
           .max = 1});
    v.num("win", win,
          {.doc = "hope gained at a win by someone who invested without limit",
           .unit = "[0, 1]",
           .source = "assumption",
           .min = 0,
           .max = 1});
    v.num("half_hours", half_hours,
          {.doc = "campaign hours at which an investment counts half",
           .unit = "hours",
           .source = "assumption",
           .min = 1e-6,
           .max = 1e6});
    v.num("half_weeks", half_weeks,
          {.doc = "weeks of protest at which an investment counts half",
           .unit = "weeks",
           .source = "assumption",
           .min = 1e-6,
           .max = 1e6});
  }
};

void init(World& w, const MoraleParams& p, const Context& c);
void step(World& w, const MoraleParams& p, const Context& c);

}  // namespace tribune
