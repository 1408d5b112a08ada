#pragma once
// M17 offices and candidates. `season_weeks` before each general election of an office, its
// races open (one per district, or one at large) and candidates are fielded:
//   - each party runs one candidate (a list under list_pr): its incumbent if it has one, else a
//     newcomer near the party's position;
//   - each organization whose `candidates` is not `none` runs one where its race-selection rule
//     lets it (M9) and it has no incumbent there, on the line its ballot-line rule gives: a
//     `cadre_candidate` or `cadre_campaign` stands on the organization's platform, an `insurgent`
//     (candidate-centred) `insurgent_offset` closer to the centre with `insurgent_quality` more
//     appeal; insurgents and cadre candidates bring a tie to a union from their own careers;
//   - incumbents run again unless they retire (`retirement` per election); those an organization
//     backs run with it unless it withdrew its endorsement (M23).
// While the season runs, every `poll_weeks` each party candidate repositions from a poll of
// `poll_sample` residents by its party's rule: stickers stay, aggregators move to the mean
// ideology of their supporters, hunters keep their heading while their share grows and turn
// round when it falls (Laver 2005), by up to `step` (`hunter_turn`). Organization candidates
// are stickers. A party's candidate stays within `party_range` of the party's position and
// (`party_sides`) on its side of the midpoint to each neighbouring party's position: parties
// constrain their candidates, and a Republican never stands left of the Democrat.
#include "model/switch.h"

namespace tribune {

struct World;
struct Context;

enum class HunterTurn { laver, reverse };
inline constexpr const char* kHunterTurnNames[] = {"laver", "reverse"};

struct CandidatesParams {
  static constexpr const char* kName = "candidates";
  bool enabled = true;
  int64_t season_weeks = 26;
  int64_t primary_weeks = 10;
  double quality_sd = 0.3;
  double insurgent_offset = 0.2;
  double insurgent_quality = 0.2;
  double career_tie = 0.3;
  double newcomer_spread = 0.05;
  int64_t poll_weeks = 2;
  int64_t poll_sample = 600;
  double step = 0.02;
  double retirement = 0.134;
  double party_range = 0.3;
  HunterTurn hunter_turn = HunterTurn::laver;
  bool party_sides = true;

  template <class V>
  void fields(V& v) {
    declare_switch(v, enabled);
    v.integer("season_weeks", season_weeks,
              {.doc = "weeks before a general election that candidates are fielded and campaigns start",
               .unit = "weeks",
               .source = "assumption",
               .min = 2,
               .max = 200});
    v.integer("primary_weeks", primary_weeks,
              {.doc = "weeks before the general election that the primary is held",
               .unit = "weeks",
               .source = "assumption (New York: late June for November)",
               .min = 1,
               .max = 199});
    v.num("quality_sd", quality_sd,
          {.doc = "spread of candidates' personal appeal (valence)",
           .unit = "utility",
           .source = "assumption",
           .min = 0,
           .max = 5});
    v.num("insurgent_offset", insurgent_offset,
          {.doc = "how much closer to the centre than its organization's platform a candidate-centred insurgent stands",
           .unit = "ideology",
           .source = "assumption",
           .min = 0,
           .max = 2});
    v.num("insurgent_quality", insurgent_quality,
          {.doc = "extra personal appeal of a candidate-centred insurgent (they are chosen for it)",
           .unit = "utility",
           .source = "assumption; 003",
           .min = -5,
           .max = 5});
    v.num("career_tie", career_tie,
          {.doc = "tie an insurgent or cadre candidate brings to a union from their own career (M8)",
           .unit = "[0, 1]",
           .source = "assumption",
           .min = 0,
           .max = 1});
    v.num("newcomer_spread", newcomer_spread,
          {.doc = "spread of a new party candidate's position around the party's",
           .unit = "ideology",
           .source = "assumption",
           .min = 0,
           .max = 1});
    v.integer("poll_weeks", poll_weeks,
              {.doc = "weeks between the polls candidates reposition on", .unit = "weeks", .min = 1, .max = 52});
    v.integer("poll_sample", poll_sample,
              {.doc = "residents asked in each poll", .unit = "persons", .min = 10, .max = 100000});
    v.num("step", step,
          {.doc = "how far a hunter moves per poll",
           .unit = "ideology",
           .source = "assumption (Laver 2005: 0.1 "
                     "standard deviation of voter positions)",
           .min = 0,
           .max = 1});
    v.num("retirement", retirement,
          {.doc = "chance an incumbent does not run again at an election",
           .unit = "1/election",
           .source = "Ballotpedia, Open seats in the 2010 state legislative elections: 86.6% of the incumbents "
                     "legally able to run again did",
           .min = 0,
           .max = 1});
    v.num("party_range", party_range,
          {.doc = "how far from its party's position a party's candidate may move with the polls",
           .unit = "ideology",
           .source = "assumption",
           .min = 0,
           .max = 2});
    v.flag("party_sides", party_sides,
           {.doc = "keep a party's candidates on its side of the midpoint to each neighbouring party's position "
                   "(false: only `party_range` bounds them, as in Laver's (2005) free-moving parties)"});
    v.choice("hunter_turn", hunter_turn, kHunterTurnNames,
             {.doc = "laver: a hunter starts in a random direction at a random speed (up to `step`) and on a fall "
                     "turns round at a new random speed, the 1-D projection of Laver's (2005) random heading in the "
                     "opposite half-plane; reverse: all start rightward at `step` and turn round at the same speed "
                     "(before issue 17; two such hunters can lock step)"});
    v.check(primary_weeks < season_weeks, "primary_weeks",
            [] { return std::string("the primary must fall inside the season (primary_weeks < season_weeks)"); });
  }
};

void init(World& w, const CandidatesParams& p, const Context& c);
void step(World& w, const CandidatesParams& p, const Context& c);

}  // namespace tribune
