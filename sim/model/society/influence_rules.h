#pragma once
// The per-person rules of M4 opinion and M3 hope, shared by each mechanism's own pass over the
// ties (opinion.cpp, hope.cpp) and by the pass that serves both at once (influence.cpp), so the
// three give the same floats in the same order.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace tribune {
struct World;
struct HopeParams;
}  // namespace tribune

namespace tribune::influence {

// M4: the ties whose ideology is within epsilon of one's own, summed and counted.
struct Trusted {
  float sum = 0;
  int count = 0;
};

// anchor: the person's own initial ideology, pulled toward with weight `stubborn` (Friedkin and
// Johnsen); with stubborn 0 this is bounded confidence alone.
inline float next_ideology(float xi, Trusted t, float rate, float stubborn, float anchor) {
  const float x = t.count > 0 ? xi + rate * (t.sum / float(t.count) - xi) : xi;
  return std::clamp(x + stubborn * (anchor - xi), -1.0f, 1.0f);
}

// M3: relaxation toward the baseline, one's own impulse, diffusion of the ties' hope, hearsay of
// their impulses, and a uniform change of mood (noise in [-1, 1], scaled by half).
struct HopeRule {
  float relax, diffusion, hearsay, half;
};

// Defined in hope.cpp: the rule's constants, and baseline[class] + shift[district] as a table
// [district * kClasses + class].
HopeRule hope_rule(const HopeParams& p);
std::vector<float> hope_baselines(const World& w, const HopeParams& p);

inline float next_hope(const HopeRule& r, float h, float baseline, float impulse, float sum_h, float sum_imp,
                       int64_t degree, double noise) {
  float x = h + r.relax * (baseline - h) + impulse;
  if (degree > 0) {
    const float inv = 1.0f / float(degree);
    x += r.diffusion * (sum_h * inv - h) + r.hearsay * sum_imp * inv;
  }
  if (r.half > 0) x += r.half * static_cast<float>(noise);
  return std::clamp(x, 0.0f, 1.0f);
}

}  // namespace tribune::influence
