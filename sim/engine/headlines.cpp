// The headline outcomes (see headlines.h). "The organization" is the scenario's first
// organization: the strategy's own in every strategy scenario (left_org).
#include "engine/headlines.h"

#include <cmath>

#include "engine/simulation.h"

namespace tribune {

namespace {

constexpr int64_t kLastYear = 52;  // weeks averaged for the flows and moods measured "lately"

struct Def {
  HeadlineInfo info;
  double (*value)(const World&, const Recorder&);
};

const std::vector<double>& city(const Recorder& r, const char* name) {
  for (size_t i = 0; i < r.city_series().size(); ++i)
    if (r.city_series()[i].name == name) return r.city()[i];
  throw std::out_of_range(std::string("no city series ") + name);
}

// Org 0's values of an organization series, one per tick (none without organizations).
std::vector<double> org0(const Recorder& r, const char* name) {
  std::vector<double> out;
  if (r.orgs() == 0) return out;
  for (size_t i = 0; i < r.org_series().size(); ++i)
    if (r.org_series()[i].name == name)
      for (size_t t = 0; t < r.ticks().size(); ++t) out.push_back(r.org()[i][t * static_cast<size_t>(r.orgs())]);
  return out;
}

double last(const std::vector<double>& x) {
  return x.empty() ? std::nan("") : x.back();
}

// Mean of the finite values of the last year (NaN if none).
double last_year_mean(const std::vector<double>& x) {
  double s = 0, n = 0;
  for (size_t t = x.size() > kLastYear ? x.size() - kLastYear : 0; t < x.size(); ++t)
    if (std::isfinite(x[t])) s += x[t], n += 1;
  return n > 0 ? s / n : std::nan("");
}

double per_thousand(const World& w, double count) {
  return w.orgs.empty() || w.size() == 0 ? std::nan("") : 1000.0 * count / static_cast<double>(w.size());
}

const std::vector<Def>& defs() {
  static const std::vector<Def> d = {
      {{"members_per_1000", "per 1000 residents", "the organization's members (cadre included) per 1,000 residents at the end",
        "more members"},
       [](const World& w, const Recorder&) {
         return w.orgs.empty() ? std::nan("")
                               : per_thousand(w, double(w.orgs[0].count[kMember] + w.orgs[0].count[kCadre]));
       }},
      {{"cadre_per_1000", "per 1000 residents", "the organization's cadre per 1,000 residents at the end", "more cadre"},
       [](const World& w, const Recorder&) {
         return w.orgs.empty() ? std::nan("") : per_thousand(w, double(w.orgs[0].count[kCadre]));
       }},
      {{"left_led_union_share", "1", "share of union members whose union has left leadership at the end (M15)",
        "more members in left-led unions"},
       [](const World&, const Recorder& r) { return last(city(r, "union_left_led_share")); }},
      {{"union_density", "1", "union members per employed person at the end (M13)", "denser unions"},
       [](const World&, const Recorder& r) { return last(city(r, "union_density")); }},
      {{"strikes_won", "strikes", "strikes won over the run (M14)", "more strikes won"},
       [](const World&, const Recorder& r) {
         double s = 0;
         for (double x : city(r, "strikes_won")) s += x;
         return s;
       }},
      {{"seats_backed", "seats", "seats held at the end by officeholders the organization backs (M10, M17)",
        "more seats"},
       [](const World&, const Recorder& r) { return last(org0(r, "seats_backed")); }},
      {{"seats_accountable", "seats",
        "seats held at the end by officeholders the organization backs, each weighted by the share of its winning "
        "relationships the organization holds, which is what lets it discipline them (M19, M23)",
        "more seats the organization can hold to account"},
       [](const World& w, const Recorder&) {
         double s = 0;
         for (const auto& h : w.politics.holders)
           if (h.org == 0 && !h.endorsement_withdrawn) s += h.held[kByOrganization];
         return w.orgs.empty() ? std::nan("") : s;
       }},
      {{"officeholder_drift", "ideology",
        "mean over the last year of the drift of the officeholders the organization backs: position minus the "
        "platform they ran on (NaN when it backed none) (M22)",
        "officeholders further right of their platform"},
       [](const World&, const Recorder& r) { return last_year_mean(org0(r, "holder_drift")); }},
      {{"reforms_passed", "reforms", "reforms of the agenda passed by the end (M26)", "more reforms"},
       [](const World& w, const Recorder&) { return double(w.politics.reforms_passed); }},
      {{"reform_depth", "1", "cumulative depth of the reforms passed by the end (M26)", "deeper reform"},
       [](const World& w, const Recorder&) { return w.politics.depth_passed; }},
      {{"episodes_won", "episodes", "city-wide protest episodes whose demand passed (M28, M30)", "more episodes won"},
       [](const World& w, const Recorder&) {
         const auto it = w.events.find("episodes");
         if (it == w.events.end()) return 0.0;
         const auto& scope = it->second.column("scope").texts;
         const auto& won = it->second.column("won").ints;
         double n = 0;
         for (size_t k = 0; k < won.size(); ++k) n += scope[k] == "city" && won[k] == 1;
         return n;
       }},
      {{"hope", "1", "mean hope of the residents over the last year (M3)", "more hope"},
       [](const World&, const Recorder& r) { return last_year_mean(city(r, "hope_mean")); }},
  };
  return d;
}

}  // namespace

const std::vector<HeadlineInfo>& headline_infos() {
  static const std::vector<HeadlineInfo> infos = [] {
    std::vector<HeadlineInfo> v;
    for (const auto& d : defs()) v.push_back(d.info);
    return v;
  }();
  return infos;
}

bool is_headline(const std::string& name) {
  for (const auto& h : headline_infos())
    if (h.name == name) return true;
  return false;
}

std::string headline_names() {
  std::string s;
  for (const auto& h : headline_infos()) {
    if (!s.empty()) s += ", ";
    s += h.name;
  }
  return s;
}

std::vector<double> headlines(const Simulation& sim) {
  std::vector<double> v;
  for (const auto& d : defs()) v.push_back(d.value(sim.world(), sim.recorder()));
  return v;
}

}  // namespace tribune
