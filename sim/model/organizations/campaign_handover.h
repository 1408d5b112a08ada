#pragma once
// M12 campaign to organization: a running national campaign (M32 national_campaign) grows its
// list and recruits volunteers; when it ends it wins or loses and a `retention` share of its
// list and volunteers passes to a named permanent organization. Everyone else falls back to
// not engaged: campaign volunteers do not stay unless the campaign was built to keep them (001).
#include "model/switch.h"

namespace tribune {

struct World;
struct Context;

struct CampaignHandoverParams {
  static constexpr const char* kName = "campaign_handover";
  bool enabled = true;
  double recruit_rate = 0.05;
  double fit_width = 0.6;

  template <class V>
  void fields(V& v) {
    declare_switch(v, enabled);
    v.num("recruit_rate", recruit_rate,
          {.doc = "weekly share of the gap between volunteers sought and volunteers present that the campaign fills "
                  "from its list",
           .unit = "1/week",
           .source = "assumption",
           .min = 0,
           .max = 1});
    v.num("fit_width", fit_width,
          {.doc = "ideological distance from the campaign's platform at which appeal falls to 0.61",
           .unit = "ideology",
           .source = "assumption",
           .min = 0.01,
           .max = 4});
  }
};

void init(World& w, const CampaignHandoverParams& p, const Context& c);
void step(World& w, const CampaignHandoverParams& p, const Context& c);

}  // namespace tribune
