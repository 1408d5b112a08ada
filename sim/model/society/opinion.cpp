// M4 opinion, bounded confidence over ties:
//   x <- x + rate * (mean of { x_j : j tie of i, |x_j - x| <= epsilon } - x)
// With epsilon >= 2 every tie counts (the range is [-1, 1]), which is DeGroot averaging: a sparse
// matrix-vector product over the CSR rows. Two-phase update through the scratch column.
#include "model/society/opinion.h"

#include <algorithm>
#include <boost/random/normal_distribution.hpp>
#include <cmath>

#include "core/context.h"
#include "core/prefetch.h"
#include "model/society/influence_rules.h"
#include "world/world.h"

namespace tribune {

void init(World& w, const OpinionParams& p, const Context& c) {
  auto& P = w.persons;
  c.pool.for_each(w.size(), [&](int64_t i) {
    Stream s = c.rng.at(kSetupTick, static_cast<uint64_t>(i));
    double mean = p.initial_mean[P.klass[i]] + w.districts[P.district[i]].ideology_shift;
    float noise = p.initial_sd > 0 ? boost::random::normal_distribution<float>(0.0f, float(p.initial_sd))(s) : 0.0f;
    P.ideology[i] = std::clamp(static_cast<float>(mean) + noise, -1.0f, 1.0f);
    P.anchor[i] = P.ideology[i];
  });
}

void step(World& w, const OpinionParams& p, const Context& c) {
  const float rate = float(p.rate), eps = float(p.epsilon), stubborn = float(p.stubbornness);
  const float* anchor = w.persons.anchor.data();
  const bool everyone = p.epsilon >= 2.0;
  const float* x = w.persons.ideology.data();
  const int64_t* off = w.network.offsets.data();
  const int32_t* nbr = w.network.nbr.data();
  float* next = w.scratch.data();
  const int64_t last = w.network.last_tie();
  c.pool.for_each(w.size(), [&](int64_t i) {
    const float xi = x[i];
    const int64_t b = off[i], e = off[i + 1];
    influence::Trusted t;
    if (everyone) {
      for (int64_t k = b; k < e; ++k) {
        prefetch_tie(x, nbr, k, last);
        t.sum += x[nbr[k]];
      }
      t.count = static_cast<int>(e - b);
    } else {
      for (int64_t k = b; k < e; ++k) {
        prefetch_tie(x, nbr, k, last);
        influence::trust(t, xi, x[nbr[k]], eps);
      }
    }
    next[i] = influence::next_ideology(xi, t, rate, stubborn, anchor[i]);
  });
  w.persons.ideology.swap(w.scratch);
}

}  // namespace tribune
