#pragma once
// M30 movements and organizations, recruitment: organizations present in a movement recruit its
// participants onto their lists (000: the left grows inside movements it does not control).
// Each week an organization's movement hours (M5) make contacts_per_hour x efficiency (M7)
// contacts among the city's protesters, spread evenly: a protester is approached by organization
// o with probability min(1, contacts_o / protesters). A protester on nobody's list signs up as a
// supporter of the first organization that approaches them with probability
// signup x fit(ideology, platform); a supporter of o who protests and is approached by o becomes
// a volunteer with probability `activate`. Without protest there is no one to recruit here: the
// general outreach of movement hours is M6's `outreach_movement`.
#include "model/switch.h"

namespace tribune {

struct World;
struct Context;

struct MovementRecruitmentParams {
  static constexpr const char* kName = "movement_recruitment";
  bool enabled = true;
  double contacts_per_hour = 3.0;
  double signup = 0.15;
  double activate = 0.05;
  double fit_width = 0.5;

  template <class V>
  void fields(V& v) {
    declare_switch(v, enabled);
    v.num("contacts_per_hour", contacts_per_hour,
          {.doc = "protesters an organizer approaches per movement hour",
           .unit = "1/hour",
           .source = "assumption",
           .min = 0,
           .max = 1000});
    v.num("signup", signup,
          {.doc = "chance an approached protester on nobody's list signs up, at a perfect fit",
           .unit = "1",
           .source = "assumption",
           .min = 0,
           .max = 1});
    v.num("activate", activate,
          {.doc = "chance an approached protester already on the list becomes a volunteer",
           .unit = "1",
           .source = "assumption",
           .min = 0,
           .max = 1});
    v.num("fit_width", fit_width,
          {.doc = "ideological distance at which the platform's appeal falls to exp(-1/2)",
           .unit = "ideology",
           .source = "assumption",
           .min = 1e-3,
           .max = 10});
  }
};

void init(World& w, const MovementRecruitmentParams& p, const Context& c);
void step(World& w, const MovementRecruitmentParams& p, const Context& c);

}  // namespace tribune
