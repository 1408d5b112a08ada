#pragma once
// M10 endorsement. An organization's stringency s in [0, 1] decides whom it endorses and how
// tightly its officeholders are bound to its platform:
//   it endorses a candidate who is closer to its platform than the opponent (the lesser evil)
//   and within (1 - s) * tolerance of the platform; at s >= members_only it endorses only its
//   own members (a cadre candidate, M17);
//   a binding platform pulls the endorsed candidate's position toward the platform by
//   s * binding_pull of the distance (candidates accept the platform to get the endorsement, 002).
// Voters learn the organization's brand from the officeholders it has endorsed: each week
//   brand += learning * exposure * (distinctness - brand) - decay * brand
// with exposure = 1 - exp(-sum of visibilities) and distinctness the visibility-weighted mean of
// fit(position, platform, brand_width), so a brand is clear when its officeholders are close
// to its platform and seen. Looser endorsement wins more endorsements with a blurrier brand.
// Every organization backs its own candidate where it runs one; where it has none on the ballot
// (it does not contest the race, or its candidate lost the primary) it endorses by the rule
// above. Each candidate it backs is bound once, when first backed; an endorsed candidate's
// platform is then its bound position (what it promised), and if it wins, the organization
// backs the officeholder (M17-M23).
#include "model/switch.h"

namespace tribune {

struct World;
struct Context;
struct Org;

struct EndorsementParams {
  static constexpr const char* kName = "endorsement";
  bool enabled = true;
  double tolerance = 0.8;
  double members_only = 0.8;
  double binding_pull = 0.5;
  double brand_width = 0.3;
  double learning = 0.02;
  double decay = 0.002;

  template <class V>
  void fields(V& v) {
    declare_switch(v, enabled);
    v.num("tolerance", tolerance,
          {.doc = "distance from the platform a stringency-0 endorsement accepts",
           .unit = "ideology",
           .source = "assumption",
           .min = 0,
           .max = 2});
    v.num("members_only", members_only,
          {.doc = "stringency at and above which only the organization's own members are endorsed",
           .unit = "[0, 1]",
           .source = "assumption; 002: a party endorses its own members on its platform",
           .min = 0,
           .max = 1});
    v.num("binding_pull", binding_pull,
          {.doc = "share of the distance to the platform a stringency-1 (binding) endorsement closes",
           .unit = "1",
           .source = "assumption",
           .min = 0,
           .max = 1});
    v.num("brand_width", brand_width,
          {.doc = "distance of an officeholder from the platform at which they blur the brand to 0.61",
           .unit = "ideology",
           .source = "assumption",
           .min = 0.01,
           .max = 4});
    v.num("learning", learning,
          {.doc = "weekly rate at which voters learn the brand at full exposure",
           .unit = "1/week",
           .source = "assumption",
           .min = 0,
           .max = 1});
    v.num("decay", decay,
          {.doc = "weekly forgetting of the brand", .unit = "1/week", .source = "assumption", .min = 0, .max = 1});
  }
};

// A candidate as an endorsement decision sees them.
struct Prospect {
  double position = 0;  // ideology
  double opponent = 0;  // the main opponent's position
  bool member = false;  // a member of the organization
};

bool endorses(const Org& org, const EndorsementParams& p, const Prospect& c);
// The position of an endorsed candidate once bound to the platform.
double bind(const Org& org, const EndorsementParams& p, double position);

void init(World& w, const EndorsementParams& p, const Context& c);
void step(World& w, const EndorsementParams& p, const Context& c);  // brand learning

}  // namespace tribune
