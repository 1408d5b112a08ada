// Movement episodes: detection city-wide and per district.
#include "model/movements/episodes.h"

#include <algorithm>
#include <array>

#include "core/context.h"
#include "world/district_sums.h"
#include "world/world.h"

namespace tribune {

bool episode_won(const World& w, const Episode& e) {
  return e.demand >= 0 ? w.politics.passed(static_cast<size_t>(e.demand))
                       : w.politics.reforms_passed > e.reforms_at_start;
}

namespace {
void write(World& w, const Episode& e, const std::string& scope, int64_t end) {
  const auto& agenda = w.politics.agenda;
  const std::string demand = e.demand >= 0 ? agenda[static_cast<size_t>(e.demand)].name : std::string("grievance");
  const int64_t won = end < 0 ? -1 : int64_t{episode_won(w, e)};
  w.events["episodes"].add({scope, e.start, end, e.peak, e.districts, demand, won});
}

// The demand a burst of protest starts with (M30): the reform still on the agenda that would do
// its protesters the most good (depth x protesters among its beneficiaries), or -1 when none
// would. `by_class` counts this week's protesters by class.
int demand(const World& w, const std::array<double, kClasses>& by_class) {
  const auto& pol = w.politics;
  int best = -1;
  double score = 0;
  for (size_t j = 0; j < pol.agenda.size(); ++j) {
    if (pol.passed(j)) continue;
    double n = 0;
    for (int k = 0; k < kClasses; ++k)
      if (pol.agenda[j].class_mask >> k & 1) n += by_class[static_cast<size_t>(k)];
    if (pol.agenda[j].depth * n > score) score = pol.agenda[j].depth * n, best = static_cast<int>(j);
  }
  return best;
}
}  // namespace

void init(World& w, const EpisodesParams&, const Context&) {
  w.events["episodes"] =
      EventTable("bursts of protest, city-wide and per district (M28)",
                 {{"scope", EventColumn::Type::Text, "'city' or a district"},
                  {"start", EventColumn::Type::Int, "weeks"},
                  {"end", EventColumn::Type::Int, "weeks; -1 if under way at the end"},
                  {"peak", EventColumn::Type::Int, "persons"},
                  {"districts", EventColumn::Type::Int, "districts with an episode of their own"},
                  {"demand", EventColumn::Type::Text, ""},
                  {"won", EventColumn::Type::Int, "1 its demand passed, 0 it did not, -1 under way"}});
  w.movement.city_episode = Episode{};
  w.movement.district_episodes.assign(w.districts.size(), Episode{});
  w.movement.last_episode_in.assign(w.districts.size(), -1);
  w.movement.episodes_started = 0;
  w.movement.ended.clear();
}

void step(World& w, const EpisodesParams& p, const Context& c) {
  auto& M = w.movement;
  M.ended.clear();
  // Protesters by class and district, counted only in a week when some episode starts.
  std::vector<std::array<double, kClasses>> by_class;
  auto protesters_by_class = [&](int d) {
    if (by_class.empty()) {
      by_class.assign(w.districts.size(), {});
      for (int k = 0; k < kClasses; ++k) {
        const auto n = district_sums(
            w, c.pool, [&](int64_t i) { return w.persons.protesting[i] && w.persons.klass[i] == k ? 1.0 : 0.0; });
        for (size_t j = 0; j < n.size(); ++j) by_class[j][static_cast<size_t>(k)] = n[j];
      }
    }
    std::array<double, kClasses> s{};
    for (size_t j = 0; j < by_class.size(); ++j)
      if (d < 0 || static_cast<int>(j) == d)
        for (int k = 0; k < kClasses; ++k) s[static_cast<size_t>(k)] += by_class[j][static_cast<size_t>(k)];
    return s;
  };
  auto update = [&](Episode& e, double protesters, double residents, int scope) {
    const double share = residents > 0 ? protesters / residents : 0.0;
    if (!e.active && share >= p.start_share && protesters > 0) {
      e = Episode{true, c.tick, 0, 0, demand(w, protesters_by_class(scope)), w.politics.reforms_passed};
      return true;
    }
    if (!e.active) return false;
    e.peak = std::max(e.peak, static_cast<int64_t>(protesters));
    if (share < p.end_share) {
      write(w, e, scope < 0 ? std::string("city") : w.districts[static_cast<size_t>(scope)].name, c.tick);
      M.ended.emplace_back(scope, e);
      e.active = false;
    }
    return false;
  };
  int64_t involved = 0;
  for (size_t d = 0; d < w.districts.size(); ++d) {
    Episode& e = M.district_episodes[d];
    update(e, static_cast<double>(M.protesters_in[d]), static_cast<double>(w.districts[d].size()), static_cast<int>(d));
    if (e.active) {
      e.peak = std::max(e.peak, M.protesters_in[d]);
      M.last_episode_in[d] = c.tick;
    }
    involved += e.active;
  }
  Episode& city = M.city_episode;
  if (update(city, static_cast<double>(M.protesters), static_cast<double>(w.size()), -1)) ++M.episodes_started;
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
