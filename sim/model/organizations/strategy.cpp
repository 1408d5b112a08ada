// M9 strategy: the adaptive allocation rule, race selection and the ballot-line rule.
#include "model/organizations/strategy.h"

#include <algorithm>
#include <cmath>

#include "core/context.h"
#include "world/world.h"

namespace tribune {

void init(World& w, const StrategyParams&, const Context&) {
  for (auto& o : w.orgs) {
    for (int a = 0; a < kActivities; ++a) o.share[a] = o.spec.strategy.share(a);
    o.opportunity.fill(0.0);
  }
}

namespace {
// This week's opportunity signal for each activity (see strategy.h).
std::array<double, kActivities> signals(const World& w, const Context& c) {
  const auto& P = w.persons;
  const double mobilizable = c.pool.reduce(
                                 w.size(), 0.0,
                                 [&](int64_t lo, int64_t hi) {
                                   double s = 0;
                                   for (int64_t i = lo; i < hi; ++i) s += P.grievance[i] * P.hope[i];
                                   return s;
                                 },
                                 [](double& a, double b) { a += b; }) /
                             std::max<double>(1, static_cast<double>(w.size()));
  const auto& W = w.workplaces;
  int64_t union_shops = 0, fights = 0;
  for (int64_t k = 0; k < W.count(); ++k) {
    union_shops += W.union_id[k] >= 0;
    fights += W.strike[k] > 0 || W.drive[k] > 0;
  }
  std::array<double, kActivities> s{};
  s[kElectoral] = w.env.election_season;
  for (const auto& cam : w.campaigns)
    if (!cam.ended && c.tick >= cam.start && c.tick < cam.end) s[kElectoral] = 1.0;
  s[kMovement] = mobilizable;
  s[kUnion] = static_cast<double>(fights) / static_cast<double>(std::max<int64_t>(1, union_shops));
  s[kBaseBuilding] = s[kInternal] = 1.0;
  return s;
}
}  // namespace

void step(World& w, const StrategyParams& p, const Context& c) {
  bool any_adaptive = false;
  for (const auto& o : w.orgs) any_adaptive |= o.spec.strategy.rule == AllocationRule::adaptive;
  if (!any_adaptive) return;
  const auto s = signals(w, c);
  const double k = 1.0 / p.memory_weeks;
  for (auto& o : w.orgs) {
    if (o.spec.strategy.rule != AllocationRule::adaptive) continue;
    std::array<double, kActivities> aim{};
    double total = 0;
    for (int a = 0; a < kActivities; ++a) {
      // A signal with no history yet starts its mean at the signal itself.
      double& mean = o.opportunity[a];
      mean = c.tick == 0 ? s[a] : mean + k * (s[a] - mean);
      const double rel = (s[a] - mean) / (mean + p.noticeable);
      aim[a] = o.spec.strategy.share(a) * std::exp(p.sensitivity * std::clamp(rel, -1.0, 1.0));
      total += aim[a];
    }
    for (int a = 0; a < kActivities; ++a)
      o.share[a] += p.adapt_rate * ((total > 0 ? aim[a] / total : o.spec.strategy.share(a)) - o.share[a]);
  }
}

bool contests(const Org& org, const TieLayout& layout, int d) {
  if (org.spec.races == RaceSelection::any) return true;
  if (org.ties.org.empty()) return false;
  auto tie = [&](int k) { return 0.5 * (org.ties.total(layout.bloc(k)) + org.ties.total(layout.community(k))); };
  double t = 0;
  if (d >= 0) {
    t = tie(d);
  } else {
    for (int k = 0; k < layout.districts; ++k) t += tie(k) / layout.districts;
  }
  return t >= org.spec.decisive_tie;
}

bool runs_independent(const Org& org, double establishment_partisans, double petition_hours, double hours_available) {
  switch (org.spec.ballot_line) {
    case BallotLineRule::democratic:
      return false;
    case BallotLineRule::independent:
      return true;
    case BallotLineRule::flexible:
      return establishment_partisans <= org.spec.flexible_partisanship && hours_available >= petition_hours;
  }
  return false;
}

}  // namespace tribune
