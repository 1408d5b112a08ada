#pragma once
// Organizations as declared in the scenario (`organizations:`), and the initial membership they
// start with. Their running state (counts, hours, treasury, memory) is World::orgs.
#include <array>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "core/fields.h"
#include "core/format.h"

namespace tribune {

struct World;
class Streams;
class Pool;

enum class OrgKind { left_membership, liberal_advocacy, campaign, community };
inline constexpr const char* kOrgKindNames[] = {"left_membership", "liberal_advocacy", "campaign", "community"};
enum class Structure { deliberative, gaseous };
inline constexpr const char* kStructureNames[] = {"deliberative", "gaseous"};

// Where an organization's volunteer hours go (M9).
enum Activity { kElectoral, kMovement, kUnion, kBaseBuilding, kInternal, kActivities };
inline constexpr const char* kActivityNames[kActivities] = {"electoral", "movement", "union", "base_building",
                                                            "internal"};

enum class AllocationRule { fixed, adaptive };
inline constexpr const char* kAllocationRuleNames[] = {"fixed", "adaptive"};

struct Allocation {
  double electoral = 0.4, movement = 0.15, union_support = 0.1, base_building = 0.2, internal = 0.15;
  AllocationRule rule = AllocationRule::fixed;
  double share(int a) const {
    const double s[kActivities] = {electoral, movement, union_support, base_building, internal};
    return s[a];
  }
  template <class V>
  void fields(V& v) {
    const Meta m{
        .doc = "share of the organization's volunteer hours", .unit = "1", .source = "scenario", .min = 0, .max = 1};
    v.num("electoral", electoral, m);
    v.num("movement", movement, m);
    v.num("union", union_support, m);
    v.num("base_building", base_building, m);
    v.num("internal", internal, m);
    v.choice("rule", rule, kAllocationRuleNames,
             {.doc = "fixed: these shares always; adaptive: they follow opportunities (M9, docs/ODD.md)"});
    const double total = electoral + movement + union_support + base_building + internal;
    v.check(std::abs(total - 1) < 1e-9, "internal",
            [total] { return "the five shares must sum to 1, got " + format_number(total); });
  }
};

// Weekly hours an organization asks of each engaged level (M5); more than a person has burns out.
struct Asks {
  double volunteer = 2, member = 1.5, cadre = 4;
  double of(int level) const { return level == 2 ? volunteer : level == 3 ? member : level == 4 ? cadre : 0.0; }
  template <class V>
  void fields(V& v) {
    const Meta m{.doc = "hours per week the organization asks of this level",
                 .unit = "hours/week",
                 .source = "assumption",
                 .min = 0,
                 .max = 80};
    v.num("volunteer", volunteer, m);
    v.num("member", member, m);
    v.num("cadre", cadre, m);
  }
};

// M9: which races an organization contests, and on which ballot line (decided in M17-M18).
enum class RaceSelection { any, strength };
inline constexpr const char* kRaceSelectionNames[] = {"any", "strength"};
enum class BallotLineRule { democratic, independent, flexible };
inline constexpr const char* kBallotLineRuleNames[] = {"democratic", "independent", "flexible"};

// M17: the candidates an organization runs, if any.
enum class Candidacy { none, insurgent, cadre_candidate, cadre_campaign };
inline constexpr const char* kCandidacyNames[] = {"none", "insurgent", "cadre_candidate", "cadre_campaign"};

struct OrgSpec {
  std::string name;
  OrgKind kind = OrgKind::left_membership;
  Structure structure = Structure::deliberative;
  double platform = -0.6;
  double members_per_resident = 1.0 / 670;
  double supporters_per_member = 10;
  double volunteers_per_member = 0.5;
  double cadre_share = 0.1;
  double college_affinity = 2.0;
  double union_affinity = 1.0;
  double dues = 5;
  double memory = 0.3;
  double leadership_turnover = 0.5;
  Allocation strategy;
  RaceSelection races = RaceSelection::any;
  double decisive_tie = 0.3;
  BallotLineRule ballot_line = BallotLineRule::democratic;
  double flexible_partisanship = 0.5;
  Candidacy candidates = Candidacy::none;
  double endorsement_stringency = 0.5;
  Asks asks;

