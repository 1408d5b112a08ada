#pragma once
// M20 voting and counting. At set-up each person gets a party identification (a party index or
// none) and its strength, by proximity to the parties' positions. On a primary or general
// election tick, each person in a race's constituency turns out with probability
//   logistic(turnout_base + turnout_hope * hope + turnout_party * strength
//            + turnout_contact * [contacted by any campaign] + turnout_salience * salience)
// and scores each candidate k (multinomial logit, Gumbel noise of scale 1):
//   u = -proximity * (x - x_k)^2 + party * strength * [same party] + quality_k
//       + incumbency * [incumbent] + endorsement * ([their union backs k] + [their organization's candidate])
//       + contact * [contacted by k's campaign] + media * media_k
// where a campaign's contact reaches each resident with probability 1 - exp(-contacts / electorate)
// (diminishing returns, M19). Under plurality a voter whose first choice is not in the top two of
// the sincere count moves to the preferred of the top two with probability `strategic` (the
// spoiler problem, 002); under party-list PR of magnitude M, one whose list is outside the top
// M + 1 moves to the preferred of those (Cox 1997, Making Votes Count, ch. 6: the M + 1 rule). Counting by the office's rule (model/counting.h); instant runoff ranks
// by the same utilities; party-list PR gives each line's list seats by D'Hondt.
#include "model/switch.h"

namespace tribune {

struct World;
struct Context;

struct VotingParams {
  static constexpr const char* kName = "voting";
  bool enabled = true;
  double strength_mean = 0.6;
  double turnout_base = -3.23;
  double turnout_hope = 2.0;
  double turnout_party = 1.0;
  double turnout_contact = 0.8;
  double turnout_salience = 1.285;
  double primary_salience = 0.1757;
  double proximity = 4.0;
  double party = 1.5;
  double incumbency = 0.7707;
  double endorsement = 0.4;
  double contact = 0.5;
  double media = 0.5;
  double strategic = 0.8;

  template <class V>
  void fields(V& v) {
    declare_switch(v, enabled);
    v.num("strength_mean", strength_mean,
          {.doc = "mean strength of party identification among identifiers (uniform around it)",
           .unit = "[0, 1]",
           .source = "assumption",
           .min = 0,
           .max = 1});
    auto coef = [&](const char* key, double& x, const char* doc, const char* source = "assumption") {
      v.num(key, x, {.doc = doc, .unit = "logit", .source = source, .min = -100, .max = 100});
    };
    coef("turnout_base", turnout_base, "turnout log-odds of a resident with no hope, party, contact or salience",
         "history-matched against scenarios/calibration/targets.yaml (docs/calibration.md section 4): general turnout, primary turnout and the on-cycle ratio; New York's mayoral elections drew under 30% of "
         "registered voters five times running before 2025's 40% (amNY, 4 Nov 2025; 2.04 million of 5.1 "
         "million)");
    coef("turnout_hope", turnout_hope, "turnout log-odds per unit of hope");
    coef("turnout_party", turnout_party, "turnout log-odds per unit of party strength");
    coef("turnout_contact", turnout_contact, "turnout log-odds of having been contacted by a campaign",
         "assumption; Green and Gerber (2019): canvassing raises turnout by a few points");
    coef("turnout_salience", turnout_salience, "turnout log-odds per unit of the race's salience",
         "history-matched against scenarios/calibration/targets.yaml (docs/calibration.md section 4)");
    v.num("primary_salience", primary_salience,
          {.doc = "salience of a primary relative to the general election (primaries are low-turnout, 004)",
           .unit = "ratio",
           .source = "history-matched against scenarios/calibration/targets.yaml (docs/calibration.md section 4): primary turnout 10-25% of eligible voters",
           .min = 0,
           .max = 1});
    coef("proximity", proximity, "utility lost per squared unit of ideological distance");
    coef("party", party, "utility of one's own party's candidate, at full strength");
    coef("incumbency", incumbency, "utility of the incumbent",
         "history-matched against scenarios/calibration/targets.yaml (docs/calibration.md section 4): incumbents re-elected about 9 times in 10");
    coef("endorsement", endorsement, "utility of the candidate one's union or organization backs");
    coef("contact", contact, "utility of the candidate whose campaign contacted one");
    coef("media", media, "utility of a campaign's media at saturation (M19)");
    v.num("strategic", strategic,
          {.doc = "chance a voter leaves a first choice outside the top two (plurality) or the top M + 1 lists "
                  "(party-list PR of magnitude M; Cox 1997) of the sincere count for the preferred of those",
           .unit = "1",
           .source = "calibrated: 0.8 puts the effective number of parties by votes under plurality at about 2.3 in "
                     "a five-party reduced world (tests/unit/voting_test.cpp), inside the 2-2.5 of Duverger's law",
           .min = 0,
           .max = 1});
  }
};

// init: party identification; step: primaries and general elections due this tick.
void init(World& w, const VotingParams& p, const Context& c);
void step(World& w, const VotingParams& p, const Context& c);

}  // namespace tribune
