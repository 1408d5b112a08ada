#pragma once
// Movement episodes: bursts of protest detected city-wide and in each district. An episode
// starts when the share of residents protesting reaches `start_share` and ends when it falls
// below `end_share`; each ended episode is a row of `/events/episodes` (scope, start, end, peak
// protesters, districts involved, and the demand: for now the grievance the movement voices).
// Episodes still under way at the end of the run are written with end -1. An episode is won
// when the reform it demands (M30) has passed by the time it ends, or, without a demand, when
// any reform passed while it was under way; `/events/episodes` records which (M31 reads it).
#include <cstdint>

#include "model/switch.h"

namespace tribune {

struct World;
struct Context;

struct EpisodesParams {
  static constexpr const char* kName = "episodes";
  bool enabled = true;
  double start_share = 0.005;
  double end_share = 0.002;

  template <class V>
  void fields(V& v) {
    declare_switch(v, enabled);
    v.num("start_share", start_share,
          {.doc = "share of residents protesting at which an episode starts",
           .unit = "1",
           .source = "assumption (3.5% is Chenoweth's threshold for success, not for a start)",
           .min = 0,
           .max = 1});
    v.num("end_share", end_share,
          {.doc = "share below which an episode ends", .unit = "1", .source = "assumption", .min = 0, .max = 1});
    v.check(end_share <= start_share, "end_share",
            [] { return std::string("an episode must end at or below the share that starts it"); });
  }
};

void init(World& w, const EpisodesParams& p, const Context& c);
void step(World& w, const EpisodesParams& p, const Context& c);
struct Episode;
// Did this episode win (as of now)?
bool episode_won(const World& w, const Episode& e);
// Write the episodes still under way (end -1); called when the run ends.
void close_open_episodes(World& w);

}  // namespace tribune
