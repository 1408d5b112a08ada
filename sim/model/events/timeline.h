#pragma once
// M32 timeline: applies the scenario's events at their weeks, keeps ongoing shocks up to date
// and records each event in /events/timeline.
#include "model/events/event.h"
#include "model/switch.h"

namespace tribune {

struct World;
struct Context;

struct TimelineParams {
  static constexpr const char* kName = "timeline";
  bool enabled = true;
  Timeline events;  // filled from the scenario's top-level `timeline:` list

  template <class V>
  void fields(V& v) {
    declare_switch(v, enabled);
  }
};

void init(World& w, const TimelineParams& p, const Context& c);
void step(World& w, const TimelineParams& p, const Context& c);

}  // namespace tribune
