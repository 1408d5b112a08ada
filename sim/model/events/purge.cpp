// Timeline event `purge`: left leaders are removed from union leadership (the McCarthyite purges
// of the 1950s, 004), in the unions named or in all of them.
#include <algorithm>

#include "model/events/event_kind.h"

namespace tribune {
namespace {

struct Purge : EventOf<Purge> {
  static constexpr const char* kKind = "purge";
  std::vector<std::string> unions;
  std::vector<int> ids;

  template <class V>
  void fields(V& v) {
    v.names("unions", unions, {.doc = "unions purged, by name; empty: all"});
  }
  void resolve(const ResolveContext& ctx) override {
    ids.clear();
    for (size_t i = 0; i < unions.size(); ++i) {
      const int u = ctx.union_named(unions[i], "unions[" + std::to_string(i) + "]");
      if (u >= 0) ids.push_back(u);
    }
  }
  void apply(World& w, int64_t tick) const override {
    for (size_t u = 0; u < w.unions.size(); ++u) {
      const bool hit = unions.empty() || std::find(ids.begin(), ids.end(), int(u)) != ids.end();
      if (!hit || !w.unions[u].left_led) continue;
      w.unions[u].left_led = false;
      auto it = w.events.find("leadership");
      if (it != w.events.end())
        it->second.add({tick, w.unions[u].spec.name, std::string("business"), 0.0, std::string("purge")});
    }
  }
  std::string detail() const override {
    return unions.empty() ? "all unions" : std::to_string(unions.size()) + " unions";
  }
};

}  // namespace

TRIBUNE_REGISTER_EVENT(Purge, "left leaders are removed from union leadership");

}  // namespace tribune
