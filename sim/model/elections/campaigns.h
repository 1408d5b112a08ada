#pragma once
// M19 campaigns. Each week of a season every candidate on the ballot receives, by who supplies it:
//   volunteer hours: its organization's election hours (split over the races it is in by
//     residents), a candidate-centred committee's (`committee_hours`, insurgents and cadre
//     candidates), the party apparatus's (`party_hours`, a party's candidates and, after the
//     primary, the establishment line's nominee), and endorsing unions' (`union_hours` per member
//     in the constituency); an organization that lost the establishment primary gives the
//     nominee `regularity` of its hours (M18);
//   money: donors (`donor_money`, more for incumbents) for party candidates and nominees, small
//     donors (`small_donation` per supporter or more of the organization living there), the
//     candidate's own donors (`candidate_money`, candidate-centred), and opposition spending
//     against organization candidates (`opposition_money`, 004);
//   endorsements: the members of endorsing unions who live there.
// Hours become contacts (`contacts_per_hour`, times the organization's efficiency for its own),
// less what independents spend petitioning; contacts reach residents with diminishing returns
// (M20). Money becomes media: M / (M + media_half x residents), less the same for opposition.
// All of it is entered in the candidate's ledger by holder, which M22 reads.
#include "model/switch.h"

namespace tribune {

struct World;
struct Context;

struct CampaignsParams {
  static constexpr const char* kName = "campaigns";
  bool enabled = true;
  double contacts_per_hour = 3;
  double party_hours = 2;
  double committee_hours = 2;
  double union_hours = 0.02;
  double donor_money = 0.05;
  double incumbent_money = 2;
  double small_donation = 0.2;
  double candidate_money = 0.02;
  double opposition_money = 0;
  double media_half = 1.0;

  template <class V>
  void fields(V& v) {
    declare_switch(v, enabled);
    auto num = [&](const char* key, double& x, const char* doc, const char* unit, const char* source, double max) {
      v.num(key, x, {.doc = doc, .unit = unit, .source = source, .min = 0, .max = max});
    };
    num("contacts_per_hour", contacts_per_hour, "residents reached per volunteer hour", "1/hour",
        "assumption (Green and Gerber 2019: a canvasser has a few conversations an hour)", 100);
    num("party_hours", party_hours, "party apparatus volunteer hours per 1,000 residents per week", "hours/week",
        "assumption", 1000);
    num("committee_hours", committee_hours,
        "a candidate-centred committee's own volunteer hours per 1,000 residents per week", "hours/week",
        "assumption; 003", 1000);
    num("union_hours", union_hours, "volunteer hours per week per member of an endorsing union", "hours/week",
        "assumption", 100);
    num("donor_money", donor_money, "donors' money per resident per week for a party's candidate", "dollars/week",
        "assumption", 1000);
    num("incumbent_money", incumbent_money, "how much more donors give an incumbent", "ratio", "assumption", 100);
    num("small_donation", small_donation, "small donations per week per supporter (or more) of the organization",
        "dollars/week", "assumption", 1000);
    num("candidate_money", candidate_money, "a candidate-centred campaign's own donors, per resident per week",
        "dollars/week", "assumption", 1000);
    num("opposition_money", opposition_money,
        "opposition spending per resident per week against each organization candidate", "dollars/week",
        "assumption; 004: billionaire spending against Mamdani", 1000);
    v.num("media_half", media_half,
          {.doc = "money per resident at which a campaign's media reaches half its effect",
           .unit = "dollars",
           .source = "assumption",
           .min = 1e-6,
           .max = 1e6});
  }
};

void init(World& w, const CampaignsParams& p, const Context& c);
void step(World& w, const CampaignsParams& p, const Context& c);

}  // namespace tribune
