#pragma once
// M9 strategy: where an organization's volunteer hours go, which races it contests, on which
// ballot line.
//
// Allocation. `fixed` keeps the declared shares. `adaptive` follows opportunities: each week
// every activity has a signal, the organization keeps a running mean of it (time constant
// `memory_weeks`), and the share it aims at is the declared share times
// exp(sensitivity * r), r = clamp((signal - mean) / (mean + noticeable), -1, 1), normalized
// (signals are in [0, 1]; `noticeable` keeps a signal that falls to nothing from counting as
// a lasting loss once its mean has faded); the current share moves toward that aim
// by `adapt_rate` a week. Signals: electoral, a national campaign under way or an election season;
// movement, mean grievance times hope over the city (mobilization potential, M28 will add
// protest itself); union, strikes and organizing drives under way per unionized workplace;
// base building and internal life, constant (they are what is left when nothing is hot).
// The rule moves hours, never outcomes: whether chasing opportunities pays is left to the
// mechanisms that turn hours into results.
//
// Race selection and ballot line are decisions the elections (M17, M18) ask for; the rules are
// here so that they sit with the rest of the strategy.
#include "model/switch.h"

namespace tribune {

struct World;
struct Context;
struct Org;
struct TieLayout;

struct StrategyParams {
  static constexpr const char* kName = "strategy";
  bool enabled = true;
  double sensitivity = 1.0;
  double adapt_rate = 0.05;
  double memory_weeks = 26;
  double noticeable = 0.05;

  template <class V>
  void fields(V& v) {
    declare_switch(v, enabled);
    v.num("sensitivity", sensitivity,
          {.doc = "adaptive allocation: how strongly a signal above its running mean raises an activity's share",
           .unit = "1",
           .source = "assumption",
           .min = 0,
           .max = 20});
    v.num("adapt_rate", adapt_rate,
          {.doc = "adaptive allocation: weekly step of the shares toward the aim",
           .unit = "1/week",
           .source = "assumption (an organization re-plans over a few months)",
           .min = 0,
           .max = 1});
    v.num("memory_weeks", memory_weeks,
          {.doc = "adaptive allocation: time constant of the running mean of each signal",
           .unit = "weeks",
           .source = "assumption",
           .min = 1,
           .max = 1000});
    v.num("noticeable", noticeable,
          {.doc = "adaptive allocation: a signal change of this size, against a mean near 0, counts as an opportunity",
           .unit = "1",
           .source = "assumption",
           .min = 1e-6,
           .max = 1});
  }
};

void init(World& w, const StrategyParams& p, const Context& c);
void step(World& w, const StrategyParams& p, const Context& c);

// Race selection: does `org` contest a race in district `d`? `any` always; `strength` when its
// tie to the district's voting bloc and community groups (the mean of the two) is at least the
// organization's `decisive_tie`.
bool contests(const Org& org, const TieLayout& layout, int d);

// Ballot line: true for an independent line. `democratic` never, `independent` always,
// `flexible` where the establishment party's identifiers are at most the organization's
// `flexible_partisanship` of the voters and the volunteer hours at hand cover the petition (M18).
bool runs_independent(const Org& org, double establishment_partisans, double petition_hours, double hours_available);

// Race selection for an at-large race (d < 0) uses the mean of the districts' ties.

}  // namespace tribune
