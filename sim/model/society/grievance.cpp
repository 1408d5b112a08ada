// M2 grievance: g <- g + rate * (clamp(base[class] + offset + shock + outrage) - g) + noise;
// outrage fades.
#include "model/society/grievance.h"

#include <algorithm>
#include <boost/random/normal_distribution.hpp>
#include <cmath>

#include "core/context.h"
#include "world/world.h"

namespace tribune {

void init(World& w, const GrievanceParams& p, const Context& c) {
  auto& P = w.persons;
  c.pool.for_each(w.size(), [&](int64_t i) {
    Stream s = c.rng.at(kSetupTick, static_cast<uint64_t>(i));
    boost::random::normal_distribution<float> offset(0.0f, static_cast<float>(p.offset_sd));
    P.grievance_offset[i] = p.offset_sd > 0 ? offset(s) : 0.0f;
    // Uniform: the offset is what puts this person's target at their draw (with no shocks).
    if (p.initial == GrievanceStart::uniform)
      P.grievance_offset[i] = static_cast<float>(s.uniform()) - static_cast<float>(p.base[P.klass[i]]);
    P.grievance[i] = std::clamp(static_cast<float>(p.base[P.klass[i]]) + P.grievance_offset[i], 0.0f, 1.0f);
    P.outrage[i] = 0;
  });
}

void step(World& w, const GrievanceParams& p, const Context& c) {
  auto& P = w.persons;
  const float rate = static_cast<float>(p.adjust_rate);
  const float base[kClasses] = {float(p.base[0]), float(p.base[1]), float(p.base[2])};
  const auto& env = w.env;
  // Weekly shocks: uniform with standard deviation noise_sd (half-width sd * sqrt(3)); one
  // 32-bit draw each, and at this size the shape of the distribution does not matter.
  const float half = static_cast<float>(p.noise_sd * std::sqrt(3.0));
  const float fade = static_cast<float>(std::exp2(-1.0 / p.outrage_half_life));
  c.pool.for_chunks(w.size(), [&](int64_t lo, int64_t hi) {
    AgentWords words = c.rng.words(static_cast<uint32_t>(c.tick));
    for (int64_t i = lo; i < hi; ++i) {
      const int k = P.klass[i];
      const float shock = static_cast<float>(env.shock(P.district[i], k));
      const float target = std::clamp(base[k] + P.grievance_offset[i] + shock + P.outrage[i], 0.0f, 1.0f);
      P.outrage[i] *= fade;
      float g = P.grievance[i] + rate * (target - P.grievance[i]);
      if (half > 0) g += half * static_cast<float>(words.symmetric(static_cast<uint64_t>(i)));
      P.grievance[i] = std::clamp(g, 0.0f, 1.0f);
    }
  });
}

}  // namespace tribune
