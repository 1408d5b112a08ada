// M3 hope:
//   h <- clamp(h + relax * (baseline[class] + shift[district] - h)
//                + diffusion * (mean of ties' h - h)
//                + impulse + hearsay * mean of ties' impulses + noise)
// Reads the previous values of every tie (two-phase update through the scratch column).
#include "model/hope.h"

#include <algorithm>
#include <boost/random/normal_distribution.hpp>
#include <cmath>

#include "core/context.h"
#include "core/world.h"

namespace tribune {

namespace {
// baseline[class] + shift[district], as a table [district * kClasses + class].
std::vector<float> baselines(const World& w, const HopeParams& p) {
  std::vector<float> t(w.districts.size() * kClasses);
  for (size_t d = 0; d < w.districts.size(); ++d)
    for (int k = 0; k < kClasses; ++k) t[d * kClasses + k] = float(p.baseline[k] + w.districts[d].hope_shift);
  return t;
}
}  // namespace

void init(World& w, const HopeParams& p, const Context& c) {
  auto& P = w.persons;
  const std::vector<float> baseline = baselines(w, p);
  c.pool.for_each(w.size(), [&](int64_t i) {
    Stream s = c.rng.at(kSetupTick, static_cast<uint64_t>(i));
    float noise = p.initial_sd > 0 ? boost::random::normal_distribution<float>(0.0f, float(p.initial_sd))(s) : 0.0f;
    P.hope[i] = std::clamp(baseline[P.district[i] * kClasses + P.klass[i]] + noise, 0.0f, 1.0f);
    P.hope_impulse[i] = 0.0f;
  });
}

void step(World& w, const HopeParams& p, const Context& c) {
  auto& P = w.persons;
  const float relax = float(p.relax_rate), diff = float(p.diffusion), hear = float(p.hearsay);
  const bool impulses = w.hope_impulses_pending;  // most weeks nobody wins or loses anything
  const std::vector<float> baseline_table = baselines(w, p);
  // Weekly changes of mood: uniform with standard deviation noise_sd (half-width sd * sqrt(3)).
  const float half = static_cast<float>(p.noise_sd * std::sqrt(3.0));
  // Raw pointers in the hot loop: the compiler then keeps them in registers.
  const float* hope = P.hope.data();
  const float* impulse = P.hope_impulse.data();
  const uint16_t* district = P.district.data();
  const uint8_t* klass = P.klass.data();
  const float* baseline = baseline_table.data();
  const int64_t* off = w.network.offsets.data();
  const int32_t* nbr = w.network.nbr.data();
  float* next = w.scratch.data();
  c.pool.for_chunks(w.size(), [&](int64_t lo, int64_t hi) {
    AgentWords words = c.rng.words(static_cast<uint32_t>(c.tick));
    for (int64_t i = lo; i < hi; ++i) {
      const float h = hope[i];
      const int64_t b = off[i], e = off[i + 1];
      float sum_h = 0, sum_imp = 0;
      for (int64_t k = b; k < e; ++k) sum_h += hope[nbr[k]];
      if (impulses)
        for (int64_t k = b; k < e; ++k) sum_imp += impulse[nbr[k]];
      float x = h + relax * (baseline[district[i] * kClasses + klass[i]] - h) + impulse[i];
      if (e > b) {
        const float inv = 1.0f / float(e - b);
        x += diff * (sum_h * inv - h) + hear * sum_imp * inv;
      }
      if (half > 0) x += half * static_cast<float>(words.symmetric(static_cast<uint64_t>(i)));
      next[i] = std::clamp(x, 0.0f, 1.0f);
    }
  });
  P.hope.swap(w.scratch);
  if (impulses) std::fill(P.hope_impulse.begin(), P.hope_impulse.end(), 0.0f);
  w.hope_impulses_pending = false;
}

}  // namespace tribune
