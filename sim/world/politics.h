#pragma once
// The running state of elections and government (M17-M27): offices with their current rules,
// the races of the cycle under way with their candidates, the officeholders, and the reforms.
// Small tables: tens to thousands of rows, not per-person columns.
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "core/fields.h"
#include "world/agenda.h"
#include "world/offices.h"
#include "core/state.h"

namespace tribune {

enum class Origin { establishment, insurgent, cadre_candidate, cadre_campaign };
inline constexpr const char* kOriginNames[] = {"establishment", "insurgent", "cadre_candidate", "cadre_campaign"};

// Who holds a campaign's resources, and so the officeholder's relationships (M19 -> M22).
enum Holder { kByOrganization, kByCandidate, kByEstablishment, kHolders };
inline constexpr const char* kHolderNames[kHolders] = {"organization", "candidate", "establishment"};

// An officeholder seated at week 0 (`officeholders:` in the scenario): scenarios about governing
// start governed. It serves until its office's first election (the office's `first_election`
// is the weeks left in the term), where it runs again as an incumbent.
struct OfficeholderSpec {
  static constexpr double kUnset = std::numeric_limits<double>::quiet_NaN();
  std::string office, district, organization, party, name;
  Origin origin = Origin::establishment;
  double position = kUnset, platform = kUnset;
  double held_by_organization = 0, held_by_candidate = 0, held_by_establishment = 1;
  // Resolved by the scenario loader.
  int office_id = -1, district_id = -1, org_id = -1, party_id = -1;

