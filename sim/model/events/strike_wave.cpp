// Timeline event `strike_wave`: a wave from outside the city (the 2018 teachers' strikes, 002)
// raises the militancy (M14) of every unionized workplace in the sectors named (or all) by
// `boost`, so that more of them strike at their next contract expiry.
#include <algorithm>

#include "model/events/event_kind.h"
#include "world/world.h"

namespace tribune {
namespace {

struct StrikeWave : EventOf<StrikeWave> {
  static constexpr const char* kKind = "strike_wave";
  std::vector<std::string> sectors;
  std::vector<int> sector_ids;
  double boost = 0.3;

  template <class V>
  void fields(V& v) {
    v.names("sectors", sectors, {.doc = "sectors the wave reaches; empty: all"});
    v.num("boost", boost,
          {.doc = "militancy added to their unionized workplaces",
           .unit = "[0, 1]",
           .source = "scenario",
           .min = 0,
           .max = 1});
  }
  void resolve(const ResolveContext& ctx) override {
    sector_ids.clear();
    const auto& known = ctx.names.sectors;
    for (size_t i = 0; i < sectors.size(); ++i) {
      int id = -1;
      for (size_t s = 0; s < known.size(); ++s)
        if (known[s] == sectors[i]) id = static_cast<int>(s);
      if (id >= 0) {
        sector_ids.push_back(id);
      } else {
        std::string valid;
        for (const auto& s : known) valid += (valid.empty() ? "" : ", ") + s;
        ctx.error("sectors[" + std::to_string(i) + "]", "no sector named '" + sectors[i] + "'; sectors: " + valid);
      }
    }
  }
  void apply(World& w, int64_t) const override {
    auto& W = w.workplaces;
    for (int64_t k = 0; k < W.count(); ++k) {
      if (W.union_id[k] < 0) continue;
      if (!sector_ids.empty() && std::find(sector_ids.begin(), sector_ids.end(), int(W.sector[k])) == sector_ids.end())
        continue;
      W.militancy[k] = std::min(1.0f, W.militancy[k] + static_cast<float>(boost));
    }
  }
  double magnitude() const override { return boost; }
  std::string detail() const override {
    return (sectors.empty() ? std::string("all sectors") : std::to_string(sectors.size()) + " sectors") +
           ", militancy +" + std::to_string(boost);
  }
};

}  // namespace

TRIBUNE_REGISTER_EVENT(StrikeWave, "a strike wave from outside: militancy rises in the sectors it reaches");

}  // namespace tribune
