#pragma once
// M28 mobilization: each week each person not in jail decides whether to protest (Epstein 2002,
// Granovetter 1978), from the state at the start of the phase:
//   net = grievance_weight * grievance * (1 - legitimacy) * (1 - hope_weight + hope_weight * hope)
//       + social * s - risk_aversion * P + organized * min(1, m / organized_hours) + asked * [asked]
// and protests when net >= threshold. s is the share of one's ties who protested last week
// (`mixing: ties`) or the number of others who did, city-wide (`mixing: complete`, Granovetter's
// counts). P, the arrest probability one expects, is Epstein's 1 - exp(-arrest_k * r) with r the
// ratio of police to protesters (oneself included) in one's district last week; published
// replications disagree on rounding r, so `rounding` is `exact`, `floor` (Epstein's) or `round`.
// With `vision: ties` the ratio is local, as in Epstein's lattice: one sees oneself and one's
// ties, the protesters among them last week and the police among them this week, a Poisson count
// with mean (the district's police per resident) x (ties + 1), drawn afresh each week (Epstein's
// cops move at random); M29 then arrests where those police are.
// m is the hours the person gave this week to their organization's movement work (M5, M9): an
// organization that puts its people's hours into movements puts them in the street (mobilizing
// structures; McCarthy and Zald 1977), one that puts them into campaigns does not. Beyond their
// own people, organizers ask residents to come: each movement hour given by a district's
// residents (M5) asks `asks_per_hour` of them at random, and a resident asked this week has
// `asked` added (being asked is what most separates those who take part from sympathizers who
// do not; Klandermans and Oegema 1987).
// Thresholds are drawn normal(threshold_mean, threshold_sd), or with `thresholds: sequence` set
// to each person's index (0, 1, 2, ...: Granovetter's riot), or with `quantiles` set to the normal
// distribution's (i + 1/2) / n quantiles; `threshold_edits` change single
// persons' thresholds. Risk aversion is uniform on [0, risk_scale]. Protest tires: tiredness
// grows by one each week protested and lowers net by `fatigue` per unit; a week rested takes one
// unit off with probability `recovery` (so a week of protest takes 1 / recovery weeks to rest
// off), and a burst wears down to those who can keep it up, then ends until people have rested.
#include <cstdint>
#include <vector>

#include "model/switch.h"

namespace tribune {

struct World;
struct Context;

enum class Mixing { ties, complete };
inline constexpr const char* kMixingNames[] = {"ties", "complete"};
enum class Rounding { exact, floor, round };
inline constexpr const char* kRoundingNames[] = {"exact", "floor", "round"};
enum class Vision { district, ties };
inline constexpr const char* kVisionNames[] = {"district", "ties"};
enum class ThresholdMode { normal, sequence, quantiles };
inline constexpr const char* kThresholdModeNames[] = {"normal", "sequence", "quantiles"};

struct ThresholdEdit {
  int64_t person = 0;
  double value = 0;
  template <class V>
  void fields(V& v) {
    v.integer("person", person, {.doc = "person index", .min = 0, .required = true});
    v.num("value", value, {.doc = "the person's threshold", .unit = "1", .required = true});
  }
};

struct MobilizationParams {
  static constexpr const char* kName = "mobilization";
  bool enabled = true;
  Mixing mixing = Mixing::ties;
  double grievance_weight = 1.0;
  double hope_weight = 0.5;
  double social = 0.3;
  double arrest_k = 2.3;
  Rounding rounding = Rounding::floor;
  Vision vision = Vision::district;
  double police_per_1000 = 3.0;
  ThresholdMode thresholds = ThresholdMode::normal;
  double threshold_mean = 0.3707;
  double threshold_sd = 0.1;
  double risk_scale = 1.0;
  double fatigue = 0.02;
  double recovery = 0.25;
  double organized = 0.2;
  double organized_hours = 2;
  double asks_per_hour = 5;
  double asked = 0.1;
  std::vector<ThresholdEdit> threshold_edits;

