#pragma once
// Every mechanism's parameters, by scenario key (`mechanisms:`), in the order of the tick.
#include "model/elections/ballot_access.h"
#include "model/elections/campaigns.h"
#include "model/elections/candidates.h"
#include "model/elections/electoral_reform.h"
#include "model/elections/voting.h"
#include "model/events/timeline.h"
#include "model/government/accountability.h"
#include "model/government/credit.h"
#include "model/government/institutional_pressure.h"
#include "model/government/legislation.h"
#include "model/government/movement_pressure.h"
#include "model/government/tribune_effect.h"
#include "model/movements/episodes.h"
#include "model/movements/mobilization.h"
#include "model/movements/morale.h"
#include "model/movements/movement_recruitment.h"
#include "model/movements/organizer_in_chief.h"
#include "model/movements/repression.h"
#include "model/organizations/campaign_handover.h"
#include "model/organizations/endorsement.h"
#include "model/organizations/engagement.h"
#include "model/organizations/memory.h"
#include "model/organizations/relationships.h"
#include "model/organizations/strategy.h"
#include "model/organizations/structure.h"
#include "model/organizations/time_budget.h"
#include "model/society/grievance.h"
#include "model/society/hope.h"
#include "model/society/opinion.h"
#include "model/unions/strikes.h"
#include "model/unions/union_growth.h"
#include "model/unions/union_leadership.h"
#include "model/unions/union_politics.h"

namespace tribune {

// The mechanisms, by scenario key. Adding one: its params struct here, one line in fields(),
// one line in the tick function (engine/tick.cpp).
struct Mechanisms {
  TimelineParams timeline;                             // M32
  GrievanceParams grievance;                           // M2
  OpinionParams opinion;                               // M4
  HopeParams hope;                                     // M3
  StrategyParams strategy;                             // M9
  StructureParams structure;                           // M11
  TimeBudgetParams time_budget;                        // M5
  RelationshipsParams relationships;                   // M8
  EngagementParams engagement;                         // M6
  MemoryParams memory;                                 // M7
  EndorsementParams endorsement;                       // M10
  CampaignHandoverParams campaign_handover;            // M12
  UnionGrowthParams union_growth;                      // M13
  StrikesParams strikes;                               // M14
  UnionLeadershipParams union_leadership;              // M15
  UnionPoliticsParams union_politics;                  // M16
  OrganizerInChiefParams organizer_in_chief;           // M25
  MobilizationParams mobilization;                     // M28
  RepressionParams repression;                         // M29
  EpisodesParams episodes;                             // M28 episodes
  MovementRecruitmentParams movement_recruitment;      // M30
  CandidatesParams candidates;                         // M17
  CampaignsParams campaigns;                           // M19
  BallotAccessParams ballot_access;                    // M18
  VotingParams voting;                                 // M20
  ElectoralReformParams electoral_reform;              // M21
  InstitutionalPressureParams institutional_pressure;  // M22
  AccountabilityParams accountability;                 // M23
  MovementPressureParams movement_pressure;            // M30
  TribuneEffectParams tribune_effect;                  // M24
  LegislationParams legislation;                       // M26
  CreditParams credit;                                 // M27
  MoraleParams morale;                                 // M31

  template <class V>
  void fields(V& v) {
    v.object(TimelineParams::kName, timeline, {.doc = "M32: scenario events at given weeks"});
    v.object(GrievanceParams::kName, grievance, {.doc = "M2: grievance from class and economic shocks"});
    v.object(OpinionParams::kName, opinion, {.doc = "M4: ideology by bounded-confidence influence over ties"});
    v.object(HopeParams::kName, hope, {.doc = "M3: hope (the opposite of resignation)"});
    v.object(StrategyParams::kName, strategy,
             {.doc = "M9: the adaptive allocation rule, race selection and ballot-line rules"});
    v.object(StructureParams::kName, structure, {.doc = "M11: deliberative or gaseous, what each costs and gives"});
    v.object(TimeBudgetParams::kName, time_budget, {.doc = "M5: political hours and where they go"});
    v.object(RelationshipsParams::kName, relationships,
             {.doc = "M8: ties to unions, community groups, voting blocs and donors, and who holds them"});
    v.object(EngagementParams::kName, engagement, {.doc = "M6: the engagement ladder, none to cadre and back"});
    v.object(MemoryParams::kName, memory, {.doc = "M7: treasury and institutional memory"});
    v.object(EndorsementParams::kName, endorsement, {.doc = "M10: whom organizations endorse, and their brand"});
    v.object(CampaignHandoverParams::kName, campaign_handover,
             {.doc = "M12: national campaigns recruit, end, and may hand their people to an organization"});
    v.object(UnionGrowthParams::kName, union_growth, {.doc = "M13: organizing drives and the erosion of membership"});
    v.object(StrikesParams::kName, strikes, {.doc = "M14: militancy, contract expiries, strikes and strike waves"});
    v.object(UnionLeadershipParams::kName, union_leadership, {.doc = "M15: union elections, business or left"});
    v.object(UnionPoliticsParams::kName, union_politics,
             {.doc = "M16: how likely each union is to back an insurgent, and whom it endorses"});
    v.object(OrganizerInChiefParams::kName, organizer_in_chief,
             {.doc = "M25: a left executive's calls for mass action, and whom infrastructure lets them reach"});
    v.object(
        MobilizationParams::kName, mobilization,
        {.doc = "M28: who protests: grievance, illegitimacy, hope, risk, ties, thresholds (Epstein, Granovetter)"});
    v.object(RepressionParams::kName, repression, {.doc = "M29: arrests, jail terms and backlash"});
    v.object(EpisodesParams::kName, episodes, {.doc = "detection of bursts of protest, city-wide and per district"});
    v.object(MovementRecruitmentParams::kName, movement_recruitment,
             {.doc = "M30: organizations present in movements sign protesters up"});
    v.object(CandidatesParams::kName, candidates,
             {.doc = "M17: election seasons, who runs, and how party candidates move with the polls"});
    v.object(CampaignsParams::kName, campaigns,
             {.doc = "M19: volunteer hours, money and endorsements, and who supplies them"});
    v.object(BallotAccessParams::kName, ballot_access,
             {.doc = "M18: petitions for independent lines and party regularity after primaries"});
    v.object(VotingParams::kName, voting, {.doc = "M20: party identification, turnout, vote choice and counting"});
    v.object(ElectoralReformParams::kName, electoral_reform,
             {.doc = "M21: vote splitting that costs the establishment seats brings instant runoff or PR"});
    v.object(InstitutionalPressureParams::kName, institutional_pressure,
             {.doc = "M22: institutional pressure and officeholders' drift"});
    v.object(AccountabilityParams::kName, accountability,
             {.doc = "M23: betrayals and what an organization can do about them"});
    v.object(MovementPressureParams::kName, movement_pressure,
             {.doc = "M30: movements press every officeholder toward their demands, left ones included"});
    v.object(TribuneEffectParams::kName, tribune_effect,
             {.doc = "M24: what a visible left officeholder does to its constituency and to the brand"});
    v.object(LegislationParams::kName, legislation,
             {.doc = "M26: votes on the agenda, pressure from disruption, vetoes, capital's tolerance"});
    v.object(CreditParams::kName, credit, {.doc = "M27: what reforms do for those who benefit, and whom they credit"});
    v.object(MoraleParams::kName, morale, {.doc = "M31: wins and defeats weigh on the hope of those who invested"});
  }
};

}  // namespace tribune
