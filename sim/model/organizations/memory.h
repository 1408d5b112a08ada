#pragma once
// M7 resources and memory: dues and donations fill the treasury; institutional memory grows
// with the campaigns and actions an organization runs and decays with leadership turnover,
// which is higher when there are few cadre to carry continuity ("I am awake", 003). Memory
// multiplies the efficiency of everything the organization does (Org::efficiency).
#include "model/switch.h"

namespace tribune {

struct World;
struct Context;

struct MemoryParams {
  static constexpr const char* kName = "memory";
  bool enabled = true;
  double learn_rate = 0.01;
  double activity_half = 2.0;
  double continuity_half = 0.1;
  double loss = 0.5;
  double donation = 0.25;

  template <class V>
  void fields(V& v) {
    declare_switch(v, enabled);
    v.num("learn_rate", learn_rate,
          {.doc = "weekly growth of memory at saturating activity, times (1 - memory)",
           .unit = "1/week",
           .source = "assumption",
           .min = 0,
           .max = 1});
    v.num("activity_half", activity_half,
          {.doc = "outward hours per active person per week at which learning is half its maximum",
           .unit = "hours/week",
           .source = "assumption",
           .min = 1e-6,
           .max = 100});
    v.num("continuity_half", continuity_half,
          {.doc = "cadre share of members at which leadership turnover is halved",
           .unit = "1",
           .source = "assumption; 003",
           .min = 1e-6,
           .max = 1});
    v.num("loss", loss,
          {.doc = "share of memory lost when the whole leadership turns over",
           .unit = "1",
           .source = "assumption; 003",
           .min = 0,
           .max = 1});
    v.num("donation", donation,
          {.doc = "donations per supporter per week",
           .unit = "dollars/week",
           .source = "assumption",
           .min = 0,
           .max = 1000});
  }
};

void init(World& w, const MemoryParams& p, const Context& c);
void step(World& w, const MemoryParams& p, const Context& c);

}  // namespace tribune
