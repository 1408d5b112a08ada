#pragma once
// M22 institutional pressure and drift. Every week each officeholder who did not come from the
// establishment (insurgents and cadre, backed or no longer backed) is pulled toward the establishment party's position
// (the party apparatus, donors, NGOs and constituencies that want what the establishment wants):
//   position += rate * (establishment position - position)
//   rate = base rate * (1 + downswing * fall) * (1 + establishment_weight * establishment-held share)
//          * (1 - organization-held share * strength) * (1 - cadre_commitment if a cadre origin)
// where fall is the drop over the last year of mean hope plus that of the organization's
// strength, and strength = min(1, members per resident / strength_members). What resists is the
// share of the winning coalition's relationships the organization holds, times its strength:
// "accountability happens before the fact" (003); cadre origin alone protects little.
// Drift (position - platform) accumulates: nothing pulls it back but accountability (M23).
#include "model/switch.h"

namespace tribune {

struct World;
struct Context;
struct Org;

struct InstitutionalPressureParams {
  static constexpr const char* kName = "institutional_pressure";
  bool enabled = true;
  double rate = 0.01;
  double downswing = 2.0;
  double establishment_weight = 1.0;
  double strength_members = 0.01;
  double cadre_commitment = 0.2;

  template <class V>
  void fields(V& v) {
    declare_switch(v, enabled);
    v.num("rate", rate,
          {.doc = "weekly share of the distance to the establishment's position an unprotected officeholder moves",
           .unit = "1/week",
           .source = "assumption; 002, 003",
           .min = 0,
           .max = 1});
    v.num("downswing", downswing,
          {.doc = "how much a year's fall in hope and organization strength multiplies pressure",
           .unit = "1",
           .source = "assumption; 002: pressure is strongest in downswings",
           .min = 0,
           .max = 100});
    v.num("establishment_weight", establishment_weight,
          {.doc = "extra pressure per unit of the win's relationships held by the establishment",
           .unit = "1",
           .source = "assumption",
           .min = 0,
           .max = 100});
    v.num("strength_members", strength_members,
          {.doc = "members per resident at which an organization is at full strength",
           .unit = "1/person",
           .source = "004: Milwaukee's Socialists, about 1 member per 100 residents in 1910",
           .min = 1e-6,
           .max = 1});
    v.num("cadre_commitment", cadre_commitment,
          {.doc = "how much less a cadre (candidate or campaign) officeholder yields",
           .unit = "1",
           .source = "assumption; 003: the earnest cadre candidate resists only so long",
           .min = 0,
           .max = 1});
  }
};

// An organization's strength in [0, 1].
double strength(const Org& org, double residents, double strength_members);

void init(World& w, const InstitutionalPressureParams& p, const Context& c);
void step(World& w, const InstitutionalPressureParams& p, const Context& c);

}  // namespace tribune
