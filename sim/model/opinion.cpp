// M4 opinion, bounded confidence over ties:
//   x <- x + rate * (mean of { x_j : j tie of i, |x_j - x| <= epsilon } - x)
// With epsilon >= 2 every tie counts (the range is [-1, 1]), which is DeGroot averaging: a sparse
// matrix-vector product over the CSR rows. Two-phase update through the scratch column.
#include "model/opinion.h"

#include <algorithm>
#include <boost/random/normal_distribution.hpp>
#include <cmath>

#include "core/context.h"
#include "core/world.h"

namespace tribune {

void init(World& w, const OpinionParams& p, const Context& c) {
  auto& P = w.persons;
  c.pool.for_each(w.size(), [&](int64_t i) {
    Stream s = c.rng.at(kSetupTick, static_cast<uint64_t>(i));
    double mean = p.initial_mean[P.klass[i]] + w.districts[P.district[i]].ideology_shift;
    float noise = p.initial_sd > 0 ? boost::random::normal_distribution<float>(0.0f, float(p.initial_sd))(s) : 0.0f;
    P.ideology[i] = std::clamp(static_cast<float>(mean) + noise, -1.0f, 1.0f);
  });
}

void step(World& w, const OpinionParams& p, const Context& c) {
  const float rate = float(p.rate), eps = float(p.epsilon);
  const bool everyone = p.epsilon >= 2.0;
  const float* x = w.persons.ideology.data();
  const int64_t* off = w.network.offsets.data();
  const int32_t* nbr = w.network.nbr.data();
  float* next = w.scratch.data();
  c.pool.for_each(w.size(), [&](int64_t i) {
    const float xi = x[i];
    const int64_t b = off[i], e = off[i + 1];
    float sum = 0;
    int count = 0;
    if (everyone) {
      for (int64_t k = b; k < e; ++k) sum += x[nbr[k]];
      count = static_cast<int>(e - b);
    } else {
      // Which ties are trusted is unpredictable, so no branch: an int flag keeps g++ from
      // turning the selection back into a (mispredicted) jump.
      for (int64_t k = b; k < e; ++k) {
        const float xj = x[nbr[k]];
        const int in = std::fabs(xj - xi) <= eps;
        sum += xj * static_cast<float>(in);
        count += in;
      }
    }
    next[i] = count > 0 ? std::clamp(xi + rate * (sum / float(count) - xi), -1.0f, 1.0f) : xi;
  });
  w.persons.ideology.swap(w.scratch);
}

}  // namespace tribune
