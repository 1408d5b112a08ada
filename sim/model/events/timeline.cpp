// M32 timeline: fire the events of this week, then bring the shock table up to date.
#include "model/events/timeline.h"

#include "core/context.h"
#include "world/world.h"

namespace tribune {

void init(World& w, const TimelineParams&, const Context&) {
  w.events["timeline"] = EventTable("scenario events as they were applied (M32)",
                                    {{"tick", EventColumn::Type::Int, "weeks"},
                                     {"kind", EventColumn::Type::Text, ""},
                                     {"magnitude", EventColumn::Type::Real, "event-specific"},
                                     {"detail", EventColumn::Type::Text, ""}});
}

void step(World& w, const TimelineParams& p, const Context& c) {
  for (const auto& ev : p.events) {
    if (ev->week != c.tick) continue;
    ev->apply(w, c.tick);
    w.events["timeline"].add({c.tick, std::string(ev->kind()), ev->magnitude(), ev->detail()});
  }
  auto& table = w.env.shock_table;
  std::fill(table.begin(), table.end(), 0.0);
  const size_t D = w.districts.size();
  for (const auto& s : w.env.shocks) {
    const double level = s.level(c.tick);
    if (level == 0) continue;
    for (size_t d = 0; d < D; ++d) {
      if (!s.districts.empty() && std::find(s.districts.begin(), s.districts.end(), int(d)) == s.districts.end())
        continue;
      for (int k = 0; k < kClasses; ++k)
        if (s.class_mask & (1u << k)) table[d * kClasses + k] += level;
    }
  }
}

}  // namespace tribune
