// Movement episodes: detection city-wide and per district.
#include "model/episodes.h"

#include <algorithm>

#include "core/context.h"
#include "core/world.h"

namespace tribune {

namespace {
void write(World& w, const Episode& e, const std::string& scope, int64_t end) {
  w.events["episodes"].add({scope, e.start, end, e.peak, e.districts, std::string("grievance")});
}
}  // namespace

void init(World& w, const EpisodesParams&, const Context&) {
  w.events["episodes"] = EventTable("bursts of protest, city-wide and per district (M28)",
                                    {{"scope", EventColumn::Type::Text, "'city' or a district"},
                                     {"start", EventColumn::Type::Int, "weeks"},
                                     {"end", EventColumn::Type::Int, "weeks; -1 if under way at the end"},
                                     {"peak", EventColumn::Type::Int, "persons"},
                                     {"districts", EventColumn::Type::Int, "districts with an episode of their own"},
                                     {"demand", EventColumn::Type::Text, ""}});
  w.movement.city_episode = Episode{};
  w.movement.district_episodes.assign(w.districts.size(), Episode{});
  w.movement.episodes_started = 0;
}

void step(World& w, const EpisodesParams& p, const Context& c) {
  auto& M = w.movement;
  auto update = [&](Episode& e, double protesters, double residents, const std::string& scope) {
    const double share = residents > 0 ? protesters / residents : 0.0;
    if (!e.active && share >= p.start_share && protesters > 0) {
      e = Episode{true, c.tick, 0, 0};
      return true;
    }
    if (!e.active) return false;
    e.peak = std::max(e.peak, static_cast<int64_t>(protesters));
    if (share < p.end_share) {
      write(w, e, scope, c.tick);
      e.active = false;
    }
    return false;
  };
  int64_t involved = 0;
  for (size_t d = 0; d < w.districts.size(); ++d) {
    Episode& e = M.district_episodes[d];
    update(e, static_cast<double>(M.protesters_in[d]), static_cast<double>(w.districts[d].size()),
           w.districts[d].name);
    if (e.active) e.peak = std::max(e.peak, M.protesters_in[d]);
    involved += e.active;
  }
  Episode& city = M.city_episode;
  if (update(city, static_cast<double>(M.protesters), static_cast<double>(w.size()), "city")) ++M.episodes_started;
  if (city.active) {
    city.peak = std::max(city.peak, M.protesters);
    city.districts = std::max(city.districts, involved);
  }
}

void close_open_episodes(World& w) {
  auto& M = w.movement;
  if (!w.events.count("episodes")) return;
  for (size_t d = 0; d < M.district_episodes.size(); ++d)
    if (M.district_episodes[d].active) write(w, M.district_episodes[d], w.districts[d].name, -1);
  if (M.city_episode.active) write(w, M.city_episode, "city", -1);
}

}  // namespace tribune