  template <class V>
  void fields(V& v) {
    declare_switch(v, enabled);
    v.choice("mixing", mixing, kMixingNames,
             {.doc = "social term: share of one's ties protesting (ties) or count of all others (complete)"});
    v.num("grievance_weight", grievance_weight,
          {.doc = "weight of grievance x illegitimacy (Epstein's G = H(1 - L))",
           .unit = "1",
           .source = "Epstein 2002",
           .min = 0,
           .max = 100});
    v.num("hope_weight", hope_weight,
          {.doc = "how much the grievance term needs hope (0: not at all; 1: none without hope)",
           .unit = "1",
           .source = "assumption; 000",
           .min = 0,
           .max = 1});
    v.num("social", social,
          {.doc = "weight of the social term (per unit share of ties, or per person under complete mixing)",
           .unit = "1",
           .source = "assumption; Granovetter 1978",
           .min = 0,
           .max = 1e6});
    v.num("arrest_k", arrest_k,
          {.doc = "Epstein's constant in P = 1 - exp(-k (police / protesters))",
           .unit = "1",
           .source = "Epstein 2002: 2.3 (P = 0.9 at one officer per protester)",
           .min = 0,
           .max = 100});
    v.choice("rounding", rounding, kRoundingNames,
             {.doc = "how the police-to-protesters ratio is rounded: exact, floor (Epstein 2002) or round "
                     "(replications disagree)"});
    v.choice("vision", vision, kVisionNames,
             {.doc = "what the arrest risk is reckoned over: the district last week (district, mean-field) or one's "
                     "ties and oneself (ties: protesting ties + 1 against the police in view, a Poisson count of mean "
                     "police per resident x (ties + 1) drawn each week; M29 then arrests where they are; Epstein "
                     "2002's local vision)"});
    v.num("police_per_1000", police_per_1000,
          {.doc = "police per 1,000 residents in each district",
           .unit = "1/1000 persons",
           .source = "about 2.4 sworn officers per 1,000 residents in US cities (BJS); NYC about 4",
           .min = 0,
           .max = 1000});
    v.choice("thresholds", thresholds, kThresholdModeNames,
             {.doc = "normal draws; sequence: each person's threshold is their index (Granovetter's riot); "
                     "quantiles: person i of n gets the normal distribution's (i + 1/2) / n quantile (the "
                     "distribution itself rather than a sample of it, as Granovetter's normal example)"});
    v.num("threshold_mean", threshold_mean,
          {.doc = "mean protest threshold",
           .unit = "1",
           .source = "history-matched against scenarios/calibration/targets.yaml (docs/calibration.md section 4): protest peak, wave length and recurrence; the 2020 wave after George Floyd's "
                     "killing drew 15-26 million (4.5-8% of the US population) over about a month (New York Times, "
                     "3 July 2020). The response tips: at 0.35 a tenth of the city comes out, at 0.4 almost no one "
                     "(docs/claims.md)",
           .min = -100,
           .max = 100});
    v.num("threshold_sd", threshold_sd,
          {.doc = "spread of thresholds", .unit = "1", .source = "assumption", .min = 0, .max = 100});
    v.num("risk_scale", risk_scale,
          {.doc = "risk aversion is uniform on [0, risk_scale]",
           .unit = "1",
           .source = "Epstein 2002: U(0, 1)",
           .min = 0,
           .max = 100});
    v.num("fatigue", fatigue,
          {.doc = "net lost per unit of tiredness (weeks protested less weeks rested since)",
           .unit = "1/week",
           .source = "assumption; protest waves decline (Tarrow 1998)",
           .min = 0,
           .max = 100});
    v.num("organized", organized,
          {.doc = "added to the protest calculus of a volunteer, member or cadre who gives organized_hours or "
                  "more a week to their organization's movement work (less in proportion)",
           .unit = "1",
           .source = "assumption; McCarthy and Zald (1977): organizations mobilize their own people",
           .min = 0,
           .max = 100});
    v.num("organized_hours", organized_hours,
          {.doc = "weekly movement hours at which the organized term is full",
           .unit = "hours/week",
           .source = "assumption",
           .min = 0.01,
           .max = 100});
    v.num("asks_per_hour", asks_per_hour,
          {.doc = "residents an hour of movement organizing asks to come out",
           .unit = "persons/hour",
           .source = "assumption (a canvasser reaches a handful of doors an hour)",
           .min = 0,
           .max = 1000});
    v.num("asked", asked,
          {.doc = "added to the protest calculus of a resident asked this week",
           .unit = "1",
           .source = "assumption; Klandermans and Oegema (1987): being asked separates participants from "
                     "sympathizers",
           .min = 0,
           .max = 100});
    v.num("recovery", recovery,
          {.doc = "chance per week rested that one week of protest's tiredness is rested off",
           .unit = "1/week",
           .source = "assumption: waves of protest recur over years, not weeks (Tarrow's cycles of contention); "
                     "a month of rest per week in the street",
           .min = 0,
           .max = 1});
    v.list("threshold_edits", threshold_edits, {.doc = "single persons' thresholds, set after the draw", .max = 1e5});
  }
};

void init(World& w, const MobilizationParams& p, const Context& c);
void step(World& w, const MobilizationParams& p, const Context& c);

// Set whether person i protests, keeping every tie's count of protesting ties (protest_ties) in
// step. Serial: call it from one thread.
void set_protesting(World& w, int64_t i, bool on);

// Epstein's estimated arrest probability for `police` officers facing `protesters` (oneself
// included), under a rounding rule.
double arrest_probability(double police, double protesters, double k, Rounding rounding);

}  // namespace tribune