  template <class V>
  void fields(V& v) {
    v.text("office", office, {.doc = "the office it holds", .required = true});
    v.text("district", district, {.doc = "its district, for a per-district office ('' at large)"});
    v.text("name", name, {.doc = "its name in the output (default office/district/organization-or-party/seated)"});
    v.choice("origin", origin, kOriginNames,
             {.doc = "establishment, insurgent (candidate-centred), cadre_candidate or cadre_campaign (M17, 003)"});
    v.text("organization", organization,
           {.doc = "the organization that backs it ('' none); required for every origin but establishment"});
    v.text("party", party, {.doc = "the line it was elected on ('' the establishment party; 'independent' none)"});
    v.num(
        "position", position,
        {.doc = "its ideology (default: its platform)", .unit = "ideology", .source = "scenario", .min = -1, .max = 1});
    v.num("platform", platform,
          {.doc = "what it ran on (default: its organization's platform, else its party's position)",
           .unit = "ideology",
           .source = "scenario",
           .min = -1,
           .max = 1});
    const Meta share{.unit = "1", .source = "scenario; 003: who holds the relationships that won", .min = 0, .max = 1};
    Meta m = share;
    m.doc = "share of its winning coalition's relationships held by the organization (M19, M22)";
    v.num("held_by_organization", held_by_organization, m);
    m.doc = "share held by the officeholder personally";
    v.num("held_by_candidate", held_by_candidate, m);
    m.doc = "share held by the party establishment";
    v.num("held_by_establishment", held_by_establishment, m);
    const double total = held_by_organization + held_by_candidate + held_by_establishment;
    v.check(std::abs(total - 1) < 1e-9, "held_by_establishment",
            [total] { return "the three held_by shares must sum to 1, got " + std::to_string(total); });
  }
};

// What a campaign received, by holder.
struct Ledger {
  std::array<double, kHolders> hours{};         // volunteer hours
  std::array<double, kHolders> money{};         // dollars
  std::array<double, kHolders> endorsements{};  // members of endorsing unions in the constituency
  TRIBUNE_STATE(hours, money, endorsements)
};

struct Candidate {
  std::string name;
  int race = -1;
  int party = -1;  // the line: a party's index, or -1 for an independent line
  int org = -1;    // the organization whose candidate it is, or -1
  Origin origin = Origin::establishment;
  double position = 0;  // ideology
  double platform = 0;  // what it ran on: its organization's platform or its party's position
  double quality = 0;   // valence, in utility units
  int incumbent = -1;   // index of the officeholder it is, or -1
  bool on_ballot = true;
  int career_union = -1;  // a union it belonged to, its own tie (M8 for candidates)
  double career_tie = 0;
  double signatures = 0;  // valid signatures gathered (M18)
  double last_share = 0;  // in the last poll (hunters)
  double heading = 1;     // a hunter's velocity, in steps per poll (sign: direction)
  Ledger ledger;
  double contacts = 0;                        // contacts made so far (M19)
  std::array<double, kHolders> week_hours{};  // volunteer hours it got this week, by holder (M19)
  double media = 0;  // media effect in [-1, 1]: own money's reach less opposition spending (M19)
  double primary_votes = 0, votes = 0;
  bool won = false;
  bool bound = false;  // its backing organizations' binding platform has been applied (M10)
  bool petitioning() const { return party < 0; }
  TRIBUNE_STATE(name, race, party, org, origin, position, platform, quality, incumbent, on_ballot, career_union, career_tie, signatures, last_share, heading, ledger, contacts, week_hours, media, primary_votes, votes, won, bound)
};

struct Race {
  int office = -1;
  int district = -1;  // -1: at large
  Rule rule = Rule::plurality;
  int seats = 1;
  int64_t season_start = 0, primary = -1, general = 0;  // ticks; primary -1: none
  std::vector<int> candidates;                          // indices into Politics::candidates
  std::vector<int> union_backs;                         // per union: the candidate it endorses, or -1
  std::vector<int> org_backs;                           // per organization: the candidate it backs, or -1
  double electorate = 0, turnout = 0;
  bool primary_held = false, held = false;
  TRIBUNE_STATE(office, district, rule, seats, season_start, primary, general, candidates, union_backs, org_backs, electorate, turnout, primary_held, held)
};

struct Officeholder {
  std::string name;
  int office = -1, district = -1, party = -1, org = -1;
  Origin origin = Origin::establishment;
  double position = 0, platform = 0;
  double visibility = 1;
  std::array<double, kHolders> held{};  // shares of the winning coalition's relationships (sum 1)
  int64_t since = 0, term_end = 0;
  bool betrayed = false, endorsement_withdrawn = false;
  double drift() const { return position - platform; }
  TRIBUNE_STATE(name, office, district, party, org, origin, position, platform, visibility, held, since, term_end, betrayed, endorsement_withdrawn)
};

struct OfficeState {
  Rule rule = Rule::plurality;  // changes by electoral reform (M21)
  int64_t next_election = 0;
  double splits = 0;  // establishment seats lost to vote splitting, discounted (M21)
  bool reformed = false;
  TRIBUNE_STATE(rule, next_election, splits, reformed)
};

// The vote model's weights (M20's parameters), kept where M17's polls can read them.
struct VoteWeights {
  double turnout_base = 0, turnout_hope = 0, turnout_party = 0, turnout_contact = 0, turnout_salience = 0;
  double primary_salience = 0, proximity = 0, party = 0, incumbency = 0, endorsement = 0, contact = 0, media = 0;
  double strategic = 0;
  TRIBUNE_STATE(turnout_base, turnout_hope, turnout_party, turnout_contact, turnout_salience, primary_salience, proximity, party, incumbency, endorsement, contact, media, strategic)
};

// Ballot access (M18's parameters), read when an organization chooses its line (M9, M17) and
// when campaigns split hours between petitions and contacts (M19).
struct AccessRules {
  double signatures_per_hour = 0, struck = 0, petition_share = 0, regularity = 0;
  int64_t petition_weeks = 0;
  TRIBUNE_STATE(signatures_per_hour, struck, petition_share, regularity, petition_weeks)
};

struct Politics {
  std::vector<PartySpec> parties;
  std::vector<OfficeSpec> office_specs;
  VoteWeights vote;
  AccessRules access;
  std::vector<OfficeState> offices;
  std::vector<Race> races;            // the cycles under way
  std::vector<Candidate> candidates;  // of those races
  std::vector<Officeholder> holders;  // seated now
  int establishment = -1;             // index of the establishment party, or -1
  int64_t betrayals_this_tick = 0;
  // Legislation (M26) and credit (M27).
  std::vector<ReformSpec> agenda;
  size_t agenda_turn = 0;          // where the agenda's rotation stands: the next to consider
  std::vector<int64_t> passed_at;  // per reform: the week it passed, or -1
  bool passed(size_t r) const { return r < passed_at.size() && passed_at[r] >= 0; }
  double depth_passed = 0;       // cumulative depth of reforms passed
  double capital_threshold = 0;  // cumulative depth at which capital answers next
  int64_t reforms_passed = 0, capital_shocks = 0;
  std::vector<int> passed_this_tick;                  // agenda indices, for M27
  double sponsor_visibility = 0;                      // of the most visible backed officeholder who voted for them
  double translation_friction = 0;                    // M26's: what movement power loses on its way to officeholders
  double disruption = 0;                              // this week's disruption signal (M26)
  double session_disruption = 0;                      // the largest weekly disruption since the last vote
  std::vector<double> disruption_in;                  // the same per district, where it comes from (M26)
  std::vector<double> hope_history;                   // mean hope, the last 53 weeks (M22)
  std::vector<std::vector<double>> strength_history;  // per organization, the last 53 weeks (M22)
  TRIBUNE_STATE(parties, vote, access, offices, races, candidates, holders, establishment, betrayals_this_tick, agenda_turn, passed_at, depth_passed, capital_threshold, reforms_passed, capital_shocks, passed_this_tick, sponsor_visibility, translation_friction, disruption, session_disruption, disruption_in, hope_history, strength_history)
};

}  // namespace tribune
