#pragma once
// M23 betrayal and accountability. When an officeholder an organization backs drifts from its
// platform by more than `threshold`, a betrayal fires (once per officeholder): hope falls by
// `hope_loss` among the organization's members and the left residents of the constituency. The
// organization withdraws its endorsement with probability `withdraw`; withdrawal pulls the
// officeholder back by `recall_pull` x the organization-held share of its relationships (it can
// only threaten what it holds), and splits the organization: each of its members living in the
// constituency leaves with probability `split` x (1 - organization-held share). Accountability
// after the fact works only as far as the relationships were held before it (003).
#include "model/switch.h"

namespace tribune {

struct World;
struct Context;

struct AccountabilityParams {
  static constexpr const char* kName = "accountability";
  bool enabled = true;
  double threshold = 0.3;
  double hope_loss = 0.05;
  double withdraw = 0.7;
  double recall_pull = 0.8;
  double split = 0.2;

  template <class V>
  void fields(V& v) {
    declare_switch(v, enabled);
    v.num("threshold", threshold,
          {.doc = "distance from the platform at which drift counts as a betrayal",
           .unit = "ideology",
           .source = "assumption",
           .min = 0,
           .max = 2});
    v.num("hope_loss", hope_loss,
          {.doc = "hope lost by the organization's members and the constituency's left residents at a betrayal",
           .unit = "[0, 1]",
           .source = "assumption",
           .min = 0,
           .max = 1});
    v.num("withdraw", withdraw,
          {.doc = "chance the organization censures and withdraws its endorsement after a betrayal",
           .unit = "1",
           .source = "assumption",
           .min = 0,
           .max = 1});
    v.num("recall_pull", recall_pull,
          {.doc = "share of the drift a withdrawal undoes when the organization holds all the relationships",
           .unit = "1",
           .source = "assumption; 003",
           .min = 0,
           .max = 1});
    v.num("split", split,
          {.doc = "chance each member in the constituency leaves when the organization holds none of them",
           .unit = "1",
           .source = "assumption; 003: after-the-fact discipline can split the organization",
           .min = 0,
           .max = 1});
  }
};

void init(World& w, const AccountabilityParams& p, const Context& c);
void step(World& w, const AccountabilityParams& p, const Context& c);

}  // namespace tribune