  template <class V>
  void fields(V& v) {
    v.text("name", name, {.doc = "organization name", .required = true});
    v.choice("kind", kind, kOrgKindNames, {.doc = "what sort of organization it is"});
    v.choice("structure", structure, kStructureNames,
             {.doc = "deliberative (long meetings, member ownership) or gaseous (leader-centred action groups, 001)"});
    v.num("platform", platform,
          {.doc = "the organization's position on the ideology axis",
           .unit = "ideology",
           .source = "assumption",
           .min = -1,
           .max = 1});
    v.num("members_per_resident", members_per_resident,
          {.doc = "members at the start, per resident",
           .unit = "1/person",
           .source = "004: NYC-DSA about 1 per 670 residents; Milwaukee Socialists 1910 about 1 per 100",
           .min = 0,
           .max = 1});
    v.num("supporters_per_member", supporters_per_member,
          {.doc = "supporters (on the list, not active) at the start, per member",
           .unit = "1",
           .source = "assumption",
           .min = 0,
           .max = 1000});
    v.num("volunteers_per_member", volunteers_per_member,
          {.doc = "active non-member volunteers at the start, per member",
           .unit = "1",
           .source = "assumption",
           .min = 0,
           .max = 1000});
    v.num("cadre_share", cadre_share,
          {.doc = "share of starting members who are cadre", .unit = "1", .source = "assumption", .min = 0, .max = 1});
    v.num("college_affinity", college_affinity,
          {.doc = "how much likelier a college graduate is to start in the organization",
           .unit = "ratio",
           .source = "004: NYC-DSA concentrated among the college-educated; value assumed",
           .min = 0,
           .max = 100});
    v.num("union_affinity", union_affinity,
          {.doc = "how much likelier a member of a left-led union is to start in the organization (their left "
                  "leaders came up through it)",
           .unit = "ratio",
           .source = "assumption; 004: Milwaukee's Socialists led nearly every major union in the city",
           .min = 0,
           .max = 1000});
    v.num("dues", dues,
          {.doc = "dues per member per week", .unit = "dollars/week", .source = "assumption", .min = 0, .max = 1000});
    v.num("memory", memory,
          {.doc = "institutional memory at the start", .unit = "[0, 1]", .source = "assumption", .min = 0, .max = 1});
    v.num("leadership_turnover", leadership_turnover,
          {.doc = "share of the leadership replaced per year when the organization has no cadre to keep continuity",
           .unit = "1/year",
           .source = "assumption; 003: all-volunteer organizations lose memory with turnover",
           .min = 0,
           .max = 10});
    v.object("strategy", strategy, {.doc = "allocation of volunteer hours (M9)"});
    v.choice("races", races, kRaceSelectionNames,
             {.doc = "M9 race selection: any race, or only where its own relationships are decisive (strength, 003)"});
    v.num("decisive_tie", decisive_tie,
          {.doc = "with races: strength, the tie to a district's voting bloc and community groups needed to run there",
           .unit = "[0, 1]",
           .source = "assumption",
           .min = 0,
           .max = 1});
    v.choice("ballot_line", ballot_line, kBallotLineRuleNames,
             {.doc = "M9 ballot-line rule: democratic, independent, or flexible (independent where partisanship "
                     "and ballot access allow, 002)"});
    v.num("flexible_partisanship", flexible_partisanship,
          {.doc = "ballot_line flexible: run independent where at most this share of voters identify with the "
                  "establishment party",
           .unit = "1",
           .source = "assumption; 002: the independent line where partisanship allows",
           .min = 0,
           .max = 1});
    v.choice("candidates", candidates, kCandidacyNames,
             {.doc = "M17: candidates it runs: none, insurgent (candidate-centred, endorsed), cadre_candidate (a "
                     "member running a candidate-centred campaign) or cadre_campaign (the organization holds the "
                     "campaign, 003)"});
    v.num("endorsement_stringency", endorsement_stringency,
          {.doc = "M10: 0 endorses any better candidate (lesser evil); 1 only members on a binding platform (002)",
           .unit = "[0, 1]",
           .source = "assumption",
           .min = 0,
           .max = 1});
    v.object("asks", asks, {.doc = "hours asked of each engaged level (M5)"});
    v.check(supporters_per_member * members_per_resident + members_per_resident * (1 + volunteers_per_member) <= 1,
            "supporters_per_member", [] { return std::string("more starting supporters than residents"); });
  }
};

// How well a person's ideology fits an organization's platform: 1 at the platform, falling as a
// Gaussian of the distance with scale `width`.
inline double fit(double x, double platform, double width) {
  const double d = (x - platform) / width;
  return std::exp(-0.5 * d * d);
}

// Count the persons at each engagement level of each organization into World::orgs[o].count.
void count_levels(World& w, const Pool& pool);

}  // namespace tribune
