#include "model/society/network.h"

#include <algorithm>
#include <atomic>
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
  // Half-degree proposals per person; the fractional part is realized by a per-person draw.
  const double half = p.mean_degree / 2.0;

  // Position of each employee within their workplace's (shuffled) member list.
  std::vector<int32_t> pos(static_cast<size_t>(n), -1);
  pool.for_each(W.count(), [&](int64_t wp) {
    for (int64_t k = W.member_offsets[wp]; k < W.member_offsets[wp + 1]; ++k)
      pos[W.members[k]] = static_cast<int32_t>(k - W.member_offsets[wp]);
  });

  // Person i's proposals, emit(t) for each, drawn from i's own stream: the same every time they
  // are drawn. Neighbourhood and co-worker ties are rings: the j-th tie of a kind goes to the
  // person j places further on. Offsets up to (size - 1) / 2 never propose the same pair twice;
  // slots beyond that fall back to the neighbourhood.
  auto propose = [&](int64_t i, auto&& emit) {
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
      if (t >= 0 && t != i) emit(static_cast<int32_t>(t));
    }
  };

  // The proposals are drawn twice instead of stored: once to count each person's ties (their
  // own proposals and those they receive), once to place them. Storing them, and the transposed
  // copy, took 96 bytes a person at mean degree 16 on top of the network itself, and made the
  // build's peak 1.6 times the run's (issue 19). The counts are integers and each row is sorted
  // and de-duplicated at the end, so the atomic additions' order does not show in the result.
  std::vector<int32_t> deg(static_cast<size_t>(n), 0);
  auto bump = [&](int32_t who) {
    return std::atomic_ref<int32_t>(deg[static_cast<size_t>(who)]).fetch_add(1, std::memory_order_relaxed);
  };
  pool.for_chunks(n, [&](int64_t lo, int64_t hi) {
    for (int64_t i = lo; i < hi; ++i)
      propose(i, [&](int32_t t) {
        bump(static_cast<int32_t>(i));
        bump(t);
      });
  });
  throw_if_stopped("building the network");
  std::vector<int64_t> off(static_cast<size_t>(n) + 1, 0);
  for (int64_t i = 0; i < n; ++i) off[i + 1] = off[i] + deg[i];
  std::fill(deg.begin(), deg.end(), 0);  // now: the next free slot of each row
  // Four bytes a tie end while rows are filled and sorted; packed to three at the end.
  TieEnds ends;
  int32_t* nbr = ends.allocate_wide(off[n]);
  pool.for_chunks(n, [&](int64_t lo, int64_t hi) {
    for (int64_t i = lo; i < hi; ++i)
      propose(i, [&](int32_t t) {
        nbr[static_cast<size_t>(off[i] + bump(static_cast<int32_t>(i)))] = t;
        nbr[static_cast<size_t>(off[t] + bump(t))] = static_cast<int32_t>(i);
      });
  });
  std::vector<int32_t>().swap(pos);
  throw_if_stopped("building the network");
  pool.for_chunks(n, [&](int64_t lo, int64_t hi) {
    for (int64_t i = lo; i < hi; ++i) {  // sort rows and drop duplicate ties
      int32_t *b = nbr + off[i], *e = nbr + off[i + 1];
      std::sort(b, e);
      deg[i] = static_cast<int32_t>(std::unique(b, e) - b);
    }
  });

  // Close the gaps the duplicates left, in place (rows only move left, and so do the offsets).
  int64_t at = 0;
  for (int64_t i = 0; i < n; ++i) {
    const int64_t from = off[i];
    off[i] = at;
    if (from != at) std::copy_n(nbr + from, deg[i], nbr + at);
    at += deg[i];
  }
  off[n] = at;
  ends.finish(at, n);
  auto& N = w.network;
  N.offsets = std::move(off);
  N.nbr = std::move(ends);
}

}  // namespace tribune
