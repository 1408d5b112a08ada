#pragma once
// M16 union politics: business leadership backs the incumbents it has backroom ties to;
// rank-and-file pressure from organized members (committees inside the union, 003) can override
// it; unions back insurgents when "strongest and most confident and growing" and cling to
// incumbents when on the defensive (002). This computes, for each union and week, the chance it
// would endorse an insurgent; elections (issue 4) will draw the endorsements from it.
#include "model/switch.h"

namespace tribune {

struct World;
struct Context;

struct UnionPoliticsParams {
  static constexpr const char* kName = "union_politics";
  bool enabled = true;
  double base_logit = -3.0;
  double growth_weight = 10.0;
  double density_weight = 5.0;
  double left_leadership = 2.5;
  double rank_and_file_weight = 30.0;

  template <class V>
  void fields(V& v) {
    declare_switch(v, enabled);
    v.num("base_logit", base_logit,
          {.doc = "log-odds of backing an insurgent for a static, sparse, business-led union",
           .unit = "log-odds",
           .source = "assumption",
           .min = -20,
           .max = 20});
    v.num("growth_weight", growth_weight,
          {.doc = "log-odds per unit of membership growth over the last year",
           .unit = "log-odds",
           .source = "assumption; 002",
           .min = 0,
           .max = 1000});
    v.num("density_weight", density_weight,
          {.doc = "log-odds per unit of the union's density in its sectors",
           .unit = "log-odds",
           .source = "assumption; 002",
           .min = 0,
           .max = 1000});
    v.num("left_leadership", left_leadership,
          {.doc = "log-odds added when the union has left leadership",
           .unit = "log-odds",
           .source = "assumption",
           .min = 0,
           .max = 100});
    v.num("rank_and_file_weight", rank_and_file_weight,
          {.doc = "log-odds per unit share of members who are left members or cadre (rank-and-file committees)",
           .unit = "log-odds",
           .source = "assumption; 003",
           .min = 0,
           .max = 1000});
  }
};

void init(World& w, const UnionPoliticsParams& p, const Context& c);
void step(World& w, const UnionPoliticsParams& p, const Context& c);

}  // namespace tribune
