// M4 opinion (see opinion.h). Rule ties, bounded confidence over ties:
//   x <- x + rate * (mean of { x_j : j tie of i, |x_j - x| <= epsilon } - x)
// With epsilon >= 2 every tie counts (the range is [-1, 1]), which is DeGroot averaging: a sparse
// matrix-vector product over the CSR rows. Two-phase update through the scratch column.
// Rule complete: the same over everyone, oneself included, from the sorted opinions and their
// prefix sums (n log n a week). Rule deffuant: random pairs, one meeting after another (serial,
// so the result does not depend on threads).
#include "model/society/opinion.h"

#include <type_traits>

#include <algorithm>
#include <boost/random/normal_distribution.hpp>
#include <cmath>
#include <utility>
#include <vector>

#include "core/context.h"
#include "core/prefetch.h"
#include "model/society/influence_rules.h"
#include "model/society/tie_sums.h"
#include "world/world.h"

namespace tribune {

void init(World& w, const OpinionParams& p, const Context& c) {
  auto& P = w.persons;
  const int64_t n = w.size();
  c.pool.for_each(n, [&](int64_t i) {
    Stream s = c.rng.at(kSetupTick, static_cast<uint64_t>(i));
    float x = 0;
    switch (p.initial) {
      case InitialOpinion::normal: {
        const double mean = p.initial_mean[P.klass[i]] + w.districts[P.district[i]].ideology_shift;
        const float noise =
            p.initial_sd > 0 ? boost::random::normal_distribution<float>(0.0f, float(p.initial_sd))(s) : 0.0f;
        x = std::clamp(static_cast<float>(mean) + noise, -1.0f, 1.0f);
        break;
      }
      case InitialOpinion::uniform:
        x = static_cast<float>(p.initial_min + (p.initial_max - p.initial_min) * s.uniform());
        break;
      case InitialOpinion::even:
        x = static_cast<float>(n > 1 ? p.initial_min + (p.initial_max - p.initial_min) * double(i) / double(n - 1)
                                     : (p.initial_min + p.initial_max) / 2);
        break;
    }
    P.ideology[i] = x;
    P.anchor[i] = x;
  });
}

namespace {

// HK with complete mixing: everyone within epsilon, oneself included.
void step_complete(World& w, const OpinionParams& p, const Context& c) {
  const int64_t n = w.size();
  const float* x = w.persons.ideology.data();
  std::vector<std::pair<float, int32_t>> sorted(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) sorted[static_cast<size_t>(i)] = {x[i], static_cast<int32_t>(i)};
  std::sort(sorted.begin(), sorted.end());
  std::vector<float> value(static_cast<size_t>(n));
  std::vector<double> prefix(static_cast<size_t>(n) + 1, 0.0);
  for (int64_t k = 0; k < n; ++k) {
    value[static_cast<size_t>(k)] = sorted[static_cast<size_t>(k)].first;
    prefix[static_cast<size_t>(k) + 1] = prefix[static_cast<size_t>(k)] + sorted[static_cast<size_t>(k)].first;
  }
  const float rate = float(p.rate), eps = float(p.epsilon), stubborn = float(p.stubbornness);
  const float* anchor = w.persons.anchor.data();
  float* next = w.scratch_column();
  c.pool.for_each(n, [&](int64_t i) {
    const float xi = x[i];
    // |x_j - x_i| <= eps, with the same float arithmetic as the ties rule
    const auto lo = std::partition_point(value.begin(), value.end(), [&](float v) { return xi - v > eps; });
    const auto hi = std::partition_point(lo, value.end(), [&](float v) { return v - xi <= eps; });
    const size_t a = static_cast<size_t>(lo - value.begin()), b = static_cast<size_t>(hi - value.begin());
    influence::Trusted t;
    t.count = static_cast<int>(b - a);
    t.sum = static_cast<float>(prefix[b] - prefix[a]);
    next[i] = influence::next_ideology(xi, t, rate, stubborn, anchor[i]);
  });
  w.persons.ideology.swap(w.scratch);
}

// Deffuant et al.: encounters x n meetings of two persons drawn uniformly (distinct), in order.
void step_deffuant(World& w, const OpinionParams& p, const Context& c) {
  const int64_t n = w.size();
  if (n < 2) return;
  float* x = w.persons.ideology.data();
  const float mu = float(p.rate), eps = float(p.epsilon), stubborn = float(p.stubbornness);
  const int64_t meetings = p.encounters * n;
  for (int64_t k = 0; k < meetings; ++k) {
    Stream s = c.rng.at(static_cast<uint32_t>(c.tick), static_cast<uint64_t>(k));
    const int64_t i = static_cast<int64_t>(s.uniform() * double(n)) % n;
    int64_t j = static_cast<int64_t>(s.uniform() * double(n - 1)) % (n - 1);
    j += j >= i;
    const float xi = x[i], xj = x[j];
    if (std::fabs(xi - xj) < eps) {
      x[i] = xi + mu * (xj - xi);
      x[j] = xj + mu * (xi - xj);
    }
  }
  if (stubborn > 0) {
    const float* anchor = w.persons.anchor.data();
    c.pool.for_each(n, [&](int64_t i) { x[i] = std::clamp(x[i] + stubborn * (anchor[i] - x[i]), -1.0f, 1.0f); });
  }
}

}  // namespace

void step(World& w, const OpinionParams& p, const Context& c) {
  if (p.rule == OpinionRule::complete) return step_complete(w, p, c);
  if (p.rule == OpinionRule::deffuant) return step_deffuant(w, p, c);
  const float rate = float(p.rate), eps = float(p.epsilon), stubborn = float(p.stubbornness);
  const float* anchor = w.persons.anchor.data();
  const bool everyone = p.epsilon >= 2.0;
  const float* x = w.persons.ideology.data();
  const int64_t* off = w.network.offsets.data();
  float* next = w.scratch_column();
  const int64_t last = w.network.last_tie();
  w.network.nbr.visit([&](auto nbr) {
    with_prefetch(w.size() * int64_t{sizeof(float)}, [&](auto prefetch) {
      constexpr bool kPrefetch = decltype(prefetch)::value;
      c.pool.for_chunks(w.size(), [&](int64_t lo, int64_t hi) {
        int64_t i = lo;
        if (everyone) {
          for (; i < hi; ++i) {
            const int64_t b = off[i], e = off[i + 1];
            influence::Trusted t;
            for (int64_t k = b; k < e; ++k) {
              if constexpr (kPrefetch) prefetch_tie(x, nbr, k, last);
              t.sum += x[nbr[k]];
            }
            t.count = static_cast<int>(e - b);
            next[i] = influence::next_ideology(x[i], t, rate, stubborn, anchor[i]);
          }
          return;
        }
        // In cache (no prefetch), two persons at a time, each summed in its own tie order
        // (tie_sums.h). Past L2 this was slower: see docs/performance.md, fourth round.
        if constexpr (!kPrefetch)
          for (; i + 1 < hi; i += 2) {
            influence::TieSums s0, s1;
            influence::sum_trusted_two<false>(x, nbr, off[i], off[i + 1], off[i + 1], off[i + 2], last, x[i], x[i + 1],
                                              eps, s0, s1);
            next[i] = influence::next_ideology(x[i], {s0.trusted, s0.count}, rate, stubborn, anchor[i]);
            next[i + 1] = influence::next_ideology(x[i + 1], {s1.trusted, s1.count}, rate, stubborn, anchor[i + 1]);
          }
        for (; i < hi; ++i) {
          const influence::TieSums s0 = influence::sum_trusted<kPrefetch>(x, nbr, off[i], off[i + 1], last, x[i], eps);
          next[i] = influence::next_ideology(x[i], {s0.trusted, s0.count}, rate, stubborn, anchor[i]);
        }
      });
    });
  });
  w.persons.ideology.swap(w.scratch);
}

}  // namespace tribune
