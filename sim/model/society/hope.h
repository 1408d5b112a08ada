#pragma once
// M3 hope: relaxes toward a class and district baseline of resignation, diffuses over ties,
// and moves with wins and defeats a person experiences (hope_impulse) or hears about from
// their ties. "The central obstacle to socialist power and growth is working-class
// resignation" (004).
#include "model/switch.h"
#include "world/by_class.h"

namespace tribune {

struct World;
struct Context;

struct HopeParams {
  static constexpr const char* kName = "hope";
  bool enabled = true;
  ByClass baseline{0.35, 0.50, 0.60};
  double initial_sd = 0.10;
  double relax_rate = 0.02;
  double diffusion = 0.10;
  double hearsay = 0.30;
  double noise_sd = 0.01;

  template <class V>
  void fields(V& v) {
    declare_switch(v, enabled);
    v.object("baseline", baseline,
             {.doc = "hope each class returns to without wins or defeats (1 - resignation)",
              .unit = "[0, 1]",
              .source = "assumption; 004 on working-class resignation",
              .min = 0,
              .max = 1});
    v.num("initial_sd", initial_sd,
          {.doc = "spread of initial hope around the baseline",
           .unit = "[0, 1]",
           .source = "assumption",
           .min = 0,
           .max = 1});
    v.num("relax_rate", relax_rate,
          {.doc = "share of the gap to the baseline closed each week",
           .unit = "1/week",
           .source = "assumption (half-life about 35 weeks)",
           .min = 0,
           .max = 1});
    v.num("diffusion", diffusion,
          {.doc = "weight of the mean of one's ties' hope each week",
           .unit = "1/week",
           .source = "assumption",
           .min = 0,
           .max = 1});
    v.num("hearsay", hearsay,
          {.doc = "share of a tie's win or defeat that a person feels on hearing of it",
           .unit = "1",
           .source = "assumption; 004: credit comes from being told",
           .min = 0,
           .max = 1});
    v.num("noise_sd", noise_sd,
          {.doc = "weekly idiosyncratic changes of mood",
           .unit = "[0, 1]/week",
           .source = "assumption",
           .min = 0,
           .max = 1});
    v.check(relax_rate + diffusion <= 1, "diffusion",
            [] { return std::string("relax_rate + diffusion must be <= 1 (the update would overshoot)"); });
  }
};

void init(World& w, const HopeParams& p, const Context& c);
void step(World& w, const HopeParams& p, const Context& c);

}  // namespace tribune
