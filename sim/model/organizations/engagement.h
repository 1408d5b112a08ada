#pragma once
// M6 engagement ladder: none -> supporter -> volunteer -> member -> cadre and back.
// Moving up is driven by organizer contact (outreach hours), hope, fit with the platform, the
// ties one already has inside the organization, and cadre development (mentoring hours per
// member, 004), and, for a supporter's first step into activity, on someone to take them in:
// the step's rate is multiplied by a / (a + `absorb_half`), a the organization's members and
// cadre per supporter, so a long list with few active members (a liberal advocacy group's)
// converts little and recruitment cannot compound faster than the organizers it makes. Moving down by burnout (asked
// more hours than one has, meetings included), resignation (low hope) and a base attrition per level, which the
// organization's structure scales for members and cadre (M11: ownership, culture gap).
#include "model/switch.h"

namespace tribune {

struct World;
struct Context;

struct ByLevel {
  double supporter = 0, volunteer = 0, member = 0, cadre = 0;
  double of(int level) const {
    return level == 1 ? supporter : level == 2 ? volunteer : level == 3 ? member : level == 4 ? cadre : 0.0;
  }
  template <class V>
  void fields(V& v, const Meta& m) {
    Meta c = m;
    c.required = false;
    v.num("supporter", supporter, c);
    v.num("volunteer", volunteer, c);
    v.num("member", member, c);
    v.num("cadre", cadre, c);
  }
};

struct EngagementParams {
  static constexpr const char* kName = "engagement";
  bool enabled = true;
  double fit_width = 0.5;
  double contacts_per_hour = 2.0;
  double outreach_electoral = 1.0;
  double outreach_movement = 0.5;
  double join = 0.07251;
  double up_volunteer = 0.001441;
  double absorb_half = 0.05;
  double up_member = 0.04935;
  double up_cadre = 0.02;
  double social = 2.0;
  double development_share = 0.5;
  double development_half = 0.5;
  ByLevel attrition{0.006, 0.015, 0.002, 0.002};
  double burnout = 0.03;
  double resignation = 0.005;

  template <class V>
  void fields(V& v) {
    declare_switch(v, enabled);
    v.num("fit_width", fit_width,
          {.doc = "ideological distance from the platform at which fit falls to 0.61",
           .unit = "ideology",
           .source = "assumption",
           .min = 0.01,
           .max = 4});
    v.num("contacts_per_hour", contacts_per_hour,
          {.doc = "new people reached per hour of outreach, at efficiency 1",
           .unit = "1/hour",
           .source = "assumption (a canvasser talks with a few people an hour)",
           .min = 0,
           .max = 100});
    v.num("outreach_electoral", outreach_electoral,
          {.doc = "how much an electoral hour reaches new people, relative to a base-building hour",
           .unit = "1",
           .source = "assumption",
           .min = 0,
           .max = 10});
    v.num("outreach_movement", outreach_movement,
          {.doc = "how much a movement hour reaches new people, relative to a base-building hour",
           .unit = "1",
           .source = "assumption",
           .min = 0,
           .max = 10});
    v.num("join", join,
          {.doc = "chance that a contacted person who fits perfectly, at full hope, joins the list",
           .unit = "1",
           .source = "history-matched against scenarios/calibration/targets.yaml (docs/calibration.md section 4): membership growth in quiet years",
           .min = 0,
           .max = 1});
    v.num("up_volunteer", up_volunteer,
          {.doc = "weekly chance a fitting, hopeful supporter starts volunteering",
           .unit = "1/week",
           .source = "history-matched against scenarios/calibration/targets.yaml (docs/calibration.md section 4)",
           .min = 0,
           .max = 1});
    v.num("absorb_half", absorb_half,
          {.doc = "members and cadre per supporter at which supporters start volunteering at half the rate "
                  "(0: no limit)",
           .unit = "1",
           .source = "assumption; 004: someone has to take the new people in (organizer capacity)",
           .min = 0,
           .max = 100});
    v.num(
        "up_member", up_member,
        {.doc = "weekly chance a fitting, hopeful volunteer joins as a member",
         .unit = "1/week",
         .source =
             "history-matched against scenarios/calibration/targets.yaml (docs/calibration.md section 4)",
         .min = 0,
         .max = 1});
    v.num("up_cadre", up_cadre,
          {.doc = "weekly chance a fully developed member becomes cadre",
           .unit = "1/week",
           .source = "assumption",
           .min = 0,
           .max = 1});
    v.num("social", social,
          {.doc = "how much having all one's ties inside the organization multiplies joining",
           .unit = "1",
           .source = "assumption",
           .min = 0,
           .max = 100});
    v.num("development_share", development_share,
          {.doc = "share of internal hours that develops members (mentoring, hubs) rather than meetings",
           .unit = "1",
           .source = "assumption; 004: Our Time hubs",
           .min = 0,
           .max = 1});
    v.num("development_half", development_half,
          {.doc = "development hours per member per week at which the cadre chance is half its maximum",
           .unit = "hours/week",
           .source = "assumption",
           .min = 1e-6,
           .max = 100});
    v.object("attrition", attrition,
             {.doc = "weekly chance of stepping down a level, by level",
              .unit = "1/week",
              .source = "supporter: 0.006/week = 27%/year, email lists lose 17-28% a year (M+R/NTEN eNonprofit "
                        "Benchmarks 2010; industry figures of 22-28%); other levels assumption",
              .min = 0,
              .max = 1});
    v.num("burnout", burnout,
          {.doc = "extra weekly chance of stepping down when asked more hours than one has",
           .unit = "1/week",
           .source = "assumption",
           .min = 0,
           .max = 1});
    v.num("resignation", resignation,
          {.doc = "extra weekly chance of stepping down at zero hope (times 1 - hope)",
           .unit = "1/week",
           .source = "assumption; 004",
           .min = 0,
           .max = 1});
  }
};

// init: the organizations' starting supporters, volunteers, members and cadre.
void init(World& w, const EngagementParams& p, const Context& c);
void step(World& w, const EngagementParams& p, const Context& c);

}  // namespace tribune
