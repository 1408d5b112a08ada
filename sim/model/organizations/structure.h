#pragma once
// M11 structure: `deliberative` (long meetings: an hour cost for every member and cadre, stronger
// member ownership, and a meeting culture in which members without a college degree feel less
// at home: "middle-class insulation", 001) or `gaseous` (low overhead, leader-centred action
// groups as in La France Insoumise, 001). The hour cost works through the time budget (M5):
// meetings come first, and a member whose hours do not cover meetings plus the organization's
// ask burns out (M6). Workers have fewer political hours than professionals, so at the same size
// a deliberative organization's membership drifts toward professionals even with
// `culture_gap` 0; the gap is a separate, adjustable claim.
#include "model/switch.h"

namespace tribune {

struct World;
struct Context;

struct StructureValues {
  double meeting_hours = 0, ownership = 1, culture_gap = 0;
  template <class V>
  void fields(V& v) {
    v.num("meeting_hours", meeting_hours,
          {.doc = "hours per week each member and cadre spends in meetings",
           .unit = "hours/week",
           .source = "assumption (deliberative default 1: a two-hour general meeting every other week)",
           .min = 0,
           .max = 80});
    v.num("ownership", ownership,
          {.doc = "multiplies members' and cadre's attrition (below 1: members own the organization and stay)",
           .unit = "ratio",
           .source = "assumption; 001",
           .min = 0,
           .max = 10});
    v.num("culture_gap", culture_gap,
          {.doc = "extra attrition, relative, of members and cadre without a college degree",
           .unit = "ratio",
           .source = "assumption; 001: middle-class insulation",
           .min = 0,
           .max = 10});
  }
};

struct StructureParams {
  static constexpr const char* kName = "structure";
  bool enabled = true;
  StructureValues deliberative{1.0, 0.8, 0.3};
  StructureValues gaseous{0.25, 1.0, 0.0};

  template <class V>
  void fields(V& v) {
    declare_switch(v, enabled);
    v.object("deliberative", deliberative, {.doc = "what a deliberative structure costs and gives"});
    v.object("gaseous", gaseous, {.doc = "what a gaseous structure costs and gives"});
  }
};

// init: neutral effects (no meetings, ownership 1, no gap); step: the effects of each
// organization's structure, read by the time budget (M5) and the engagement ladder (M6).
void init(World& w, const StructureParams& p, const Context& c);
void step(World& w, const StructureParams& p, const Context& c);

}  // namespace tribune
