#pragma once
// M8 relationships: each organization's weighted ties to unions, community groups, voting blocs
// (one per district) and the donor network (model/ties.h). Ties grow by two routes:
//   body-to-body work, held by the organization: its members who belong to a union doing union
//     work inside it; its volunteers doing electoral and base-building work in their own
//     district's bloc, and base-building and movement work in its community groups (003);
//   leader-to-leader contact, held by persons: the leadership's hours spread over all targets;
//     it is the only route to donors.
// Both decay without work, and person-held ties also leave with the leaders who hold them
// (the organization's leadership turnover, M7). A candidate's own ties (M17) use the same Ties.
//
//   org    += body_rate   * e*b / (e*b + body_half * size/1000) * (1 - tie) - decay * org
//   person += leader_rate * e*l / (e*l + leader_half)           * (1 - tie) - (decay + turnover/52) * person
// with b the body-to-body hours on the target this week, size its members (a union) or residents
// (a district), l the leader hours per target, e the organization's efficiency (M7) and tie the
// sum of both weights.
#include "model/switch.h"

namespace tribune {

struct World;
struct Context;

struct RelationshipsParams {
  static constexpr const char* kName = "relationships";
  bool enabled = true;
  double body_rate = 0.02;
  double body_half = 10.0;
  double leader_rate = 0.005;
  double leader_half = 1.0;
  double leader_hours = 5.0;
  double decay = 0.005;
  double initial = 0.05;

  template <class V>
  void fields(V& v) {
    declare_switch(v, enabled);
    v.num("body_rate", body_rate,
          {.doc = "largest weekly growth of an organization-held tie from its members' work inside the target",
           .unit = "1/week",
           .source = "assumption; 003: relationships are built by members organizing where they are",
           .min = 0,
           .max = 1});
    v.num("body_half", body_half,
          {.doc = "body-to-body hours per week per 1,000 people of the target at which growth is half its maximum",
           .unit = "hours/week per 1000 persons",
           .source = "assumption",
           .min = 1e-6,
           .max = 1e6});
    v.num("leader_rate", leader_rate,
          {.doc = "largest weekly growth of a person-held tie from leader-to-leader contact",
           .unit = "1/week",
           .source = "assumption",
           .min = 0,
           .max = 1});
    v.num("leader_half", leader_half,
          {.doc = "leader hours per week on one target at which growth is half its maximum",
           .unit = "hours/week",
           .source = "assumption",
           .min = 1e-6,
           .max = 1e6});
    v.num("leader_hours", leader_hours,
          {.doc = "hours per week an organization's leaders spend meeting other leaders, over all targets",
           .unit = "hours/week",
           .source = "assumption",
           .min = 0,
           .max = 1e4});
    v.num("decay", decay,
          {.doc = "weekly decay of every tie without work",
           .unit = "1/week",
           .source = "assumption (a tie unattended for about 3 years falls to a fifth)",
           .min = 0,
           .max = 1});
    v.num("initial", initial,
          {.doc = "tie to every target at the start, held by the leaders",
           .unit = "[0, 1]",
           .source = "assumption",
           .min = 0,
           .max = 1});
  }
};

void init(World& w, const RelationshipsParams& p, const Context& c);
void step(World& w, const RelationshipsParams& p, const Context& c);

}  // namespace tribune
