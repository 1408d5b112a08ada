#pragma once
// M14 militancy and strikes: a unionized workplace's militancy follows its workers' grievance and
// hope and the left organizers among them; at contract expiry the workplace strikes when militancy
// passes a threshold. A strike's outcome depends on solidarity hours from organizations (001:
// Teamsters at UPS, Amazon Labor Union), the union's treasury, the sector's density and the
// employer's resistance. Wins lower grievance and raise hope; every strike raises militancy in
// its sector (strike waves, 002).
#include "model/switch.h"

namespace tribune {

struct World;
struct Context;

struct StrikesParams {
  static constexpr const char* kName = "strikes";
  bool enabled = true;
  double militancy_rate = 0.05;
  double grievance_weight = 0.5;
  double hope_weight = 0.3;
  double organizer_weight = 2.0;
  double threshold = 0.5177;
  double threshold_spread = 0.05;
  int64_t strike_weeks = 6;
  double strike_pay = 200;
  double base_logit = -0.5;
  double solidarity_weight = 2.0;
  double solidarity_half = 1.0;
  double treasury_weight = 0.5;
  double density_weight = 2.0;
  double resistance_weight = 2.0;
  double wage_gain = 0.05;
  double hope_win = 0.15;
  double hope_loss = 0.1;
  double wave = 0.1;

  template <class V>
  void fields(V& v) {
    declare_switch(v, enabled);
    v.num("militancy_rate", militancy_rate,
          {.doc = "share of the gap to the militancy target closed each week",
           .unit = "1/week",
           .source = "assumption",
           .min = 0,
           .max = 1});
    v.num("grievance_weight", grievance_weight,
          {.doc = "weight of workers' mean grievance in the militancy target",
           .unit = "1",
           .source = "assumption",
           .min = 0,
           .max = 10});
    v.num("hope_weight", hope_weight,
          {.doc = "weight of workers' mean hope in the militancy target",
           .unit = "1",
           .source = "assumption",
           .min = 0,
           .max = 10});
    v.num("organizer_weight", organizer_weight,
          {.doc = "weight of the share of workers who are left members or cadre",
           .unit = "1",
           .source = "assumption; MODEL.md M14",
           .min = 0,
           .max = 100});
    v.num("threshold", threshold,
          {.doc = "militancy above which a workplace strikes at contract expiry",
           .unit = "[0, 1]",
           .source = "history-matched against scenarios/calibration/targets.yaml (docs/calibration.md section 4): BLS major work stoppages and strike-tracker rates",
           .min = 0,
           .max = 1});
    v.num("threshold_spread", threshold_spread,
          {.doc = "logistic spread of the strike decision around the threshold",
           .unit = "[0, 1]",
           .source = "assumption",
           .min = 1e-6,
           .max = 1});
    v.integer("strike_weeks", strike_weeks,
              {.doc = "length of a strike", .unit = "weeks", .source = "assumption", .min = 1, .max = 520});
    v.num("strike_pay", strike_pay,
          {.doc = "strike pay per striker per week, from the union treasury",
           .unit = "dollars/week",
           .source = "assumption",
           .min = 0,
           .max = 10000});
    v.num("base_logit", base_logit,
          {.doc = "log-odds of winning with no solidarity, treasury or density",
           .unit = "log-odds",
           .source = "assumption",
           .min = -20,
           .max = 20});
    v.num("solidarity_weight", solidarity_weight,
          {.doc = "log-odds at saturating solidarity hours per striker",
           .unit = "log-odds",
           .source = "assumption",
           .min = 0,
           .max = 50});
    v.num("solidarity_half", solidarity_half,
          {.doc = "solidarity hours per striker per week at half that effect",
           .unit = "hours/week",
           .source = "assumption",
           .min = 1e-6,
           .max = 1000});
    v.num("treasury_weight", treasury_weight,
          {.doc = "log-odds per $1,000 of union treasury per member",
           .unit = "log-odds",
           .source = "assumption",
           .min = 0,
           .max = 50});
    v.num("density_weight", density_weight,
          {.doc = "log-odds per unit of union density in the sector",
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
    v.num("wage_gain", wage_gain,
          {.doc = "lasting fall in strikers' grievance after a win",
           .unit = "[0, 1]",
           .source = "assumption",
           .min = 0,
           .max = 1});
    v.num("hope_win", hope_win,
          {.doc = "hope impulse to strikers after a win (their ties hear of it, M3)",
           .unit = "[0, 1]",
           .source = "assumption; 004",
           .min = 0,
           .max = 1});
    v.num(
        "hope_loss", hope_loss,
        {.doc = "hope lost by strikers after a defeat", .unit = "[0, 1]", .source = "assumption", .min = 0, .max = 1});
    v.num("wave", wave,
          {.doc = "militancy added to every union workplace of a sector per strike started in it, "
                  "divided by the sector's union workplaces",
           .unit = "[0, 1]",
           .source = "assumption; 002: teachers' strike wave",
           .min = 0,
           .max = 100});
  }
};

void init(World& w, const StrikesParams& p, const Context& c);
void step(World& w, const StrikesParams& p, const Context& c);

}  // namespace tribune
