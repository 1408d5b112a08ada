#pragma once
// M25 organizer-in-chief: a left executive officeholder (a mayor or governor who did not come
// from the establishment) can call for mass action (Day, Denvir; Sanders's "organizer-in-chief").
// A call is made every `call_every` weeks in office (0: never by itself) and at the weeks of the
// timeline's `mass_call` events; it lasts `duration` weeks, during which each person it reaches has `boost` added to
// their protest calculus (M28), i.e. their threshold lowered by it. Whom it reaches is drawn once
// per call and person:
//   q = visibility * min(1, reach_base + reach_org * [on the caller's organization's lists]
//                         + reach_union * [union member] * max(the organization's tie to the
//                           union (M8), 1 if the union is left-led (M15))
//                         + reach_episode * [the district had an episode in the last
//                           episode_memory weeks])
// A person reached heeds the call in proportion to how close they stand to the caller:
// boost x fit(ideology, the caller's position, fit_width) (a right-wing resident reached by a
// left mayor's call is not moved by it), and only where their own protest calculus then passes
// their threshold (M28): the call lowers thresholds, it does not conscript.
// Smith's claim (000) is that movements are not called into being from above: reach_base near 0,
// so a call moves only those the infrastructure already reaches. Day's is that they are: a large
// reach_base. The parameters decide, not the code.
#include <cstdint>

#include "model/switch.h"

namespace tribune {

struct World;
struct Context;

struct OrganizerInChiefParams {
  static constexpr const char* kName = "organizer_in_chief";
  bool enabled = true;
  int64_t call_every = 0;
  int64_t duration = 4;
  double boost = 0.3;
  double reach_base = 0.02;
  double reach_org = 0.5;
  double reach_union = 0.3;
  double reach_episode = 0.2;
  int64_t episode_memory = 104;
  double fit_width = 0.3;

  template <class V>
  void fields(V& v) {
    declare_switch(v, enabled);
    v.integer("call_every", call_every,
              {.doc = "a left executive calls for mass action every this many weeks in office (0: only at the "
                      "timeline's mass_call events)",
               .unit = "weeks",
               .source = "assumption: a left executive calls for mass action only where the scenario says so "
                         "(organizer_in_chief.yaml: every 13 weeks); it is a strategy, not a habit of office",
               .min = 0,
               .max = 100000});
    v.integer("duration", duration,
              {.doc = "weeks a call stays in force", .unit = "weeks", .source = "assumption", .min = 1, .max = 1000});
    v.num("boost", boost,
          {.doc = "how much a call lowers a reached person's protest threshold",
           .unit = "1",
           .source = "assumption",
           .min = 0,
           .max = 100});
    v.num("reach_base", reach_base,
          {.doc = "chance the call reaches anyone at all, through the officeholder's visibility alone",
           .unit = "1",
           .source = "assumption; Day (large) against Smith, 000 (near zero)",
           .min = 0,
           .max = 1});
    v.num("reach_org", reach_org,
          {.doc = "added chance for persons on the caller's organization's lists",
           .unit = "1",
           .source = "assumption",
           .min = 0,
           .max = 1});
    v.num("reach_union", reach_union,
          {.doc = "added chance for union members, times the organization's tie to their union (1 if left-led)",
           .unit = "1",
           .source = "assumption",
           .min = 0,
           .max = 1});
    v.num("reach_episode", reach_episode,
          {.doc = "added chance for residents of a district with a recent protest episode",
           .unit = "1",
           .source = "assumption; 000: movements build on past movements",
           .min = 0,
           .max = 1});
    v.integer("episode_memory", episode_memory,
              {.doc = "how long an episode counts as recent",
               .unit = "weeks",
               .source = "assumption",
               .min = 0,
               .max = 100000});
    v.num("fit_width", fit_width,
          {.doc = "how far from the caller's position a reached person still heeds the call (width of the "
                  "Gaussian fit, as an organization's, M6)",
           .unit = "ideology",
           .source = "assumption",
           .min = 0.01,
           .max = 10});
  }
};

void init(World& w, const OrganizerInChiefParams& p, const Context& c);
void step(World& w, const OrganizerInChiefParams& p, const Context& c);
// Write a call still in force when the run ends (end -1).
void close_open_call(World& w);

}  // namespace tribune
