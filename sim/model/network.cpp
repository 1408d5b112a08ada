#include "model/network.h"

#include <algorithm>
#include <atomic>
#include <cmath>

#include "core/parallel.h"
#include "core/rng.h"
#include "core/world.h"
#include "model/population.h"

namespace tribune {

namespace {
enum Purpose : uint32_t { kTies = 16 };

int32_t uniform_in(Stream& s, int64_t lo, int64_t hi) {  // [lo, hi)
  return static_cast<int32_t>(lo + static_cast<int64_t>(s.uniform() * static_cast<double>(hi - lo)));
}
}  // namespace

void build_network(World& w, const NetworkParams& p, const Streams& rng, const Pool& pool) {
  const int64_t n = w.size();
  const auto& P = w.persons;
  const auto& W = w.workplaces;
  // Half-degree H proposals per person; the fractional part is realized by a per-person draw.
  const double half = p.mean_degree / 2.0;
  const int64_t H = static_cast<int64_t>(std::ceil(half));
  std::vector<int32_t> prop(static_cast<size_t>(n * H), -1);

  // Position of each employee within their workplace's (shuffled) member list.
  std::vector<int32_t> pos(static_cast<size_t>(n), -1);
  pool.for_each(W.count(), [&](int64_t wp) {
    for (int64_t k = W.member_offsets[wp]; k < W.member_offsets[wp + 1]; ++k)
      pos[W.members[k]] = static_cast<int32_t>(k - W.member_offsets[wp]);
  });

  // Neighbourhood and co-worker ties are rings: the j-th tie of a kind goes to the person j
  // places further on. Offsets up to (size - 1) / 2 never propose the same pair twice; slots
  // beyond that fall back to the neighbourhood.
  pool.for_chunks(n, [&](int64_t lo, int64_t hi) {
    for (int64_t i = lo; i < hi; ++i) {
      Stream s = rng.at(kSetupTick, static_cast<uint64_t>(i), kTies);
      const District& d = w.districts[P.district[i]];
      const int64_t dsize = d.size();
      const int64_t mine = static_cast<int64_t>(std::floor(half)) + (s.uniform() < half - std::floor(half) ? 1 : 0);
      const int32_t wp = P.workplace[i];
      const int64_t wsize = wp >= 0 ? W.size(wp) : 0;
      int64_t n_local = 0, n_work = 0;
      for (int64_t j = 0; j < mine; ++j) {
        double u = s.uniform();
        int32_t t = -1;
        if (u < p.long_range_share) {
          t = uniform_in(s, 0, n);
        } else if (u < p.long_range_share + p.workplace_share && 2 * (n_work + 1) <= wsize - 1) {
          ++n_work;
          int64_t k = W.member_offsets[wp] + (pos[i] + n_work) % wsize;
          t = W.members[static_cast<size_t>(k)];
        } else if (s.uniform() < p.rewire) {
          t = uniform_in(s, d.begin, d.end);
        } else if (2 * (n_local + 1) <= dsize - 1) {
          ++n_local;
          t = static_cast<int32_t>(d.begin + (i - d.begin + n_local) % dsize);
        }
        if (t != i) prop[static_cast<size_t>(i * H + j)] = t;
      }
    }
  });
  std::vector<int32_t>().swap(pos);

  // Degrees (both ends of every proposal), offsets, then fill: own proposals, then incoming.
  std::vector<int32_t> deg(static_cast<size_t>(n), 0);
  pool.for_chunks(n, [&](int64_t lo, int64_t hi) {
    for (int64_t i = lo; i < hi; ++i)
      for (int64_t j = 0; j < H; ++j) {
        int32_t t = prop[static_cast<size_t>(i * H + j)];
        if (t < 0) continue;
        std::atomic_ref<int32_t>(deg[i]).fetch_add(1, std::memory_order_relaxed);
        std::atomic_ref<int32_t>(deg[t]).fetch_add(1, std::memory_order_relaxed);
      }
  });
  std::vector<int64_t> off(static_cast<size_t>(n) + 1, 0);
  for (int64_t i = 0; i < n; ++i) off[i + 1] = off[i] + deg[i];
  std::vector<int32_t> nbr(static_cast<size_t>(off[n]));
  std::vector<int32_t>& cursor = deg;  // reuse: next free slot in each row
  pool.for_each(n, [&](int64_t i) { cursor[i] = 0; });
  pool.for_chunks(n, [&](int64_t lo, int64_t hi) {
    for (int64_t i = lo; i < hi; ++i)
      for (int64_t j = 0; j < H; ++j) {
        int32_t t = prop[static_cast<size_t>(i * H + j)];
        if (t < 0) continue;
        int32_t a = std::atomic_ref<int32_t>(cursor[i]).fetch_add(1, std::memory_order_relaxed);
        nbr[static_cast<size_t>(off[i] + a)] = t;
        int32_t b = std::atomic_ref<int32_t>(cursor[t]).fetch_add(1, std::memory_order_relaxed);
        nbr[static_cast<size_t>(off[t] + b)] = static_cast<int32_t>(i);
      }
  });
  std::vector<int32_t>().swap(prop);

  // Sort rows and drop duplicate ties; the row lengths after that give the final offsets.
  pool.for_chunks(n, [&](int64_t lo, int64_t hi) {
    for (int64_t i = lo; i < hi; ++i) {
      auto b = nbr.begin() + off[i], e = nbr.begin() + off[i + 1];
      std::sort(b, e);
      cursor[i] = static_cast<int32_t>(std::unique(b, e) - b);
    }
  });
  auto& N = w.network;
  N.offsets.assign(static_cast<size_t>(n) + 1, 0);
  for (int64_t i = 0; i < n; ++i) N.offsets[i + 1] = N.offsets[i] + cursor[i];
  N.nbr.resize(static_cast<size_t>(N.offsets[n]));
  pool.for_chunks(n, [&](int64_t lo, int64_t hi) {
    for (int64_t i = lo; i < hi; ++i)
      std::copy_n(nbr.begin() + off[i], cursor[i], N.nbr.begin() + N.offsets[i]);
  });
}

}  // namespace tribune
