// M3 hope:
//   h <- clamp(h + relax * (baseline[class] + shift[district] - h)
//                + diffusion * (mean of ties' h - h)
//                + impulse + hearsay * mean of ties' impulses + noise)
// Reads the previous values of every tie (two-phase update through the scratch column).
#include "model/hope.h"

#include <algorithm>
#include <boost/random/normal_distribution.hpp>

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
  const auto& N = w.network;
  const float relax = float(p.relax_rate), diff = float(p.diffusion), hear = float(p.hearsay);
  std::vector<float>& next = w.scratch;
  const bool impulses = w.hope_impulses_pending;  // most weeks nobody wins or loses anything
  const std::vector<float> baseline = baselines(w, p);
  c.pool.for_each(w.size(), [&](int64_t i) {
    const float h = P.hope[i];
    const float base = baseline[P.district[i] * kClasses + P.klass[i]];
    const int64_t b = N.offsets[i], e = N.offsets[i + 1];
    float sum_h = 0, sum_imp = 0;
    for (int64_t k = b; k < e; ++k) sum_h += P.hope[N.nbr[k]];
    if (impulses)
      for (int64_t k = b; k < e; ++k) sum_imp += P.hope_impulse[N.nbr[k]];
    float x = h + relax * (base - h) + P.hope_impulse[i];
    if (e > b) {
      const float inv = 1.0f / float(e - b);
      x += diff * (sum_h * inv - h) + hear * sum_imp * inv;
    }
    if (p.noise_sd > 0) {
      Stream s = c.rng.at(static_cast<uint32_t>(c.tick), static_cast<uint64_t>(i));
      x += boost::random::normal_distribution<float>(0.0f, float(p.noise_sd))(s);
    }
    next[i] = std::clamp(x, 0.0f, 1.0f);
  });
  P.hope.swap(next);
  if (impulses) c.pool.for_each(w.size(), [&](int64_t i) { P.hope_impulse[i] = 0.0f; });
  w.hope_impulses_pending = false;
}

}  // namespace tribune
