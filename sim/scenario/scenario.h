#pragma once
// A validated, immutable scenario: everything a run needs, nothing about how it is run
// (threads live on the command line because they never change results).
#include <cstdint>
#include <string>
#include <vector>

#include "core/event.h"
#include "model/accountability.h"
#include "model/agenda.h"
#include "model/ballot_access.h"
#include "model/campaign_handover.h"
#include "model/campaigns.h"
#include "model/candidates.h"
#include "model/electoral_reform.h"
#include "model/credit.h"
#include "model/endorsement.h"
#include "model/engagement.h"
#include "model/episodes.h"
#include "model/grievance.h"
#include "model/hope.h"
#include "model/legislation.h"
#include "model/memory.h"
#include "model/mobilization.h"
#include "model/morale.h"
#include "model/movement_pressure.h"
#include "model/movement_recruitment.h"
#include "model/offices.h"
#include "model/opinion.h"
#include "model/organizer_in_chief.h"
#include "model/organization.h"
#include "model/population.h"
#include "model/pressure.h"
#include "model/relationships.h"
#include "model/repression.h"
#include "model/strategy.h"
#include "model/strikes.h"
#include "model/structure.h"
#include "model/time_budget.h"
#include "model/timeline.h"
#include "model/tribune_effect.h"
#include "model/union.h"
#include "model/union_growth.h"
#include "model/union_leadership.h"
#include "model/union_politics.h"
#include "model/voting.h"
#include "scenario/error.h"
#include "scenario/fields.h"

namespace tribune::scenario {
struct Node;
}

namespace tribune {

// The mechanisms, by scenario key. Adding one: its params struct here, one line in fields(),
// one line in the tick function (core/tick.cpp).
struct Mechanisms {
  TimelineParams timeline;                   // M32
  GrievanceParams grievance;                 // M2
  OpinionParams opinion;                     // M4
  HopeParams hope;                           // M3
  StrategyParams strategy;                   // M9
  StructureParams structure;                 // M11
  TimeBudgetParams time_budget;              // M5
  RelationshipsParams relationships;         // M8
  EngagementParams engagement;               // M6
  MemoryParams memory;                       // M7
  EndorsementParams endorsement;             // M10
  CampaignHandoverParams campaign_handover;  // M12
  UnionGrowthParams union_growth;            // M13
  StrikesParams strikes;                     // M14
  UnionLeadershipParams union_leadership;    // M15
  UnionPoliticsParams union_politics;        // M16
  OrganizerInChiefParams organizer_in_chief;  // M25
  MobilizationParams mobilization;            // M28
  RepressionParams repression;                // M29
  EpisodesParams episodes;                    // M28 episodes
  MovementRecruitmentParams movement_recruitment;  // M30
  CandidatesParams candidates;               // M17
  CampaignsParams campaigns;                 // M19
  BallotAccessParams ballot_access;          // M18
  VotingParams voting;                       // M20
  ElectoralReformParams electoral_reform;    // M21
  PressureParams pressure;                   // M22
  AccountabilityParams accountability;       // M23
  MovementPressureParams movement_pressure;  // M30
  TribuneEffectParams tribune_effect;        // M24
  LegislationParams legislation;             // M26
  CreditParams credit;                       // M27
  MoraleParams morale;                       // M31

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
    v.object(MobilizationParams::kName, mobilization,
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
    v.object(PressureParams::kName, pressure, {.doc = "M22: institutional pressure and officeholders' drift"});
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

struct EngineParams {
  int64_t chunk_size = 16384;
  template <class V>
  void fields(V& v) {
    v.integer("chunk_size", chunk_size,
              {.doc = "persons per parallel work item; a multiple of 1024; changes speed, never results",
               .unit = "persons",
               .min = 1024,
               .max = 1 << 26});
    v.check(chunk_size % 1024 == 0, "chunk_size", [] { return std::string("must be a multiple of 1024"); });
  }
};

struct OutputParams {
  int64_t snapshot_every = 0;
  template <class V>
  void fields(V& v) {
    v.integer("snapshot_every", snapshot_every,
              {.doc = "write per-person columns every this many ticks (0: never)", .unit = "ticks", .min = 0});
  }
};

struct Scenario {
  std::string name;
  std::string description;
  int64_t seed = 1;
  int64_t replicate = 0;
  int64_t horizon_weeks = 0;
  EngineParams engine;
  WorldParams world;
  std::vector<OrgSpec> organizations;
  std::vector<UnionSpec> unions;
  std::vector<PartySpec> parties = {
      {"democratic", -0.15, Positioning::hunter, true, 0.33},
      {"republican", 0.35, Positioning::aggregator, false, 0.3},
  };
  std::vector<OfficeSpec> offices;
  std::vector<ReformSpec> agenda;
  Mechanisms mechanisms;
  OutputParams output;

  template <class V>
  void fields(V& v) {
    v.text("name", name, {.doc = "short name of the scenario", .required = true});
    v.text("description", description, {.doc = "what the scenario is for"});
    v.integer("seed", seed, {.doc = "random seed (always recorded in the output)", .min = 0, .max = 9.0e15});
    v.integer("replicate", replicate,
              {.doc = "replicate number; a second key of every random stream", .min = 0, .max = 1e9});
    v.integer("horizon_weeks", horizon_weeks,
              {.doc = "ticks to run; a tick is one week", .unit = "weeks", .min = 1, .max = 100000, .required = true});
    v.object("engine", engine, {.doc = "how the engine splits work (never changes results)"});
    v.object("world", world, {.doc = "M1 population: who lives where, works where, and knows whom", .required = true});
    v.list(
        "organizations", organizations,
        {.doc = "organizations: left membership organizations, liberal advocacy groups, campaigns, community groups"});
    v.list("unions", unions,
           {.doc = "unions and the sectors they represent; a sector no union names gets a union of its own"});
    v.list("parties", parties,
           {.doc = "parties whose candidates run on their lines (default: democratic, the establishment, and "
                   "republican)"});
    v.list("offices", offices, {.doc = "elected offices (M17); none: no elections"});
    v.list("agenda", agenda, {.doc = "reforms brought to a vote in order, one per session (M26)"});
    v.object("mechanisms", mechanisms, {.doc = "the model's mechanisms, each with its switch and parameters"});
    v.timeline("timeline", mechanisms.timeline.events, {.doc = "events at given weeks (M32)"});
    v.object("output", output, {.doc = "what is written besides the series"});
  }
};

struct LoadOptions {
  std::vector<std::string> overrides;           // "a.b.c=value", applied in order after `extends:`
  std::vector<Diagnostic>* warnings = nullptr;  // where to put warnings (valid but suspicious input)
};

// Load, merge, override, validate and resolve references. Throws ScenarioError listing every
// problem found, each with file:line:col and key path.
Scenario load_scenario(const std::string& path, const LoadOptions& opts = {});
Scenario load_scenario_text(const std::string& text, const std::string& name, const LoadOptions& opts = {});

// The same from a source tree already parsed (scenario/node.h), which is copied: a sweep parses
// its base scenario once and applies each run's overrides to a copy.
Scenario load_scenario_tree(scenario::Node root, const LoadOptions& opts = {});

// The scenario as YAML with every parameter at its value (stored in each output file).
std::string resolved_yaml(const Scenario& s);

// JSON Schema and Markdown reference of the scenario format.
std::string scenario_json_schema();
std::string scenario_reference_markdown();

}  // namespace tribune
