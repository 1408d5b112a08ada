// M3 hope:
//   h <- clamp(h + relax * (baseline[class] + shift[district] - h)
//                + diffusion * (mean of ties' h - h)
//                + impulse + hearsay * mean of ties' impulses + noise)
// Reads the previous values of every tie (two-phase update through the scratch column).
#include "model/society/hope.h"

#include <type_traits>

#include <algorithm>
#include <boost/random/normal_distribution.hpp>
#include <cmath>

#include "core/context.h"
#include "core/prefetch.h"
#include "model/society/influence_rules.h"
#include "world/world.h"

namespace tribune {

namespace influence {
HopeRule hope_rule(const HopeParams& p) {
  // Weekly changes of mood: uniform with standard deviation noise_sd (half-width sd * sqrt(3)).
  return {float(p.relax_rate), float(p.diffusion), float(p.hearsay), static_cast<float>(p.noise_sd * std::sqrt(3.0))};
}

std::vector<float> hope_baselines(const World& w, const HopeParams& p) {
  std::vector<float> t(w.districts.size() * kClasses);
  for (size_t d = 0; d < w.districts.size(); ++d)
    for (int k = 0; k < kClasses; ++k) t[d * kClasses + k] = float(p.baseline[k] + w.districts[d].hope_shift);
  return t;
}
}  // namespace influence

void init(World& w, const HopeParams& p, const Context& c) {
  auto& P = w.persons;
  const std::vector<float> baseline = influence::hope_baselines(w, p);
  c.pool.for_each(w.size(), [&](int64_t i) {
    Stream s = c.rng.at(kSetupTick, static_cast<uint64_t>(i));
    float noise = p.initial_sd > 0 ? boost::random::normal_distribution<float>(0.0f, float(p.initial_sd))(s) : 0.0f;
    P.hope[i] = std::clamp(baseline[P.district[i] * kClasses + P.klass[i]] + noise, 0.0f, 1.0f);
    P.hope_impulse[i] = 0.0f;
  });
}

void step(World& w, const HopeParams& p, const Context& c) {
  auto& P = w.persons;
  const bool impulses = w.hope_impulses_pending;  // most weeks nobody wins or loses anything
  const std::vector<float> baseline_table = influence::hope_baselines(w, p);
  const influence::HopeRule rule = influence::hope_rule(p);
  // Raw pointers in the hot loop: the compiler then keeps them in registers.
  const float* hope = P.hope.data();
  const float* impulse = P.hope_impulse.data();
  const uint16_t* district = P.district.data();
  const uint8_t* klass = P.klass.data();
  const float* baseline = baseline_table.data();
  const int64_t* off = w.network.offsets.data();
  float* next = w.scratch_column();
  const int64_t last = w.network.last_tie();
  w.network.nbr.visit([&](auto nbr) {
    with_prefetch(w.size() * int64_t{sizeof(float)}, [&](auto prefetch) {
      c.pool.for_chunks(w.size(), [&](int64_t lo, int64_t hi) {
        AgentWords words = c.rng.words(static_cast<uint32_t>(c.tick));
        for (int64_t i = lo; i < hi; ++i) {
          const float h = hope[i];
          const int64_t b = off[i], e = off[i + 1];
          float sum_h = 0, sum_imp = 0;
          for (int64_t k = b; k < e; ++k) {
            if constexpr (decltype(prefetch)::value) prefetch_tie(hope, nbr, k, last);
            sum_h += hope[nbr[k]];
          }
          if (impulses)
            for (int64_t k = b; k < e; ++k) sum_imp += impulse[nbr[k]];
          const double noise = rule.half > 0 ? words.symmetric(static_cast<uint64_t>(i)) : 0.0;
          next[i] = influence::next_hope(rule, h, baseline[district[i] * kClasses + klass[i]], impulse[i], sum_h,
                                         sum_imp, e - b, noise);
        }
      });
    });
  });
  P.hope.swap(w.scratch);
  if (impulses) std::fill(P.hope_impulse.begin(), P.hope_impulse.end(), 0.0f);
  w.hope_impulses_pending = false;
}

}  // namespace tribune
