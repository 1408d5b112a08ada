// Timeline event `economic_shock`: a crisis that raises grievance (M2) for chosen classes and
// districts, at full strength for `duration_weeks`, then fading (a 2008- or 2020-style crisis, 000).
#include <cmath>

#include "model/events/event_kind.h"

namespace tribune {
namespace {

struct EconomicShock : EventOf<EconomicShock> {
  static constexpr const char* kKind = "economic_shock";
  double size = 0.15;
  int64_t duration_weeks = 26;
  double recovery_weeks = 26;
  std::vector<std::string> classes;
  std::vector<std::string> districts;
  uint8_t class_mask = 0b111;
  std::vector<int> district_ids;

  template <class V>
  void fields(V& v) {
    v.num("magnitude", size,
          {.doc = "grievance added at full strength",
           .unit = "[0, 1]",
           .source = "scenario",
           .min = -1,
           .max = 1,
           .required = true});
    v.integer("duration_weeks", duration_weeks,
              {.doc = "weeks at full strength", .unit = "weeks", .source = "scenario", .min = 1});
    v.num("recovery_weeks", recovery_weeks,
          {.doc = "e-folding time of the fade afterwards (0: ends at once)",
           .unit = "weeks",
           .source = "assumption",
           .min = 0});
    v.names("classes", classes, {.doc = "classes hit (worker, professional, owner); empty: all"});
    v.names("districts", districts, {.doc = "districts hit, by name; empty: all"});
  }

  void resolve(const ResolveContext& ctx) override {
    district_ids = ctx.districts(districts, "districts");
    if (classes.empty()) return;
    class_mask = 0;
    for (size_t i = 0; i < classes.size(); ++i) {
      int k = -1;
      for (int c = 0; c < kClasses; ++c)
        if (classes[i] == kClassNames[c]) k = c;
      if (k >= 0)
        class_mask |= static_cast<uint8_t>(1u << k);
      else
        ctx.error("classes[" + std::to_string(i) + "]",
                  "no class named '" + classes[i] + "'; classes: worker, professional, owner");
    }
  }

  void apply(World& w, int64_t tick) const override {
    w.env.shocks.push_back(Shock{tick, tick + duration_weeks, size, recovery_weeks, class_mask, district_ids});
  }

  double magnitude() const override { return size; }
  std::string detail() const override {
    std::string d = "for " + std::to_string(duration_weeks) + " weeks";
    if (!classes.empty()) {
      d += "; classes:";
      for (const auto& c : classes) d += " " + c;
    }
    if (!districts.empty()) {
      d += "; districts:";
      for (const auto& c : districts) d += " " + c;
    }
    return d;
  }
};

}  // namespace

TRIBUNE_REGISTER_EVENT(EconomicShock, "an economic crisis: grievance rises for the classes and districts hit");

}  // namespace tribune
