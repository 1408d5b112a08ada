#pragma once
// M4 opinion: bounded confidence over social ties (Hegselmann & Krause 2002, on a network).
// A person moves toward the mean ideology of the ties within `epsilon` of their own;
// epsilon >= 2 spans the whole [-1, 1] range, which is plain DeGroot averaging. Each person is
// also pulled back toward their own initial ideology (`stubbornness`; Friedkin & Johnsen 1990),
// which keeps the disagreement observed in real electorates from collapsing into consensus.
#include "model/switch.h"
#include "world/by_class.h"

namespace tribune {

struct World;
struct Context;

struct OpinionParams {
  static constexpr const char* kName = "opinion";
  bool enabled = true;
  ByClass initial_mean{-0.05, -0.10, 0.35};
  double initial_sd = 0.35;
  double epsilon = 0.5;
  double rate = 0.05;
  double stubbornness = 0.3221;

  template <class V>
  void fields(V& v) {
    declare_switch(v, enabled);
    v.object("initial_mean", initial_mean,
             {.doc = "mean initial ideology by class (-1 left, 1 right)",
              .unit = "ideology",
              .source = "assumption",
              .min = -1,
              .max = 1});
    v.num("initial_sd", initial_sd,
          {.doc = "spread of initial ideology", .unit = "ideology", .source = "assumption", .min = 0, .max = 2});
    v.num("epsilon", epsilon,
          {.doc = "confidence bound: ties further apart than this are ignored; >= 2 is plain averaging",
           .unit = "ideology",
           .source = "Deffuant et al. 2000; Hegselmann & Krause 2002",
           .min = 0,
           .max = 2});
    v.num("rate", rate,
          {.doc = "share of the gap to the trusted ties' mean closed each week",
           .unit = "1/week",
           .source = "assumption",
           .min = 0,
           .max = 1});
    v.num("stubbornness", stubbornness,
          {.doc = "share of the gap to one's own initial ideology closed each week (0: pure bounded confidence, "
                  "which ends in consensus or clusters within a few years)",
           .unit = "1/week",
           .source = "Friedkin & Johnsen (1990); value history-matched against scenarios/calibration/targets.yaml (docs/calibration.md section 4): ideological spread and the "
                     "left's share over a decade",
           .min = 0,
           .max = 1});
    v.check(rate + stubbornness <= 1, "stubbornness",
            [] { return std::string("rate + stubbornness must be <= 1 (the update would overshoot)"); });
  }
};

void init(World& w, const OpinionParams& p, const Context& c);
void step(World& w, const OpinionParams& p, const Context& c);

}  // namespace tribune
