// Timeline event `police_killing`: a killing by police (Minneapolis, May 2020, 000) outrages the
// residents of the districts named (or everyone): their outrage (grievance that fades with M2's
// `outrage_half_life`) rises by `outrage`, and
// the state's legitimacy falls by `legitimacy_loss`. Mobilization (M28) reads both.
#include <algorithm>

#include "model/events/event_kind.h"
#include "world/world.h"

namespace tribune {
namespace {

struct PoliceKilling : EventOf<PoliceKilling> {
  static constexpr const char* kKind = "police_killing";
  std::vector<std::string> districts;
  std::vector<int> district_ids;
  double outrage = 0.2;
  double legitimacy_loss = 0.1;

  template <class V>
  void fields(V& v) {
    v.names("districts", districts, {.doc = "districts where it happened and outrage is felt; empty: all"});
    v.num("outrage", outrage,
          {.doc = "outrage (grievance that fades) added to the residents there",
           .unit = "grievance",
           .source = "scenario",
           .min = 0,
           .max = 1});
    v.num("legitimacy_loss", legitimacy_loss,
          {.doc = "the state's legitimacy lost", .unit = "[0, 1]", .source = "scenario", .min = 0, .max = 1});
  }
  void resolve(const ResolveContext& ctx) override { district_ids = ctx.districts(districts, "districts"); }
  void apply(World& w, int64_t) const override {
    auto& P = w.persons;
    for (size_t d = 0; d < w.districts.size(); ++d) {
      if (!district_ids.empty() && std::find(district_ids.begin(), district_ids.end(), int(d)) == district_ids.end())
        continue;
      for (int64_t i = w.districts[d].begin; i < w.districts[d].end; ++i)
        P.outrage[i] = std::min(1.0f, P.outrage[i] + static_cast<float>(outrage));
    }
    w.env.legitimacy = std::clamp(w.env.legitimacy - legitimacy_loss, 0.0, 1.0);
  }
  double magnitude() const override { return outrage; }
  std::string detail() const override {
    return (districts.empty() ? std::string("everywhere") : std::to_string(districts.size()) + " districts") +
           ", outrage " + std::to_string(outrage);
  }
};

}  // namespace

TRIBUNE_REGISTER_EVENT(PoliceKilling, "a killing by police: outrage where it happened, legitimacy lost");

}  // namespace tribune
