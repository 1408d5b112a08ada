#pragma once
// M2 grievance: g relaxes toward clamp(base[class] + offset + shock(t, class, district)).
#include "model/switch.h"
#include "world/by_class.h"

namespace tribune {

struct World;
struct Context;

struct GrievanceParams {
  static constexpr const char* kName = "grievance";
  bool enabled = true;
  ByClass base{0.45, 0.30, 0.10};
  double offset_sd = 0.10;
  double adjust_rate = 0.25;
  double noise_sd = 0.01;

  template <class V>
  void fields(V& v) {
    declare_switch(v, enabled);
    v.object("base", base,
             {.doc = "baseline grievance by class", .unit = "[0, 1]", .source = "assumption", .min = 0, .max = 1});
    v.num("offset_sd", offset_sd,
          {.doc = "spread of persons' own offsets from their class baseline",
           .unit = "[0, 1]",
           .source = "assumption",
           .min = 0,
           .max = 1});
    v.num("adjust_rate", adjust_rate,
          {.doc = "share of the gap to the target closed each week",
           .unit = "1/week",
           .source = "assumption",
           .min = 0,
           .max = 1});
    v.num("noise_sd", noise_sd,
          {.doc = "weekly idiosyncratic shocks (life events)",
           .unit = "[0, 1]/week",
           .source = "assumption",
           .min = 0,
           .max = 1});
  }
};

void init(World& w, const GrievanceParams& p, const Context& c);
void step(World& w, const GrievanceParams& p, const Context& c);

}  // namespace tribune
