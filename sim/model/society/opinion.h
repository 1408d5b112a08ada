#pragma once
// M4 opinion: bounded confidence. Three rules (`rule`):
//   ties      (default) a person moves toward the mean ideology of their ties within `epsilon`
//             of their own (Hegselmann & Krause 2002, on a network); epsilon >= 2 spans the
//             whole [-1, 1] range, which is plain DeGroot averaging;
//   complete  Hegselmann & Krause as they define it: the mean over everyone within epsilon,
//             the person included (complete mixing);
//   deffuant  Deffuant et al. (2000): random pairwise encounters; when two are within epsilon
//             each moves `rate` (their mu) of the way toward the other.
// Each person is also pulled back toward their own initial ideology (`stubbornness`; Friedkin &
// Johnsen 1990), which keeps the disagreement observed in real electorates from collapsing into
// consensus. Initial ideology is normal around the class means (clamped to [-1, 1]), uniform on
// [initial_min, initial_max], or evenly spaced over it in person order (`initial`).
#include "model/switch.h"
#include <cstdint>
#include <string>

#include "world/by_class.h"

namespace tribune {

struct World;
struct Context;

enum class OpinionRule { ties, complete, deffuant };
inline constexpr const char* kOpinionRuleNames[] = {"ties", "complete", "deffuant"};
enum class InitialOpinion { normal, uniform, even };
inline constexpr const char* kInitialOpinionNames[] = {"normal", "uniform", "even"};

struct OpinionParams {
  static constexpr const char* kName = "opinion";
  bool enabled = true;
  ByClass initial_mean{-0.05, -0.10, 0.35};
  double initial_sd = 0.35;
  double epsilon = 0.5;
  double rate = 0.05;
  double stubbornness = 0.3221;
  OpinionRule rule = OpinionRule::ties;
  InitialOpinion initial = InitialOpinion::normal;
  double initial_min = -1, initial_max = 1;
  int64_t encounters = 1;

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
    v.choice("rule", rule, kOpinionRuleNames,
             {.doc = "ties: bounded confidence over one's ties (HK on the network); complete: HK with complete "
                     "mixing, oneself included; deffuant: random pairwise encounters (Deffuant et al. 2000), rate "
                     "being their mu"});
    v.choice("initial", initial, kInitialOpinionNames,
             {.doc = "initial ideology: normal around the class means (plus the district's shift, clamped to "
                     "[-1, 1]); uniform on [initial_min, initial_max]; even: evenly spaced over it in person order, "
                     "ends included"});
    v.num("initial_min", initial_min,
          {.doc = "lower end of a uniform or even start", .unit = "ideology", .source = "validation", .min = -1,
           .max = 1});
    v.num("initial_max", initial_max,
          {.doc = "upper end of a uniform or even start", .unit = "ideology", .source = "validation", .min = -1,
           .max = 1});
    v.integer("encounters", encounters,
              {.doc = "rule deffuant: random pairs met per week, per person (a week is encounters x persons "
                      "meetings of two persons drawn uniformly, one after another)",
               .unit = "1/week",
               .source = "Deffuant et al. 2000 (one random pair per time step)",
               .min = 1,
               .max = 1000});
    v.check(initial_min <= initial_max, "initial_max",
            [] { return std::string("initial_max must be at least initial_min"); });
    v.check(rate + stubbornness <= 1, "stubbornness",
            [] { return std::string("rate + stubbornness must be <= 1 (the update would overshoot)"); });
  }
};

void init(World& w, const OpinionParams& p, const Context& c);
void step(World& w, const OpinionParams& p, const Context& c);

}  // namespace tribune
