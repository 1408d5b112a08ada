#include "model/society/network.h"

#include <algorithm>
#include <cmath>

#include "core/parallel.h"
#include "core/rng.h"
#include "core/stop.h"
#include "model/society/population.h"
#include "world/world.h"

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

  throw_if_stopped("building the network");
  // Transpose the proposals without atomics: each source chunk sorts its proposals into one
  // bucket per destination chunk; then each destination chunk fills, sorts and de-duplicates
  // its own rows from its own buckets. Rows come out sorted, so the result does not depend on
  // the order anything ran in.
  const int64_t C = pool.chunk_size();
  const int64_t chunks = (n + C - 1) / C;
  auto chunk_of = [C](int64_t person) { return person / C; };
  std::vector<int64_t> count(static_cast<size_t>(chunks * chunks), 0);  // [source][dest]
  pool.for_chunks(n, [&](int64_t lo, int64_t hi) {
    int64_t* row = &count[static_cast<size_t>(chunk_of(lo) * chunks)];
    for (int64_t k = lo * H; k < hi * H; ++k)
      if (prop[k] >= 0) ++row[chunk_of(prop[k])];
  });
  std::vector<int64_t> start(count.size() + 1, 0);  // bucket (dest, source) in dest-major order
  {
    int64_t at = 0;
    for (int64_t d = 0; d < chunks; ++d)
      for (int64_t c = 0; c < chunks; ++c) {
        start[static_cast<size_t>(d * chunks + c)] = at;
        at += count[static_cast<size_t>(c * chunks + d)];
      }
    start.back() = at;
  }
  struct Half {
    int32_t to, from;
  };
  std::vector<Half> incoming(static_cast<size_t>(start.back()));
  pool.for_chunks(n, [&](int64_t lo, int64_t hi) {
    const int64_t c = chunk_of(lo);
    std::vector<int64_t> cur(static_cast<size_t>(chunks));
    for (int64_t d = 0; d < chunks; ++d) cur[d] = start[static_cast<size_t>(d * chunks + c)];
    for (int64_t i = lo; i < hi; ++i)
      for (int64_t j = 0; j < H; ++j) {
        const int32_t t = prop[static_cast<size_t>(i * H + j)];
        if (t >= 0) incoming[static_cast<size_t>(cur[chunk_of(t)]++)] = Half{t, static_cast<int32_t>(i)};
      }
  });

  // Degrees: own proposals plus proposals received.
  std::vector<int32_t> deg(static_cast<size_t>(n), 0);
  pool.for_chunks(n, [&](int64_t lo, int64_t hi) {
    for (int64_t i = lo; i < hi; ++i)
      for (int64_t j = 0; j < H; ++j) deg[i] += prop[static_cast<size_t>(i * H + j)] >= 0;
    const int64_t d = chunk_of(lo);
    for (int64_t k = start[static_cast<size_t>(d * chunks)]; k < start[static_cast<size_t>((d + 1) * chunks)]; ++k)
      ++deg[incoming[static_cast<size_t>(k)].to];
  });
  std::vector<int64_t> off(static_cast<size_t>(n) + 1, 0);
  for (int64_t i = 0; i < n; ++i) off[i + 1] = off[i] + deg[i];
  std::vector<int32_t> nbr(static_cast<size_t>(off[n]));
  pool.for_chunks(n, [&](int64_t lo, int64_t hi) {
    for (int64_t i = lo; i < hi; ++i) {
      int64_t at = off[i];
      for (int64_t j = 0; j < H; ++j)
        if (prop[static_cast<size_t>(i * H + j)] >= 0)
          nbr[static_cast<size_t>(at++)] = prop[static_cast<size_t>(i * H + j)];
      deg[i] = static_cast<int32_t>(at - off[i]);  // now: next free slot in the row
    }
    const int64_t d = chunk_of(lo);
    for (int64_t k = start[static_cast<size_t>(d * chunks)]; k < start[static_cast<size_t>((d + 1) * chunks)]; ++k) {
      const Half& h = incoming[static_cast<size_t>(k)];
      nbr[static_cast<size_t>(off[h.to] + deg[h.to]++)] = h.from;
    }
    for (int64_t i = lo; i < hi; ++i) {  // sort rows and drop duplicate ties
      auto b = nbr.begin() + off[i], e = nbr.begin() + off[i + 1];
      std::sort(b, e);
      deg[i] = static_cast<int32_t>(std::unique(b, e) - b);
    }
  });
  std::vector<int32_t>().swap(prop);
  std::vector<Half>().swap(incoming);

  // Close the gaps the duplicates left, in place (rows only move left).
  auto& N = w.network;
  N.offsets.assign(static_cast<size_t>(n) + 1, 0);
  for (int64_t i = 0; i < n; ++i) {
    N.offsets[i + 1] = N.offsets[i] + deg[i];
    if (N.offsets[i] != off[i]) std::copy_n(nbr.begin() + off[i], deg[i], nbr.begin() + N.offsets[i]);
  }
  nbr.resize(static_cast<size_t>(N.offsets[n]));
  N.nbr = std::move(nbr);
}

}  // namespace tribune
