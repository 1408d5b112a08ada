#pragma once
// M2 grievance: g relaxes toward clamp(base[class] + offset + shock(t, class, district) + outrage).
// Outrage (what repression's backlash, M29, and a police killing, M32, add) fades with half-life
// `outrage_half_life`: a moral shock brings people out for weeks, not for ever. With `initial:
// uniform` each person's grievance and the level it relaxes to are drawn U(0, 1) instead (class
// baselines and offsets unused: Epstein 2002's hardship H).
#include "model/switch.h"
#include "world/by_class.h"

namespace tribune {

struct World;
struct Context;

enum class GrievanceStart { model, uniform };
inline constexpr const char* kGrievanceStartNames[] = {"model", "uniform"};

struct GrievanceParams {
  static constexpr const char* kName = "grievance";
  bool enabled = true;
  ByClass base{0.45, 0.30, 0.10};
  double offset_sd = 0.10;
  double adjust_rate = 0.25;
  double noise_sd = 0.01;
  double outrage_half_life = 5.297;
  GrievanceStart initial = GrievanceStart::model;

  template <class V>
  void fields(V& v) {
    declare_switch(v, enabled);
    v.choice("initial", initial, kGrievanceStartNames,
             {.doc = "model: class baseline plus a normal offset; uniform: each person's grievance, and the level it "
                     "relaxes to, U(0, 1) (Epstein 2002's hardship H; base and offset_sd unused)"});
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
    v.num("outrage_half_life", outrage_half_life,
          {.doc = "weeks in which outrage (backlash, police killings) halves",
           .unit = "weeks",
           .source = "history-matched against scenarios/calibration/targets.yaml (docs/calibration.md section 4); the 2020 wave after George Floyd's killing (May 25) peaked on June 6 and "
                     "ran about a month (New York Times, 3 July 2020, from Crowd Counting Consortium counts)",
           .min = 0.1,
           .max = 10000});
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
