#pragma once
// M27 credit. A reform passed this week lowers its beneficiaries' grievance (their lasting
// offset falls by `grievance_cut` x depth). Whether it also raises their hope and left support
// depends on whom they credit (004): each beneficiary gains
//   credit = credit_visible * visibility of its most visible backed sponsor
//          + credit_contact * [an organizer contacted them within contact_weeks]
// in hope, and moves `support` x credit of the way toward the left end of the axis. Without
// contact "most working people will be too busy with the day-to-day grind or too swayed by media
// spin to give him credit".
#include "model/switch.h"

namespace tribune {

struct World;
struct Context;

struct CreditParams {
  static constexpr const char* kName = "credit";
  bool enabled = true;
  double grievance_cut = 0.3;
  double credit_visible = 0.02;
  double credit_contact = 0.1;
  int64_t contact_weeks = 52;
  double support = 0.2;

  template <class V>
  void fields(V& v) {
    declare_switch(v, enabled);
    v.num("grievance_cut", grievance_cut,
          {.doc = "fall in beneficiaries' lasting grievance per unit of depth",
           .unit = "grievance",
           .source = "assumption",
           .min = 0,
           .max = 10});
    v.num("credit_visible", credit_visible,
          {.doc = "hope a beneficiary gains from a fully visible sponsor",
           .unit = "hope",
           .source = "assumption; 004",
           .min = 0,
           .max = 1});
    v.num("credit_contact", credit_contact,
          {.doc = "extra hope a beneficiary gains when an organizer contacted them",
           .unit = "hope",
           .source = "assumption; 004: credit needs organizers on the ground",
           .min = 0,
           .max = 1});
    v.integer("contact_weeks", contact_weeks,
              {.doc = "how recent the organizer's contact must be",
               .unit = "weeks",
               .source = "assumption",
               .min = 1,
               .max = 1000});
    v.num("support", support,
          {.doc = "share of the way to the left end a beneficiary moves per unit of credit",
           .unit = "1",
           .source = "assumption",
           .min = 0,
           .max = 10});
  }
};

void init(World& w, const CreditParams& p, const Context& c);
void step(World& w, const CreditParams& p, const Context& c);

}  // namespace tribune
