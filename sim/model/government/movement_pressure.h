#pragma once
// M30 movements and officeholders: movements press every officeholder, left ones included (000:
// movements have "their own motivations and objectives"). A movement's demand sits where its
// protesters stand, pushed out by its radicalism (minoritarian, negative demands):
//   demand = clamp(mean ideology of the constituency's protesters - radicalism, -1, 1)
// and each week every officeholder moves toward it:
//   position += min(1, pull * (1 - translation_friction) * protest share of the constituency)
//               * (demand - position)
// (the friction is M26's: the share of movement power lost on its way to officeholders)
// The pull does not ask whether the officeholder is an ally: a left officeholder whose platform
// differs from the demand is pulled off it, and the organization that backs them sees that as
// drift (M23) -- the conflict between a movement and a left officeholder's programme. The series
// `movement_conflict` is the mean over organization-backed officeholders of
// protest share x |demand - platform|.
#include "model/switch.h"

namespace tribune {

struct World;
struct Context;

struct MovementPressureParams {
  static constexpr const char* kName = "movement_pressure";
  bool enabled = true;
  double pull = 0.5;
  double radicalism = 0.2;

  template <class V>
  void fields(V& v) {
    declare_switch(v, enabled);
    v.num("pull", pull,
          {.doc = "weekly share of the distance to the demand an officeholder moves, per unit protest share of "
                  "the constituency",
           .unit = "1/week",
           .source = "assumption",
           .min = 0,
           .max = 1000});
    v.num("radicalism", radicalism,
          {.doc = "how far left of its protesters' mean ideology a movement's demand sits",
           .unit = "ideology",
           .source = "assumption; 000: movements are minoritarian and make negative demands",
           .min = -2,
           .max = 2});
  }
};

void init(World& w, const MovementPressureParams& p, const Context& c);
void step(World& w, const MovementPressureParams& p, const Context& c);

}  // namespace tribune
