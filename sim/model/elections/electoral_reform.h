#pragma once
// M21 electoral reform. After each general election of a plurality office, count the races the
// establishment line lost to vote splitting: the winner is not the establishment's candidate,
// but the establishment's and the independents' votes together exceed the winner's. The office
// keeps a record, splits = `memory` x splits + share of its races lost that way, and adopts its
// `reform_to` rule (instant runoff or list PR) for later elections with probability
// min(1, `adoption` x splits). Reform follows the crisis: without splitting there is none (002).
#include "model/switch.h"

namespace tribune {

struct World;
struct Context;

struct ElectoralReformParams {
  static constexpr const char* kName = "electoral_reform";
  bool enabled = true;
  double memory = 0.5;
  double adoption = 0.5;

  template <class V>
  void fields(V& v) {
    declare_switch(v, enabled);
    v.num("memory", memory,
          {.doc = "share of the splitting record kept from one election to the next",
           .unit = "1",
           .source = "assumption",
           .min = 0,
           .max = 1});
    v.num("adoption", adoption,
          {.doc = "chance of adopting reform per unit of the splitting record (share of races lost)",
           .unit = "1",
           .source = "assumption; 002: reform follows vote splitting",
           .min = 0,
           .max = 100});
  }
};

double adoption_probability(double splits, const ElectoralReformParams& p);

void init(World& w, const ElectoralReformParams& p, const Context& c);
void step(World& w, const ElectoralReformParams& p, const Context& c);

}  // namespace tribune
