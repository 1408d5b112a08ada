#pragma once
// Fixed-chunk parallel loops over persons.
//
// Work is split into chunks of `chunk_size` persons, independent of the thread count; OpenMP
// schedules the chunks. Reductions are taken over fixed blocks of kReduceBlock persons (every
// chunk is a whole number of blocks) and the block partials are folded in block order, so a sum
// is the same floating-point number for any thread count and any chunk size.
#include <algorithm>
#include <cstdint>
#include <vector>

namespace tribune {

inline constexpr int64_t kReduceBlock = 1024;

class Pool {
 public:
  Pool(int threads, int64_t chunk_size);
  int threads() const { return threads_; }
  int64_t chunk_size() const { return chunk_; }

  // f(lo, hi) for every chunk [lo, hi) of [0, n), in parallel.
  template <class F>
  void for_chunks(int64_t n, F&& f) const {
    const int64_t chunks = (n + chunk_ - 1) / chunk_;
#pragma omp parallel for schedule(dynamic, 1) num_threads(threads_)
    for (int64_t c = 0; c < chunks; ++c) f(c * chunk_, std::min(n, (c + 1) * chunk_));
  }

  // f(i) for every i in [0, n), in parallel, in chunks.
  template <class F>
  void for_each(int64_t n, F&& f) const {
    for_chunks(n, [&](int64_t lo, int64_t hi) {
      for (int64_t i = lo; i < hi; ++i) f(i);
    });
  }

  // Block partials f(lo, hi) folded into `acc` in block order with add(Acc&, const Partial&).
  template <class Acc, class F, class Add>
  Acc reduce(int64_t n, Acc acc, F&& f, Add&& add) const {
    using Partial = decltype(f(int64_t{}, int64_t{}));
    const int64_t blocks = (n + kReduceBlock - 1) / kReduceBlock;
    std::vector<Partial> part(static_cast<size_t>(blocks));
    for_chunks(n, [&](int64_t lo, int64_t hi) {
      for (int64_t b0 = lo; b0 < hi; b0 += kReduceBlock)
        part[static_cast<size_t>(b0 / kReduceBlock)] = f(b0, std::min(hi, b0 + kReduceBlock));
    });
    for (const auto& p : part) add(acc, p);
    return acc;
  }

 private:
  int threads_;
  int64_t chunk_;
};

// Threads to use when the user does not say: SLURM_CPUS_PER_TASK, then OMP_NUM_THREADS, then cores.
int default_threads();

}  // namespace tribune
