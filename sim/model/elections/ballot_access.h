#pragma once
// M18 ballot access. The establishment party's line is reached through its primary (M17, M20),
// where losers are bound by party regularity: they leave the ballot, and an organization that
// ran on the line sends `regularity` of its election hours in that race to the nominee (M19).
// An independent or third-party candidate needs the office's `signatures` per resident, valid:
// during the first `petition_weeks` of the season its organization puts `petition_share` of
// its election hours for the race (and its own committee the same share) into petitions at
// `signatures_per_hour`; at the deadline a share `struck` is thrown out by challenges (002), and
// a candidate short of the requirement leaves the ballot.
#include "model/switch.h"

namespace tribune {

struct World;
struct Context;

struct BallotAccessParams {
  static constexpr const char* kName = "ballot_access";
  bool enabled = true;
  double signatures_per_hour = 8;
  double struck = 0.25;
  int64_t petition_weeks = 6;
  double petition_share = 0.6;
  double regularity = 0.5;

  template <class V>
  void fields(V& v) {
    declare_switch(v, enabled);
    v.num("signatures_per_hour", signatures_per_hour,
          {.doc = "signatures a volunteer gathers per hour",
           .unit = "1/hour",
           .source = "assumption (petitioners report 5-15 an hour)",
           .min = 0,
           .max = 1000});
    v.num("struck", struck,
          {.doc = "share of gathered signatures struck by challenges",
           .unit = "1",
           .source = "assumption; 002: establishment challenges to petitions",
           .min = 0,
           .max = 1});
    v.integer("petition_weeks", petition_weeks,
              {.doc = "weeks at the start of the season for petitioning", .unit = "weeks", .min = 1, .max = 100});
    v.num("petition_share", petition_share,
          {.doc = "share of an independent campaign's hours that go into petitions while petitioning",
           .unit = "1",
           .source = "assumption",
           .min = 0,
           .max = 1});
    v.num("regularity", regularity,
          {.doc = "share of its hours in a race an organization gives the nominee after losing the primary "
                  "(party-regularity pressure)",
           .unit = "1",
           .source = "assumption; 002",
           .min = 0,
           .max = 1});
  }
};

void init(World& w, const BallotAccessParams& p, const Context& c);
void step(World& w, const BallotAccessParams& p, const Context& c);

}  // namespace tribune
