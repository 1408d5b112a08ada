#pragma once
// Parties and offices as declared in the scenario (`parties:`, `offices:`), M17. Their running
// state (races, candidates, officeholders) is in world/politics.h.
#include <cstdint>
#include <string>
#include <vector>

#include "core/fields.h"
#include "core/state.h"

namespace tribune {

// How votes become seats (M20 counts them, model/elections/counting.h).
enum class Rule { plurality, two_round, irv, list_pr };
inline constexpr const char* kRuleNames[] = {"plurality", "two_round", "irv", "list_pr"};

// How a party's candidates move between elections (Laver 2005): stickers stay, aggregators move
// to the mean position of their supporters, hunters keep moving while their support grows and
// turn when it falls.
enum class Positioning { sticker, aggregator, hunter };
inline constexpr const char* kPositioningNames[] = {"sticker", "aggregator", "hunter"};

struct PartySpec {
  std::string name;
  double position = 0;
  Positioning positioning = Positioning::sticker;
  bool establishment = false;
  double identifiers = 0.3;

  template <class V>
  void fields(V& v) {
    v.text("name", name, {.doc = "party name; its candidates run on this line", .required = true});
    v.num("position", position,
          {.doc = "where the party's candidates start on the ideology axis",
           .unit = "ideology",
           .source = "assumption",
           .min = -1,
           .max = 1,
           .required = true});
    v.choice("positioning", positioning, kPositioningNames,
             {.doc = "how its candidates move with the polls: sticker, aggregator or hunter (Laver 2005)"});
    v.flag("establishment", establishment,
           {.doc = "the party whose primary left candidates enter and whose apparatus presses officeholders "
                   "(M18, M22); at most one"});
    v.num("identifiers", identifiers,
          {.doc = "share of residents who identify with the party at the start (drawn by proximity)",
           .unit = "1",
           .source = "assumption; roughly a third each for the two US parties (Gallup party ID)",
           .min = 0,
           .max = 1});
  }
  TRIBUNE_STATE(name, position, positioning, establishment, identifiers)
};

enum class OfficeLevel { council, state_legislature, mayor, governor, national };
inline constexpr const char* kOfficeLevelNames[] = {"council", "state_legislature", "mayor", "governor", "national"};
enum class Constituency { per_district, at_large };
inline constexpr const char* kConstituencyNames[] = {"per_district", "at_large"};
enum class PrimaryType { closed, open, none };
inline constexpr const char* kPrimaryTypeNames[] = {"closed", "open", "none"};

struct OfficeSpec {
  std::string name;
  OfficeLevel level = OfficeLevel::council;
  Constituency constituency = Constituency::per_district;
  int64_t seats = 1;
  Rule rule = Rule::plurality;
  int64_t term_weeks = 208;
  int64_t first_election = 52;
  PrimaryType primary = PrimaryType::closed;
  bool veto = false;
  double signatures = 0.005;
  double salience = 0.5;
  Rule reform_to = Rule::irv;
  bool seated_at_start = false;

  template <class V>
  void fields(V& v) {
    v.text("name", name, {.doc = "office name", .required = true});
    v.choice("level", level, kOfficeLevelNames,
             {.doc = "council, state_legislature, mayor, governor or national; executives are mayor and governor"});
    v.choice("constituency", constituency, kConstituencyNames,
             {.doc = "per_district: one race per district; at_large: one race over the whole city"});
    v.integer("seats", seats,
              {.doc = "seats per race (district magnitude); more than 1 needs rule list_pr",
               .unit = "seats",
               .min = 1,
               .max = 500});
    v.choice("rule", rule, kRuleNames, {.doc = "how votes become seats (M20)"});
    v.integer("term_weeks", term_weeks,
              {.doc = "weeks between elections",
               .unit = "weeks",
               .source = "four-year terms are common",
               .min = 26,
               .max = 2000});
    v.integer("first_election", first_election,
              {.doc = "week of the first general election", .unit = "weeks", .min = 1, .max = 100000});
    v.choice("primary", primary, kPrimaryTypeNames,
             {.doc = "the establishment party's primary: closed (its identifiers), open (and independents), none"});
    v.flag("veto", veto, {.doc = "an executive that can veto the legislature's reforms (M26)"});
    v.num("signatures", signatures,
          {.doc = "valid petition signatures an independent or third-party candidate needs, per resident",
           .unit = "1/person",
           .source = "assumption (New York: 3,750 for citywide office in a city of 8.3 million, about 0.0005; "
                     "many states ask more)",
           .min = 0,
           .max = 1});
    v.num("salience", salience,
          {.doc = "how much the race draws voters out (M20): about 1 for a presidential race, less for local ones",
           .unit = "[0, 1]",
           .source = "assumption",
           .min = 0,
           .max = 1});
    v.choice("reform_to", reform_to, kRuleNames, {.doc = "the rule adopted if electoral reform happens (M21)"});
    v.flag("seated_at_start", seated_at_start,
           {.doc = "at week 0, seat an establishment-origin officeholder of the party most residents of the "
                   "constituency identify with in every race `officeholders:` leaves empty, until the first "
                   "election (a city is governed before its first election)"});
    v.check(seats == 1 || rule == Rule::list_pr, "seats",
            [] { return std::string("more than one seat per race needs rule: list_pr"); });
    v.check(level != OfficeLevel::mayor && level != OfficeLevel::governor ? !veto : true, "veto",
            [] { return std::string("only an executive (mayor or governor) has a veto"); });
  }
};

}  // namespace tribune
