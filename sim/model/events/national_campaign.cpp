// Timeline event `national_campaign`: a Sanders-style national primary run by a campaign
// organization (declared in `organizations:` with kind: campaign). While it runs it grows a list
// and seeks volunteers; when it ends it wins or loses, and a `retention` share of its people may
// pass to a permanent organization (M12, 001: "all of the energy, data, and infrastructure of the
// campaign instantly went up in smoke").
#include "model/events/event_kind.h"

namespace tribune {
namespace {

struct NationalCampaign : EventOf<NationalCampaign> {
  static constexpr const char* kKind = "national_campaign";
  std::string campaign, successor;
  int64_t duration_weeks = 52;
  double volunteer_demand = 0.005;
  double list_growth = 0.0005;
  double win_probability = 0.2;
  double retention = 0.0;
  int campaign_id = -1, successor_id = -1;

  template <class V>
  void fields(V& v) {
    v.text("campaign", campaign, {.doc = "the campaign organization (kind: campaign) that runs it", .required = true});
    v.integer("duration_weeks", duration_weeks,
              {.doc = "weeks the campaign runs", .unit = "weeks", .source = "scenario", .min = 1, .max = 1000});
    v.num("volunteer_demand", volunteer_demand,
          {.doc = "volunteers the campaign seeks, per resident",
           .unit = "1/person",
           .source = "004: Mamdani's campaign had about 100,000 volunteers in a city of 8.3 million (0.012)",
           .min = 0,
           .max = 1});
    v.num("list_growth", list_growth,
          {.doc = "new supporters per resident per week while it runs",
           .unit = "1/person/week",
           .source = "assumption",
           .min = 0,
           .max = 1});
    v.num("win_probability", win_probability,
          {.doc = "chance the campaign wins", .unit = "1", .source = "scenario", .min = 0, .max = 1});
    v.text("successor", successor,
           {.doc = "permanent organization that may inherit the campaign's people (empty: none)"});
    v.num("retention", retention,
          {.doc = "share of the campaign's list and volunteers that pass to the successor when it ends",
           .unit = "1",
           .source = "001: near zero for Bernie 2020",
           .min = 0,
           .max = 1});
  }

  void resolve(const ResolveContext& ctx) override {
    campaign_id = ctx.organization(campaign, "campaign");
    successor_id = ctx.organization(successor, "successor");
    if (campaign_id >= 0 && campaign_id == successor_id)
      ctx.error("successor", "the successor must be another organization");
  }

  void apply(World& w, int64_t tick) const override {
    w.campaigns.push_back(Campaign{campaign_id, successor_id, tick, tick + duration_weeks, volunteer_demand,
                                   list_growth, win_probability, retention, false});
  }
  double magnitude() const override { return volunteer_demand; }
  std::string detail() const override {
    return campaign + " for " + std::to_string(duration_weeks) + " weeks" +
           (successor.empty() ? std::string() : "; successor " + successor);
  }
};

}  // namespace

TRIBUNE_REGISTER_EVENT(NationalCampaign,
                       "a national campaign: grows a list and seeks volunteers, then may hand its people over");

}  // namespace tribune
