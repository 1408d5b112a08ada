#pragma once
// M13 union growth: organizing drives at non-union workplaces start with the grievance and hope
// of the workers and win with a chance that rises with worker support, the union's resources and
// the hours organizations put into them, and falls with employer resistance. Members also drift
// away at a background rate (deindustrialization).
#include "model/switch.h"

namespace tribune {

struct World;
struct Context;

struct UnionGrowthParams {
  static constexpr const char* kName = "union_growth";
  bool enabled = true;
  double drive_rate = 0.00005;
  int64_t drive_weeks = 12;
  double base_logit = -1.5;
  double support_weight = 3.0;
  double hours_weight = 1.5;
  double hours_half = 2.0;
  double resources_weight = 0.5;
  double resistance_weight = 2.0;
  double erosion = 0.0001696;
  double member_share = 0.9;

  template <class V>
  void fields(V& v) {
    declare_switch(v, enabled);
    v.num("drive_rate", drive_rate,
          {.doc = "weekly chance a non-union workplace starts a drive, at full grievance and hope",
           .unit = "1/week",
           .source = "assumption",
           .min = 0,
           .max = 1});
    v.integer(
        "drive_weeks", drive_weeks,
        {.doc = "length of a drive until the vote", .unit = "weeks", .source = "assumption", .min = 1, .max = 520});
    v.num("base_logit", base_logit,
          {.doc = "log-odds of winning a vote with no support, hours, resources or resistance",
           .unit = "log-odds",
           .source = "assumption",
           .min = -20,
           .max = 20});
    v.num("support_weight", support_weight,
          {.doc = "log-odds per unit of worker support (mean grievance x hope, doubled)",
           .unit = "log-odds",
           .source = "assumption",
           .min = 0,
           .max = 50});
    v.num("hours_weight", hours_weight,
          {.doc = "log-odds at saturating organization support hours per worker",
           .unit = "log-odds",
           .source = "assumption",
           .min = 0,
           .max = 50});
    v.num("hours_half", hours_half,
          {.doc = "support hours per worker per week at half that effect",
           .unit = "hours/week",
           .source = "assumption",
           .min = 1e-6,
           .max = 1000});
    v.num("resources_weight", resources_weight,
          {.doc = "log-odds per $1,000 of union treasury per member",
           .unit = "log-odds",
           .source = "assumption",
           .min = 0,
           .max = 50});
    v.num("resistance_weight", resistance_weight,
          {.doc = "log-odds per unit of employer resistance",
           .unit = "log-odds",
           .source = "assumption",
           .min = 0,
           .max = 50});
    v.num("member_share", member_share,
          {.doc = "share of a newly unionized workplace's employees who join",
           .unit = "1",
           .source = "BLS 2023: 10.0% members of 11.1% represented",
           .min = 0,
           .max = 1});
    v.num("erosion", erosion,
          {.doc = "weekly chance a union member drops out of the union",
           .unit = "1/week",
           .source = "history-matched against scenarios/calibration/targets.yaml (docs/calibration.md section 4): BLS density 10.0% (2023) and its fall from 20.1% (1983)",
           .min = 0,
           .max = 1});
  }
};

void init(World& w, const UnionGrowthParams& p, const Context& c);
void step(World& w, const UnionGrowthParams& p, const Context& c);

}  // namespace tribune
